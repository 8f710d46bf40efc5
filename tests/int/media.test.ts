import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as serveMedia } from "@/app/media/[id]/[file]/route";
import { getDatabase } from "@/db/client";
import { findMedia, listVariantWidths } from "@/db/queries/media";
import { listMediaLibrary, updateMediaDetails } from "@/lib/media/media-library";
import { storeImage } from "@/lib/media/store-image";
import { MEDIA_WIDTHS, mediaUrl } from "@/lib/media/urls";
import { saveStory } from "@/lib/stories/save-story";
import { submitStory } from "@/lib/stories/transition-story";
import { currentStory, makeStory, makeUser } from "../support/factories";
import { code } from "../support/outcome";

/** A generated photo (never a committed one); `seed` changes its colour, and so its hash. */
async function photo(
  format: "jpeg" | "png" | "webp" | "gif",
  { width = 2000, height = 1000, seed = Math.floor(Math.random() * 1e9), orientation }: { width?: number; height?: number; seed?: number; orientation?: number } = {},
): Promise<Uint8Array> {
  let image = sharp({
    create: { width, height, channels: 3, background: { r: seed % 256, g: (seed >> 8) % 256, b: (seed >> 16) % 256 } },
  })[format]();
  if (orientation) image = image.withExif({ IFD0: { Copyright: "Test camera" } }).withMetadata({ orientation });
  return new Uint8Array(await image.toBuffer());
}

async function fetchVariant(id: string, width: number, headers: Record<string, string> = {}) {
  const url = `http://studio.test${mediaUrl(id, width as (typeof MEDIA_WIDTHS)[number])}`;
  return serveMedia(new Request(url, { headers }), { params: Promise.resolve({ id, file: `${width}.webp` }) });
}

describe("media store", () => {
  it("stores the same bytes once, whoever uploads them and whatever they are called", async () => {
    const [alice, bob] = [await makeUser("contributor"), await makeUser("editor")];
    const bytes = await photo("png", { width: 300, height: 200 });
    const first = await storeImage(alice, bytes, { filename: "river.png", alt: "The Mekong at dusk" });
    const second = await storeImage(bob, bytes, { filename: "copy-of-river.png" });

    expect(first).toMatchObject({ width: 300, height: 200, filename: "river.png", created: true });
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toEqual({ ...first, created: false });
    const { db } = await getDatabase();
    expect(await findMedia(db, first.id)).toMatchObject({ filename: "river.png", alt: "The Mekong at dusk", mime: "image/png" });
    const found = await listMediaLibrary(bob, { q: "river" });
    expect(found.filter((item) => item.id === first.id)).toHaveLength(1);
  });

  it("makes an upright WebP without EXIF at every width, never enlarged", async () => {
    const author = await makeUser("contributor");
    // Stored sideways with EXIF orientation 6: shown 1000 wide and 2000 high.
    const bytes = await photo("jpeg", { width: 2000, height: 1000, orientation: 6 });
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    const stored = await storeImage(author, bytes, { filename: "portrait.jpg" });
    expect(stored).toMatchObject({ width: 1000, height: 2000 });

    const { db } = await getDatabase();
    expect(await listVariantWidths(db, stored.id)).toEqual([...MEDIA_WIDTHS]);
    for (const width of MEDIA_WIDTHS) {
      const response = await fetchVariant(stored.id, width);
      expect(response.status).toBe(200);
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.width).toBe(Math.min(width, 1000));
      expect(meta.height).toBe(Math.min(width, 1000) * 2);
    }
  });

  it("accepts JPEG, PNG, WebP and GIF, judged from the bytes", async () => {
    const author = await makeUser("contributor");
    const { db } = await getDatabase();
    for (const [format, mime] of [["jpeg", "image/jpeg"], ["png", "image/png"], ["webp", "image/webp"], ["gif", "image/gif"]] as const) {
      const stored = await storeImage(author, await photo(format, { width: 64, height: 48 }), { filename: "upload" });
      expect((await findMedia(db, stored.id))?.mime).toBe(mime);
    }
  });

  it("refuses SVG, text posing as PNG, a JPEG named .gif and files over 10 MB, storing nothing", async () => {
    const author = await makeUser("contributor");
    const svg = new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const text = new TextEncoder().encode("Minutes of the meeting, not a picture.");
    const jpeg = await photo("jpeg", { width: 64, height: 64 });
    const huge = new Uint8Array(11 * 1024 * 1024);
    huge.set(await photo("jpeg", { width: 16, height: 16 }));

    await expect(storeImage(author, svg, { filename: "logo.svg" })).rejects.toMatchObject({ code: "unsupported_type", message: expect.stringContaining("SVG") });
    await expect(storeImage(author, svg, { filename: "logo.png" })).rejects.toMatchObject({ code: "unsupported_type" });
    await expect(storeImage(author, text, { filename: "photo.png" })).rejects.toMatchObject({ code: "unsupported_type" });
    await expect(storeImage(author, jpeg, { filename: "animation.gif" })).rejects.toMatchObject({ code: "unsupported_type", message: expect.stringContaining("JPEG") });
    await expect(storeImage(author, huge, { filename: "big.jpg" })).rejects.toMatchObject({ code: "too_large" });
    expect(await code(storeImage(author, new Uint8Array(), { filename: "empty.png" }))).toBe("invalid");
    expect(await listMediaLibrary(author, { q: "logo" })).toEqual([]);
  });

  it("serves variants with immutable caching, an ETag, and 404 for unknown ids and widths", async () => {
    const author = await makeUser("contributor");
    const stored = await storeImage(author, await photo("png", { width: 600, height: 400 }), { filename: "cache.png" });

    const response = await fetchVariant(stored.id, 480);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-type")).toBe("image/webp");
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await fetchVariant(stored.id, 480, { "If-None-Match": etag ?? "" })).status).toBe(304);

    expect((await fetchVariant(stored.id, 500)).status).toBe(404);
    expect((await fetchVariant("0".repeat(64), 480)).status).toBe(404);
    expect((await fetchVariant("not-a-hash", 480)).status).toBe(404);
  });

  it("keeps edited alt text and finds the image by it", async () => {
    const author = await makeUser("reviewer");
    const stored = await storeImage(author, await photo("webp", { width: 100, height: 100 }), { filename: "IMG_0042.webp" });
    await updateMediaDetails(author, { id: stored.id, alt: "Delegates at the Lancang-Mekong forum", caption: "Opening session" });
    const [found] = await listMediaLibrary(author, { q: "lancang-mekong" });
    expect(found).toMatchObject({ id: stored.id, alt: "Delegates at the Lancang-Mekong forum", caption: "Opening session" });
    expect(await code(updateMediaDetails(author, { id: "f".repeat(64), alt: "x" }))).toBe("not_found");
    expect(await code(updateMediaDetails(author, { id: "nope", alt: "x" }))).toBe("invalid");
  });
});

