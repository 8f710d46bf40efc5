import type { JSONContent } from "@tiptap/core";

export interface ImageWithoutAlt {
  mediaId: string | null;
  caption: string;
  src: string;
}

/**
 * The images of a story body that have no alt text, in reading order. Shared by the
 * submit check on the server and the editor's warning, so both name the same images.
 */
export function imagesWithoutAlt(body: JSONContent): ImageWithoutAlt[] {
  const found: ImageWithoutAlt[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === "image" && String(node.attrs?.alt ?? "").trim() === "") {
      found.push({
        mediaId: typeof node.attrs?.mediaId === "string" ? node.attrs.mediaId : null,
        caption: String(node.attrs?.caption ?? "").trim(),
        src: String(node.attrs?.src ?? ""),
      });
    }
    node.content?.forEach(visit);
  };
  visit(body);
  return found;
}

/** How an image is named to the author: its caption, else its file name. */
export function imageLabel(image: ImageWithoutAlt, filename: string | undefined): string {
  return image.caption || filename || "untitled image";
}

export function missingAltMessage(labels: string[]): string {
  const quoted = labels.map((label) => `“${label}”`).join(", ");
  return labels.length === 1
    ? `Add alt text to the image ${quoted} before submitting: readers who cannot see it rely on it.`
    : `Add alt text to these images before submitting: ${quoted}. Readers who cannot see them rely on it.`;
}
