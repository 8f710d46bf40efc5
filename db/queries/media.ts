import "server-only";
import { and, desc, eq, inArray, like } from "drizzle-orm";
import { tables, type Db } from "../client";

const { media, mediaVariants, mediaFallbacks } = tables;

export interface MediaItem {
  id: string;
  mime: string;
  width: number;
  height: number;
  byteSize: number;
  filename: string;
  alt: string;
  caption: string;
  credit: string;
  createdAt: Date;
}

const itemColumns = {
  id: media.id,
  mime: media.mime,
  width: media.width,
  height: media.height,
  byteSize: media.byteSize,
  filename: media.filename,
  alt: media.alt,
  caption: media.caption,
  credit: media.credit,
  createdAt: media.createdAt,
};

export async function findMedia(db: Db, id: string): Promise<MediaItem | null> {
  const [row] = await db.select(itemColumns).from(media).where(eq(media.id, id)).limit(1);
  return row ?? null;
}

export async function findMediaByIds(db: Db, ids: string[]): Promise<MediaItem[]> {
  if (ids.length === 0) return [];
  return db.select(itemColumns).from(media).where(inArray(media.id, ids));
}

/** Newest first; `searchKey` is already folded (lib/text/name-key.ts) and free of wildcards. */
export async function listMedia(db: Db, filter: { searchKey?: string; limit: number }): Promise<MediaItem[]> {
  return db
    .select(itemColumns)
    .from(media)
    .where(filter.searchKey ? like(media.searchKey, `%${filter.searchKey}%`) : undefined)
    .orderBy(desc(media.createdAt), media.id)
    .limit(filter.limit);
}

export interface NewMedia {
  id: string;
  mime: string;
  width: number;
  height: number;
  byteSize: number;
  filename: string;
  alt: string;
  searchKey: string;
  uploaderId: string;
}

/** Inserts the item unless its id (the hash of its bytes) is already stored; true if it was new. */
export async function insertMediaOnce(tx: Db, row: NewMedia): Promise<boolean> {
  const inserted = await tx.insert(media).values(row).onConflictDoNothing().returning({ id: media.id });
  return inserted.length > 0;
}

export async function insertMediaVariants(
  tx: Db,
  rows: { mediaId: string; width: number; bytes: Buffer }[],
): Promise<void> {
  await tx.insert(mediaVariants).values(rows.map((row) => ({ ...row, byteSize: row.bytes.byteLength })));
}

export async function updateMediaText(
  tx: Db,
  id: string,
  text: { alt: string; caption: string; credit: string; searchKey: string },
): Promise<boolean> {
  const updated = await tx.update(media).set(text).where(eq(media.id, id)).returning({ id: media.id });
  return updated.length > 0;
}

export async function findMediaVariant(db: Db, id: string, width: number): Promise<Buffer | null> {
  const [row] = await db
    .select({ bytes: mediaVariants.bytes })
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, id), eq(mediaVariants.width, width)))
    .limit(1);
  return row ? Buffer.from(row.bytes) : null;
}

export async function listVariantWidths(db: Db, id: string): Promise<number[]> {
  const rows = await db
    .select({ width: mediaVariants.width })
    .from(mediaVariants)
    .where(eq(mediaVariants.mediaId, id))
    .orderBy(mediaVariants.width);
  return rows.map((row) => row.width);
}

/** A JPEG or PNG copy of a variant (for mail clients without WebP), if one was made. */
export async function findMediaFallback(db: Db, id: string, width: number): Promise<{ mime: string; bytes: Buffer } | null> {
  const [row] = await db
    .select({ mime: mediaFallbacks.mime, bytes: mediaFallbacks.bytes })
    .from(mediaFallbacks)
    .where(and(eq(mediaFallbacks.mediaId, id), eq(mediaFallbacks.width, width)))
    .limit(1);
  return row ? { mime: row.mime, bytes: Buffer.from(row.bytes) } : null;
}

/** Keeps a fallback unless another request stored one for the same image and width first. */
export async function insertMediaFallback(tx: Db, row: { mediaId: string; width: number; mime: string; bytes: Buffer }): Promise<void> {
  await tx
    .insert(mediaFallbacks)
    .values({ ...row, byteSize: row.bytes.byteLength })
    .onConflictDoNothing();
}