describe("submitting a story with images", () => {
  const withImages = (...images: { id: string; alt: string; caption?: string }[]) =>
    JSON.stringify({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "The forum opened on Monday." }] },
        ...images.map(({ id, alt, caption = "" }) => ({
          type: "image",
          attrs: { src: mediaUrl(id), mediaId: id, alt, caption, credit: "", width: 64, height: 48 },
        })),
      ],
    });

  it("is refused while an image has no alt text, naming it by caption or file name", async () => {
    const author = await makeUser("contributor");
    const named = await storeImage(author, await photo("png", { width: 64, height: 48 }), { filename: "delegates.png" });
    const captioned = await storeImage(author, await photo("png", { width: 64, height: 48 }), { filename: "IMG_1.png" });
    let story = await makeStory(author);
    await saveStory(author, {
      storyId: story.id,
      version: story.version,
      title: story.title,
      body: withImages({ id: named.id, alt: "" }, { id: captioned.id, alt: " ", caption: "The opening session" }),
    });
    story = await currentStory(story.id);

    const refusal = submitStory(author, { storyId: story.id, version: story.version });
    await expect(refusal).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("“delegates.png”") });
    await expect(submitStory(author, { storyId: story.id, version: story.version })).rejects.toThrow("“The opening session”");
    expect((await currentStory(story.id)).status).toBe("draft");

    await saveStory(author, {
      storyId: story.id,
      version: story.version,
      title: story.title,
      body: withImages({ id: named.id, alt: "Delegates seated" }, { id: captioned.id, alt: "A speaker at the lectern", caption: "The opening session" }),
    });
    story = await currentStory(story.id);
    await submitStory(author, { storyId: story.id, version: story.version });
    expect((await currentStory(story.id)).status).toBe("in_review");
  });
});
