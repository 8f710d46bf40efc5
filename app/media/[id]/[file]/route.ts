import { readMediaFallback } from "@/lib/media/fallback-images";
import { readMediaVariant } from "@/lib/media/media-library";

type Context = { params: Promise<{ id: string; file: string }> };

/**
 * `/media/<sha256>/<width>.webp`, and for mail clients without WebP (desktop Outlook)
 * `/media/<sha256>/<width>.jpg` — or `.png` for an image with transparency — made on first
 * request. The id is the hash of the original, so a URL's bytes never change: browsers
 * and CDNs may keep them for a year without asking again.
 */
export async function GET(request: Request, { params }: Context) {
  const { id, file } = await params;
  const etag = `"${id}-${file}"`;
  const image = file.endsWith(".webp")
    ? await readMediaVariant(id, file).then((bytes) => (bytes ? { mime: "image/webp", bytes } : null))
    : await readMediaFallback(id, file);
  if (!image) return new Response("No such image.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const headers = {
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "Content-Type": image.mime,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.bytes), { headers: { ...headers, "Content-Length": String(image.bytes.byteLength) } });
}
