import { mergeAttributes, Node } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";
import { mediaIdFromUrl, mediaSrcSet } from "../../lib/media/urls";

/**
 * A minimal image node for the media branch's own tests, per the issue-7 contract
 * (docs: notes/issue7.md). BLOCKS owns the real one; this file goes when it lands.
 */
export const StoryImage = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      src: { default: "", rendered: false },
      mediaId: { default: null, rendered: false },
      alt: { default: "", rendered: false },
      caption: { default: "", rendered: false },
      credit: { default: "", rendered: false },
      width: { default: null, rendered: false },
      height: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure.story-image",
        getAttrs: (el) => {
          const img = el.querySelector("img");
          const src = img?.getAttribute("src") ?? "";
          return {
            src,
            mediaId: mediaIdFromUrl(src),
            alt: img?.getAttribute("alt") ?? "",
            caption: el.querySelector("figcaption")?.firstChild?.textContent?.trim() ?? "",
            credit: el.querySelector(".credit")?.textContent?.trim() ?? "",
          };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { src, mediaId, alt, caption, credit, width, height } = node.attrs as {
      src: string;
      mediaId: string | null;
      alt: string;
      caption: string;
      credit: string;
      width: number | null;
      height: number | null;
    };
    const ours = mediaIdFromUrl(src) !== null && mediaId === mediaIdFromUrl(src);
    const img: DOMOutputSpec = [
      "img",
      {
        src: ours ? src : "",
        ...(ours && mediaId ? { srcset: mediaSrcSet(mediaId), sizes: "(min-width: 768px) 720px, 100vw" } : {}),
        alt,
        ...(width ? { width: String(width) } : {}),
        ...(height ? { height: String(height) } : {}),
        loading: "lazy",
      },
    ];
    const credited: DOMOutputSpec[] = credit ? [["span", { class: "credit" }, credit]] : [];
    const figcaption: DOMOutputSpec[] = caption || credit ? [["figcaption", {}, caption, ...credited]] : [];
    return ["figure", mergeAttributes(HTMLAttributes, { class: "story-image" }), img, ...figcaption];
  },
});
