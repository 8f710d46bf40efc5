import { createHash, randomBytes } from "node:crypto";

/** Invitation and reset links carry a random token; the database keeps only its hash. */
export function generateToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const TOKEN_LIFETIME_MS = 72 * 60 * 60 * 1000;
