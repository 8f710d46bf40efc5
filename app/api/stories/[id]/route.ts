import { errorResponse, jsonError, signedOut } from "@/app/api/respond";
import { getCurrentUser } from "@/lib/auth/session";
import { MAX_BODY_BYTES } from "@/lib/content/limits";
import { saveStory } from "@/lib/stories/save-story";

/** Room for the title, standfirst and JSON quoting beside a body at its limit. */
const MAX_REQUEST_BYTES = 2 * MAX_BODY_BYTES;
const TOO_LARGE = "This is too large to save (over 1 MB). Nothing was saved.";

/** The request's bytes, refused as soon as they pass the limit (a chunked body has no length). */
async function readLimited(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REQUEST_BYTES) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Saves a story's title, standfirst and body: `{ version, title, standfirst, body }` as
 * JSON, the body itself JSON text. The editor's autosave uses it rather than a server
 * action so that every refusal has its HTTP status (400 a body that does not fit, 401
 * signed out, 403 not yours to edit now, 404 no such story, 409 someone else saved first,
 * 413 too large) with a message, and nothing is ever a 500. JSON only: a page on another
 * site cannot send that without the browser asking first.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return jsonError(415, "Send the story as JSON.");
  }
  const text = await readLimited(request).catch(() => undefined);
  if (text === undefined) return jsonError(400, "The request could not be read. Please try again.");
  if (text === null) return jsonError(413, TOO_LARGE);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return jsonError(400, "The request is not valid JSON.");
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return jsonError(400, "Send the story as a JSON object.");
  }
  try {
    const saved = await saveStory(user, { ...input, storyId: (await params).id });
    return Response.json(saved);
  } catch (error) {
    return errorResponse(error);
  }
}
