import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { findMedia, insertMediaOnce, insertMediaVariants } from "../../db/queries/media";
import { findStory } from "../../db/queries/stories";
import { AppError } from "../errors";
import { canEditStory, canUploadMedia, canViewStory, type Actor } from "../policy";
import { storyIdSchema } from "../stories/schemas";
import { STORY_STATUS_LABEL } from "../workflow";
import { nameKey } from "../text/name-key";
import { parseInput } from "../validation";
import { IMAGE_FORMATS, MAX_IMAGE_BYTES, sniffImage, type ImageFormat } from "./sniff-image";
import { MEDIA_WIDTHS } from "./urls";

const storeImageMetaSchema = z.object({
  filename: z
    .string()
    .trim()
    .max(255, "Keep the file name under 255 characters.")
    .transform((name) => name.replace(/[\u0000-\u001f\u007f]/g, ""))
    .default(""),
  alt: z.string().trim().max(500, "Keep the alt text under 500 characters.").default(""),
  /** The story the image is uploaded for, when it comes from a story's editor. */
  storyId: storyIdSchema.optional(),
});

/**
 * An upload from a story's editor is for that story: only someone who may edit it now may
 * send one. A story they may not see is "not found", as on its page.
 */
async function checkStoryTarget(actor: Actor, storyId: string): Promise<void> {
  const { db } = await getDatabase();
  const story = await findStory(db, storyId);
  if (!story || !canViewStory(actor, story)) throw new AppError("not_found", "No such story.");
  if (!canEditStory(actor, story))
    throw new AppError(
      "forbidden",
      story.status === "approved"
        ? "This story is approved and locked, so no images can be added. An editor can reopen it."
        : `You can't add images to this story while it is “${STORY_STATUS_LABEL[story.status]}”.`,
    );
}

/** Tells the uploader what was wrong with the file, in words they can act on. */
function refuse(format: ReturnType<typeof sniffImage>): never {
  if (format === "svg")
    throw new AppError(
      "unsupported_type",
      "SVG images are not accepted: they can carry scripts. Export the picture as PNG or JPEG and upload that.",
    );
  throw new AppError(
    "unsupported_type",
    "This file is not a JPEG, PNG, WebP or GIF image (judged from its contents, not its name).",
  );
}

const EXTENSION_FORMAT: Record<string, ImageFormat | "svg"> = {
  jpg: "jpeg",
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  gif: "gif",
  svg: "svg",
};

/**
 * The name never makes a file acceptable, but a name that contradicts the bytes (a JPEG
 * called .gif) is refused: someone disguised the file, or picked the wrong one.
 */
function checkName(filename: string, format: ImageFormat) {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  const named = EXTENSION_FORMAT[extension];
  if (named && named !== format)
    throw new AppError(
      "unsupported_type",
      `“${filename}” is named as ${extension.toUpperCase()} but is really a ${format.toUpperCase()} image. Rename it to match and upload it again.`,
    );
}

interface Decoded {
  format: ImageFormat;
  width: number;
  height: number;
}

/** Reads the image as sharp sees it; its format must agree with the magic number. */
async function decode(bytes: Uint8Array): Promise<Decoded> {
  const sniffed = sniffImage(bytes);
  if (sniffed === null || sniffed === "svg") refuse(sniffed);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    throw new AppError("unsupported_type", "This image is damaged or incomplete, so it cannot be read.");
  }
  if (metadata.format !== sniffed) refuse(null);
  // Width and height as shown, after the EXIF orientation is applied.
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) throw new AppError("unsupported_type", "This image has no size, so it cannot be read.");
  return { format: sniffed, width, height };
}

/**
 * One WebP per width of lib/media/urls.ts: turned upright by its EXIF orientation, then
 * stripped of EXIF and other metadata (sharp keeps none unless asked), never enlarged.
 */
async function makeVariants(bytes: Uint8Array): Promise<{ width: number; bytes: Buffer }[]> {
  return Promise.all(
    MEDIA_WIDTHS.map(async (width) => ({
      width,
      bytes: await sharp(bytes).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer(),
    })),
  );
}

/**
 * Stores an uploaded image: checks its type from its bytes, makes its variants and keeps
 * it under the SHA-256 of its bytes, so the same photo uploaded twice is stored once
 * (`created` is false the second time, and the first upload's file name and alt text stay:
 * `filename` is the name the library knows it by).
 */
export async function storeImage(
  actor: Actor,
  bytes: Uint8Array,
  meta: { filename?: string; alt?: string; storyId?: string },
): Promise<{ id: string; width: number; height: number; filename: string; created: boolean }> {
  if (!canUploadMedia(actor)) throw new AppError("forbidden", "You may not upload images.");
  const data = parseInput(storeImageMetaSchema, meta);
  if (data.storyId !== undefined) await checkStoryTarget(actor, data.storyId);
  if (bytes.byteLength === 0) throw new AppError("invalid", "The file is empty.");
  if (bytes.byteLength > MAX_IMAGE_BYTES)
    throw new AppError("too_large", "This image is larger than 10 MB. Make it smaller and upload it again.");
  const image = await decode(bytes);
  checkName(data.filename, image.format);
  const id = createHash("sha256").update(bytes).digest("hex");
  const { db, write } = await getDatabase();

  const existing = await findMedia(db, id);
  if (existing) return { id, width: existing.width, height: existing.height, filename: existing.filename, created: false };

  // Resizing is slow: done before the transaction, so it never holds the write lock.
  const variants = await makeVariants(bytes);
  const created = await write(async (tx) => {
    const isNew = await insertMediaOnce(tx, {
      id,
      mime: IMAGE_FORMATS[image.format],
      width: image.width,
      height: image.height,
      byteSize: bytes.byteLength,
      filename: data.filename,
      alt: data.alt,
      searchKey: nameKey(`${data.filename} ${data.alt}`),
      uploaderId: actor.id,
    });
    // Someone uploaded the same bytes meanwhile: theirs is the stored copy.
    if (isNew) await insertMediaVariants(tx, variants.map((variant) => ({ mediaId: id, ...variant })));
    return isNew;
  });
  const filename = created ? data.filename : ((await findMedia(db, id))?.filename ?? data.filename);
  return { id, width: image.width, height: image.height, filename, created };
}
