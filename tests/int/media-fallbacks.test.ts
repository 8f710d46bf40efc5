import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as serveMedia } from "@/app/media/[id]/[file]/route";
import { getDatabase, tables } from "@/db/client";
import { prepareFallbacks } from "@/lib/media/fallback-images";
import { storeImage } from "@/lib/media/store-image";
import { makeUser } from "../support/factories";

/** A generated picture; `alpha` gives it see-through pixels. */
async function picture(format: "jpeg" | "png", { alpha = false, width = 1800, height = 900 } = {}): Promise<Uint8Array> {
  const seed = Math.floor(Math.random() * 1e9);
  const background = { r: seed % 256, g: (seed >> 8) % 256, b: (seed >> 16) % 256, alpha: alpha ? 0.4 : 1 };
  const image = sharp({ create: { width, height, channels: alpha ? 4 : 3, background } });
  return new Uint8Array(await image[format]().toBuffer());
}

const fetchFile = (id: string, file: string, headers: Record<string, string> = {}) =>
  serveMedia(new Request(`http://studio.test/media/${id}/${file}`, { headers }), { params: Promise.resolve({ id, file }) });

const storedFallbacks = async (id: string) => {
  const { db } = await getDatabase();
  const { mediaFallbacks } = tables;
  return db
    .select({ width: mediaFallbacks.width, mime: mediaFallbacks.mime })
    .from(mediaFallbacks)
    .where(and(eq(mediaFallbacks.mediaId, id)))
    .orderBy(mediaFallbacks.width);
};

describe("JPEG and PNG copies of stored images, for mail clients without WebP", () => {
  it("serves a JPEG of an opaque image at the asked width, made once and kept, cached for a year", async () => {
    const author = await makeUser("contributor");
    const { id } = await storeImage(author, await picture("png"), { filename: "river.png" });

    const response = await fetchFile(id, "960.jpg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 960, height: 480 });
    expect(meta.exif).toBeUndefined();
    expect(await storedFallbacks(id)).toEqual([{ width: 960, mime: "image/jpeg" }]);

    // Asked again: the kept copy, byte for byte; a conditional request gets 304.
    const again = await fetchFile(id, "960.jpg");
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await storedFallbacks(id)).toHaveLength(1);
    const etag = again.headers.get("etag")!;
    expect((await fetchFile(id, "960.jpg", { "if-none-match": etag })).status).toBe(304);
    // It is no PNG.
    expect((await fetchFile(id, "960.png")).status).toBe(404);
  });

  it("serves a PNG, keeping the transparency, of an image with see-through pixels", async () => {
    const author = await makeUser("contributor");
    const { id } = await storeImage(author, await picture("png", { alpha: true, width: 600, height: 600 }), { filename: "logo.png" });
    expect(await prepareFallbacks([id, id], [480, 960])).toEqual(new Map([[id, "png"]]));
    expect(await storedFallbacks(id)).toEqual([
      { width: 480, mime: "image/png" },
      { width: 960, mime: "image/png" },
    ]);
    const response = await fetchFile(id, "480.png");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "png", width: 480, hasAlpha: true });
    // Never enlarged: the 960 copy of a 600-pixel image is 600 wide.
    expect((await sharp(Buffer.from(await (await fetchFile(id, "960.png")).arrayBuffer())).metadata()).width).toBe(600);
    expect((await fetchFile(id, "480.jpg")).status).toBe(404);
  });

  it("answers 404, and stores nothing, for unknown images, widths and file names", async () => {
    const author = await makeUser("contributor");
    const { id } = await storeImage(author, await picture("jpeg", { width: 500, height: 300 }), { filename: "small.jpg" });
    const unknown = "0".repeat(64);
    for (const [mediaId, file] of [
      [unknown, "960.jpg"],
      [id, "961.jpg"],
      [id, "960.gif"],
      [id, "960.jpeg"],
      [id, "../960.jpg"],
      ["not-a-hash", "960.jpg"],
    ] as const) {
      const response = await fetchFile(mediaId, file);
      expect(response.status, `${mediaId}/${file}`).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
    expect(await storedFallbacks(id)).toEqual([]);
    expect(await storedFallbacks(unknown)).toEqual([]);
  });
});
