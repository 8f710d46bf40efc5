import { getSchema, type JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { z } from "zod";
import { SAFE_HREF, storyExtensions } from "../../components/editor/extensions";
import { AppError } from "../errors";
import { countWords } from "../text/words";

const schema = getSchema(storyExtensions);

/** A stored body larger than this is refused rather than slowing every page that shows it. */
export const MAX_BODY_BYTES = 512 * 1024;

const storyBodySchema = z
  .object({ type: z.literal("doc"), content: z.array(z.unknown()).optional() })
  .passthrough();

export const EMPTY_BODY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

function stripUnsafeLinks(json: JSONContent): JSONContent {
  const marks = json.marks?.filter(
    (mark) => mark.type !== "link" || SAFE_HREF.test(String(mark.attrs?.href ?? "")),
  );
  const photo = json.attrs?.photo;
  const attrs =
    json.type === "speakerCard" && typeof photo === "string" && !SAFE_HREF.test(photo)
      ? { ...json.attrs, photo: null }
      : json.attrs;
  return {
    ...json,
    ...(attrs ? { attrs } : {}),
    ...(marks ? { marks } : {}),
    ...(json.content ? { content: json.content.map(stripUnsafeLinks) } : {}),
  };
}

function toNode(json: unknown): PMNode {
  const parsed = storyBodySchema.safeParse(json);
  if (!parsed.success) throw new AppError("invalid", "The story body is not a document.");
  if (new TextEncoder().encode(JSON.stringify(json)).length > MAX_BODY_BYTES)
    throw new AppError("invalid", "The story is too long to save (over 512 KB).");
  try {
    const node = schema.nodeFromJSON(stripUnsafeLinks(parsed.data as JSONContent));
    node.check();
    return node;
  } catch {
    throw new AppError("invalid", "The story body contains content the editor does not support.");
  }
}

const leafText = (leaf: PMNode) =>
  leaf.type.name === "speakerCard"
    ? `${String(leaf.attrs.name)}, ${String(leaf.attrs.title)}: ${String(leaf.attrs.quote)}`
    : leaf.type.name === "hardBreak"
      ? "\n"
      : "";

export interface NormalizedBody {
  body: JSONContent;
  plainText: string;
  wordCount: number;
}

/**
 * Validates a body against the editor's schema and returns it in canonical form, with
 * its plain text (for search) and word count. Throws AppError("invalid") on anything
 * the schema does not know: no raw client content is ever stored as-is.
 */
export function normalizeStoryBody(json: unknown): NormalizedBody {
  const node = toNode(json);
  const plainText = node.textBetween(0, node.content.size, "\n\n", leafText).trim();
  const wordCount = countWords(plainText);
  return { body: node.toJSON() as JSONContent, plainText, wordCount };
}

/** Renders a stored body to HTML from the allow-list of nodes and marks; text is escaped. */
export function renderStoryHtml(json: unknown): string {
  return renderToHTMLString({ content: toNode(json), extensions: storyExtensions });
}
