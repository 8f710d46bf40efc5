/**
 * Where a stored image is served. Images are content-addressed: `id` is the SHA-256 of
 * the uploaded bytes (64 hex digits), so a URL never changes meaning and can be cached
 * for a year. Each upload gets a WebP variant for every one of these widths, resized to
 * that width or kept at the original's width when it is narrower (never enlarged).
 */
export const MEDIA_WIDTHS = [480, 960, 1600] as const;
export type MediaWidth = (typeof MEDIA_WIDTHS)[number];

export const MEDIA_ID = /^[0-9a-f]{64}$/;

/** `/media/<sha256>/<width>.webp` — the one URL shape of a stored image. */
export function mediaUrl(id: string, width: MediaWidth = 960): string {
  return `/media/${id}/${width}.webp`;
}

/** `srcset` for a stored image: every width, the browser picks. */
export function mediaSrcSet(id: string): string {
  return MEDIA_WIDTHS.map((width) => `${mediaUrl(id, width)} ${width}w`).join(", ");
}

/** The media id in a URL of ours, or null for anything else (another site, a data: URL…). */
export function mediaIdFromUrl(url: string): string | null {
  const match = /^\/media\/([0-9a-f]{64})\/\d+\.webp$/.exec(url);
  return match?.[1] ?? null;
}

/** What a mail client gets instead of WebP: JPEG, or PNG for an image with transparency. */
export type FallbackFormat = "jpg" | "png";
export const FALLBACK_MIME: Record<FallbackFormat, string> = { jpg: "image/jpeg", png: "image/png" };

/** `/media/<sha256>/<width>.jpg` (or `.png`): the email edition's image URL. */
export function mediaFallbackUrl(id: string, width: MediaWidth, format: FallbackFormat): string {
  return `/media/${id}/${width}.${format}`;
}
