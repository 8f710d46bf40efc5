import { getSchema, type JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { z } from "zod";
import { plainTextOf, SAFE_HREF, storyExtensions } from "../../components/editor/extensions";
import { AppError } from "../errors";
import { mediaIdFromUrl } from "../media/urls";
import { countWords } from "../text/words";
import { BODY_TOO_LONG, bodyBytes, MAX_BODY_BYTES } from "./limits";

const schema = getSchema(storyExtensions);

export { MAX_BODY_BYTES } from "./limits";

const storyBodySchema = z
  .object({ type: z.literal("doc"), content: z.array(z.unknown()).optional() })
  .passthrough();

export const EMPTY_BODY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

const HEADING_LEVELS = [2, 3, 4];
const TEXT_LIMIT = 2000;

type Attrs = Record<string, unknown>;

const isText = (value: unknown): value is string => typeof value === "string" && value.length <= TEXT_LIMIT;
const isDimension = (value: unknown) => value === null || value === undefined || (Number.isInteger(value) && (value as number) > 0);
const quoted = (value: unknown) => JSON.stringify(String(value).slice(0, 80));

/**
 * Checks what the schema cannot: attribute values. Returns the body with each bad value
 * made safe, and what was wrong in words an author can act on.
 */
function checkAttributes(json: JSONContent, problems: string[]): JSONContent {
  const attrs: Attrs = { ...json.attrs };
  if (json.type === "heading" && !HEADING_LEVELS.includes(attrs.level as number)) {
    problems.push(`A heading has level ${typeof attrs.level === "number" ? attrs.level : quoted(attrs.level)}; only levels 2, 3 and 4 are allowed.`);
    attrs.level = 2;
  }
  if (json.type === "image") {
    const id = typeof attrs.src === "string" ? mediaIdFromUrl(attrs.src) : null;
    if (!id) {
      problems.push(`An image points at ${quoted(attrs.src)}; images must come from the media library.`);
      return { type: "paragraph" };
    }
    if (attrs.mediaId !== undefined && attrs.mediaId !== null && attrs.mediaId !== id)
      problems.push("An image's media id does not match its address.");
    attrs.mediaId = id;
    for (const key of ["alt", "caption", "credit"]) {
      if (attrs[key] !== undefined && !isText(attrs[key])) {
        problems.push(`An image's ${key} must be text of at most ${TEXT_LIMIT} characters.`);
        attrs[key] = "";
      }
    }
    for (const key of ["width", "height"]) {
      if (!isDimension(attrs[key])) {
        problems.push(`An image's ${key} must be a whole number of pixels.`);
        attrs[key] = null;
      }
    }
  }
  if (json.type === "speakerCard") {
    for (const key of ["name", "title", "quote"]) {
      if (attrs[key] !== undefined && !isText(attrs[key])) {
        problems.push(`A speaker card's ${key} must be text of at most ${TEXT_LIMIT} characters.`);
        attrs[key] = "";
      }
    }
    const photo = attrs.photo;
    if (photo !== undefined && photo !== null && !(typeof photo === "string" && mediaIdFromUrl(photo))) {
      problems.push(`A speaker card's portrait points at ${quoted(photo)}; portraits must come from the media library.`);
      attrs.photo = null;
    }
  }
  const marks = json.marks?.filter((mark) => {
    if (mark.type !== "link" || SAFE_HREF.test(String(mark.attrs?.href ?? ""))) return true;
    problems.push(`A link points at ${quoted(mark.attrs?.href)}; only http, https, mailto and same-site links are allowed.`);
    return false;
  });
  return {
    ...json,
    ...(json.attrs ? { attrs } : {}),
    ...(marks ? { marks } : {}),
    ...(json.content ? { content: json.content.map((child) => checkAttributes(child, problems)) } : {}),
  };
}

/**
 * A body from an author must be right as sent (`strict`); a stored body being rendered is
 * made safe instead, so that one bad value never takes a published page down.
 */
function toNode(json: unknown, strict: boolean): PMNode {
  const parsed = storyBodySchema.safeParse(json);
  if (!parsed.success) throw new AppError("invalid", "The story body is not a document.");
  if (bodyBytes(JSON.stringify(json)) > MAX_BODY_BYTES) throw new AppError("invalid", BODY_TOO_LONG);
  let node: PMNode;
  const problems: string[] = [];
  try {
    node = schema.nodeFromJSON(checkAttributes(parsed.data as JSONContent, problems));
    node.check();
  } catch {
    throw new AppError("invalid", "The story body contains content the editor does not support.");
  }
  if (strict && problems.length > 0) throw new AppError("invalid", problems.join(" "));
  return node;
}

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
  const node = toNode(json, true);
  const plainText = plainTextOf(node).trim();
  const wordCount = countWords(plainText);
  return { body: node.toJSON() as JSONContent, plainText, wordCount };
}

/** The plain text of a stored body, as a save computed it (for the reading time of a page). */
export function storyPlainText(json: unknown): string {
  return plainTextOf(toNode(json, false)).trim();
}

/** Renders a stored body to HTML from the allow-list of nodes and marks; text is escaped. */
export function renderStoryHtml(json: unknown): string {
  return renderToHTMLString({ content: toNode(json, false), extensions: storyExtensions });
}
