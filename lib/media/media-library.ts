import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { findMedia, findMediaVariant, listMedia, updateMediaText, type MediaItem } from "../../db/queries/media";
import { AppError } from "../errors";
import { canUploadMedia, type Actor } from "../policy";
import { nameKey } from "../text/name-key";
import { parseInput } from "../validation";
import { MEDIA_ID, MEDIA_WIDTHS } from "./urls";

export type { MediaItem };

const mediaIdSchema = z.string().regex(MEDIA_ID, "Unknown image.");

const listMediaSchema = z.object({
  q: z.string().max(200, "Keep the search under 200 characters.").default(""),
  limit: z.coerce.number().int().min(1).max(200).default(60),
});

/** The media library: earlier uploads, newest first, searched by file name and alt text. */
export async function listMediaLibrary(actor: Actor, input: unknown): Promise<MediaItem[]> {
  if (!canUploadMedia(actor)) throw new AppError("forbidden", "You may not use the media library.");
  const data = parseInput(listMediaSchema, input);
  // Wildcards typed by the user are dropped rather than escaped: LIKE escapes differ by engine.
  const searchKey = nameKey(data.q.replace(/[\\%_]/g, ""));
  const { db } = await getDatabase();
  return listMedia(db, { searchKey: searchKey || undefined, limit: data.limit });
}

const updateMediaSchema = z.object({
  id: mediaIdSchema,
  alt: z.string().trim().max(500, "Keep the alt text under 500 characters."),
  caption: z.string().trim().max(1000, "Keep the caption under 1,000 characters.").default(""),
  credit: z.string().trim().max(200, "Keep the credit under 200 characters.").default(""),
});

/** Alt text, caption and credit kept with an image, offered again when it is next inserted. */
export async function updateMediaDetails(actor: Actor, input: unknown): Promise<void> {
  if (!canUploadMedia(actor)) throw new AppError("forbidden", "You may not edit images.");
  const data = parseInput(updateMediaSchema, input);
  const { write } = await getDatabase();
  await write(async (tx) => {
    const item = await findMedia(tx, data.id);
    if (!item) throw new AppError("not_found", "This image no longer exists.");
    await updateMediaText(tx, data.id, {
      alt: data.alt,
      caption: data.caption,
      credit: data.credit,
      searchKey: nameKey(`${item.filename} ${data.alt}`),
    });
  });
}

const FILE = /^(\d{1,5})\.webp$/;

/**
 * The bytes of one variant, for the public media route: anyone may read a stored image
 * (readers see them in published issues). Null for an id or file name we never made.
 */
export async function readMediaVariant(id: string, file: string): Promise<Buffer | null> {
  const width = Number(FILE.exec(file)?.[1]);
  if (!MEDIA_ID.test(id) || !(MEDIA_WIDTHS as readonly number[]).includes(width)) return null;
  const { db } = await getDatabase();
  return findMediaVariant(db, id, width);
}
