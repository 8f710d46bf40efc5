import "server-only";
import sharp from "sharp";
import { getDatabase } from "../../db/client";
import { findMediaFallback, findMediaVariant, insertMediaFallback, listVariantWidths } from "../../db/queries/media";
import { FALLBACK_MIME, MEDIA_ID, MEDIA_WIDTHS, type FallbackFormat, type MediaWidth } from "./urls";

const FILE = /^(\d{1,5})\.(jpg|png)$/;
const FORMAT_OF_MIME: Record<string, FallbackFormat> = { "image/jpeg": "jpg", "image/png": "png" };

/**
 * The JPEG or PNG of one width of a stored image, made from its largest WebP variant the
 * first time anyone asks and kept in the database beside the variants (so every app server
 * shares it, and it is made once). JPEG unless the image has see-through pixels, which
 * JPEG cannot hold. Null for an image or width we do not have.
 */
export async function ensureFallback(id: string, width: MediaWidth): Promise<{ format: FallbackFormat; bytes: Buffer } | null> {
  if (!MEDIA_ID.test(id) || !(MEDIA_WIDTHS as readonly number[]).includes(width)) return null;
  const { db, write } = await getDatabase();
  const stored = await findMediaFallback(db, id, width);
  if (stored) return { format: FORMAT_OF_MIME[stored.mime] ?? "jpg", bytes: stored.bytes };

  const largest = (await listVariantWidths(db, id)).at(-1);
  const source = largest === undefined ? null : await findMediaVariant(db, id, largest);
  if (!source) return null;
  // Encoding is slow: done before the transaction, so it never holds the write lock.
  const { isOpaque } = await sharp(source).stats();
  const resized = sharp(source).resize({ width, withoutEnlargement: true });
  const format: FallbackFormat = isOpaque ? "jpg" : "png";
  const bytes =
    format === "jpg"
      ? await resized.jpeg({ quality: 82, progressive: false }).toBuffer()
      : await resized.png({ compressionLevel: 9 }).toBuffer();
  await write((tx) => insertMediaFallback(tx, { mediaId: id, width, mime: FALLBACK_MIME[format], bytes }));
  // Two requests may have made it at once: serve the copy that was kept.
  const kept = await findMediaFallback(db, id, width);
  return kept ? { format: FORMAT_OF_MIME[kept.mime] ?? format, bytes: kept.bytes } : { format, bytes };
}

/**
 * The bytes for `/media/<id>/<width>.jpg` or `.png`. Null when the file name is not one
 * we make, or names the other format than the one this image has.
 */
export async function readMediaFallback(id: string, file: string): Promise<{ mime: string; bytes: Buffer } | null> {
  const match = FILE.exec(file);
  if (!match) return null;
  const fallback = await ensureFallback(id, Number(match[1]) as MediaWidth);
  if (!fallback || fallback.format !== match[2]) return null;
  return { mime: FALLBACK_MIME[fallback.format], bytes: fallback.bytes };
}

/**
 * For the email edition: which format each image's fallback has, making the fallbacks of
 * the widths a mail uses now, so that the first reader to open the mail does not wait.
 */
export async function prepareFallbacks(ids: Iterable<string>, widths: readonly MediaWidth[]): Promise<Map<string, FallbackFormat>> {
  const formats = new Map<string, FallbackFormat>();
  for (const id of new Set(ids)) {
    for (const width of widths) {
      const fallback = await ensureFallback(id, width);
      if (fallback) formats.set(id, fallback.format);
    }
  }
  return formats;
}
