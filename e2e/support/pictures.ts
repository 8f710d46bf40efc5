import { createHash } from "node:crypto";
import sharp from "sharp";
import { withDb } from "./db";

/** A generated picture (never a committed photo); each call gives new bytes. */
export async function picture(format: "jpeg" | "png", width = 64, height = 48): Promise<Buffer> {
  const colour = () => Math.floor(Math.random() * 256);
  return sharp({ create: { width, height, channels: 3, background: { r: colour(), g: colour(), b: colour() } } })[format]().toBuffer();
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** How many media rows hold these bytes (the id of a stored image is the SHA-256 of its bytes). */
export const mediaRowsFor = (bytes: Buffer): number =>
  withDb((db) => (db.prepare("SELECT count(*) AS n FROM media WHERE id = ?").get(sha256(bytes)) as { n: number }).n);

/** An SVG with a script in it: what an attacker would like the reader site to serve. */
export const SCRIPTED_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
