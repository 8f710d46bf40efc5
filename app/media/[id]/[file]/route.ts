import { readMediaVariant } from "@/lib/media/media-library";

type Context = { params: Promise<{ id: string; file: string }> };

/**
 * `/media/<sha256>/<width>.webp`. The id is the hash of the original, so a URL's bytes
 * never change: browsers and CDNs may keep them for a year without asking again.
 */
export async function GET(request: Request, { params }: Context) {
  const { id, file } = await params;
  const etag = `"${id}-${file}"`;
  const bytes = await readMediaVariant(id, file);
  if (!bytes) return new Response("No such image.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const headers = {
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "Content-Type": "image/webp",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Length": String(bytes.byteLength) } });
}
