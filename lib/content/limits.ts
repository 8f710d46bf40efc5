/** A stored body larger than this is refused rather than slowing every page that shows it. */
export const MAX_BODY_BYTES = 512 * 1024;

export const BODY_TOO_LONG = "The story is too long to save (over 512 KB).";

/** The size of a body as the server measures it: UTF-8 bytes of its JSON. */
export const bodyBytes = (json: string): number => new TextEncoder().encode(json).length;
