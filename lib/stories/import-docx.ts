import "server-only";
import { getSchema, type JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorParser } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import mammoth from "mammoth";
import { z } from "zod";
import { storyExtensions } from "../../components/editor/extensions";
import { cleanPastedHtml, describeDropped } from "../../components/editor/paste";
import { AppError, isAppError } from "../errors";
import { storeImage } from "../media/store-image";
import { mediaUrl } from "../media/urls";
import { canCreateStory, type Actor } from "../policy";
import { parseInput } from "../validation";
import { createStory } from "./create-story";

export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

const importDocxSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a Word document (.docx) to import." })
    .refine((file) => /\.docx$/i.test(file.name), "Only Word documents (.docx) can be imported.")
    .refine((file) => file.size > 0, "The file is empty.")
    .refine((file) => file.size <= MAX_DOCX_BYTES, "The document is larger than 10 MB."),
});

/**
 * Word's heading styles, one level down: the story's title is the page's only h1, so a
 * document's Title becomes the story title and its Heading 1 a section heading (h2).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h4:fresh",
  "u => u",
  "strike => s",
];

const schema = getSchema(storyExtensions);

export interface ImportedStory {
  id: string;
  title: string;
  /** What did not come across, in sentences for the author. */
  report: string[];
}

/** A .docx is a zip archive; anything else is refused before mammoth sees it. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** mammoth's warnings name Word styles it had no rule for; say what happened to the text. */
function describeMammothMessages(messages: { type: string; message: string }[]): string[] {
  // Images are judged by the media store, which says why one was refused.
  const lines = messages.filter(({ message }) => !message.startsWith("Image of type")).map(({ message }) => {
    const style = /^Unrecognised (paragraph|run) style: '(.+?)'/.exec(message);
    return style ? `Word style “${style[2]}” has no equivalent here; its text was kept without it.` : message;
  });
  return Array.from(new Set(lines));
}

function countComments(element: { type?: string; children?: unknown[] }): number {
  const own = element.type === "commentReference" ? 1 : 0;
  return own + (element.children ?? []).reduce<number>((n, child) => n + countComments(child as typeof element), 0);
}

/**
 * Starts a draft story from a Word document: mammoth turns it into HTML, embedded images
 * go into the media store, the paste cleanup keeps what a story holds, and the editor's
 * schema turns that into a body.
 * The title is the document's Title (or first heading), else the file name.
 */
export async function importDocx(actor: Actor, input: unknown): Promise<ImportedStory> {
  const { file } = parseInput(importDocxSchema, input);
  if (!canCreateStory(actor)) throw new AppError("forbidden", "You may not create stories.");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isZip(bytes)) throw new AppError("invalid", "This file is not a Word document (.docx).");

  let comments = 0;
  const refusals: string[] = [];
  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: STYLE_MAP,
        transformDocument: (document: { type?: string; children?: unknown[] }) => {
          comments = countComments(document);
          return document;
        },
        convertImage: mammoth.images.imgElement(async (image) => {
          try {
            const alt = (image as { altText?: string }).altText ?? "";
            const stored = await storeImage(actor, new Uint8Array(await image.readAsArrayBuffer()), { alt });
            const attributes = { src: mediaUrl(stored.id), width: String(stored.width), height: String(stored.height) };
            return attributes;
          } catch (error) {
            if (!isAppError(error)) throw error;
            // Refused (an EMF drawing, say): the cleanup counts an <img> without a source as left out.
            refusals.push(error.message);
            return { src: "" };
          }
        }),
      },
    );
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError("invalid", "This Word document could not be read. Save it again as .docx and retry.");
  }

  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const document = window.document as unknown as Document;
    const source = document.createElement("template");
    source.innerHTML = converted.value;
    const titleHeading =
      source.content.querySelector("h1") ?? source.content.firstElementChild?.closest("h2, h3, h4") ?? null;
    const headingText = titleHeading?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    if (headingText) titleHeading?.remove();
    const title = (headingText || file.name.replace(/\.docx$/i, "").trim() || "Imported story").slice(0, 200);

    const cleaned = cleanPastedHtml(source.innerHTML, document);
    const container = document.createElement("div");
    container.innerHTML = cleaned.html;
    const body = ProseMirrorParser.fromSchema(schema).parse(container).toJSON() as JSONContent;

    const { id } = await createStory(actor, { title }, body);
    const report = [
      // A refused image is reported once, with its reason, not also as an image left out.
      ...describeDropped(
        {
          ...cleaned.dropped,
          images: Math.max(0, cleaned.dropped.images - refusals.length),
          comments: cleaned.dropped.comments + comments,
        },
        "imported",
      ),
      ...Array.from(new Set(refusals), (reason) => `An image was refused: ${reason}`),
      ...describeMammothMessages(converted.messages),
    ];
    return { id, title, report };
  } finally {
    await window.happyDOM.close();
  }
}
