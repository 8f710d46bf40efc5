import "server-only";
import { createHash } from "node:crypto";
import type { Db, Dialect } from "../../db/client";
import { lockKeys } from "../../db/dialect";
import { findAuditDetails, insertAudit, updateAuditDetails } from "../../db/queries/audit";
import { clearAttempts, countAttempts, deleteAttempts, deleteAttemptsBefore, insertAttempt } from "../../db/queries/throttle";
import type { ThrottleScope } from "../domain-types";

/**
 * Throttling of what anyone can try over and over: within 15 minutes, 5 failed sign-ins
 * per account or 20 per address, 3 forgot-password requests per email or 10 per address,
 * 5 wrong current passwords per account, 5 test mails of an email edition per account.
 * A key at its limit stays closed until the oldest of its attempts is 15 minutes old. The attempts live in the database, so every app
 * server sees the same count.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LIMITS: Record<ThrottleScope, number> = {
  account: 5,
  ip: 20,
  reset_email: 3,
  reset_ip: 10,
  password_check: 5,
  // Test mails of an issue's email edition, per account (lib/email/email-edition.ts).
  email_test: 5,
};

/** A scope and the key counted in it; a null key (no known address) is skipped. */
export type ThrottleKey = readonly [scope: ThrottleScope, key: string | null];

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type Reservation =
  | { allowed: true; attemptIds: string[] }
  | { allowed: false; retryAfterSeconds: number; blocked: ThrottleScope[] };

/** What a throttled attempt is recorded as in the audit log. */
export interface ThrottledAudit {
  action: string;
  actorId: string | null;
}

export const signInKeys = (email: string, ip: string | null): ThrottleKey[] => [
  ["account", email],
  ["ip", ip],
];

const present = (keys: ThrottleKey[]) => keys.filter((k): k is [ThrottleScope, string] => Boolean(k[1]));

async function evaluate(db: Db, keys: ThrottleKey[], now: Date) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let retryAt = 0;
  const blocked: [ThrottleScope, string][] = [];
  for (const [scope, key] of present(keys)) {
    const { count, oldest } = await countAttempts(db, scope, key, since);
    if (count >= LIMITS[scope] && oldest) {
      blocked.push([scope, key]);
      retryAt = Math.max(retryAt, oldest.getTime() + THROTTLE_WINDOW_MS);
    }
  }
  return { blocked, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

/** The sign-in verdict for an email and address, without recording anything. */
export async function checkThrottle(db: Db, email: string, ip: string | null, now = new Date()): Promise<ThrottleVerdict> {
  const { blocked, retryAfterSeconds } = await evaluate(db, signInKeys(email, ip), now);
  return blocked.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds };
}

/**
 * Counts the keys' recent attempts and, when every key is under its limit, records this
 * attempt against each of them — before the caller does the costly check (argon2), in
 * the caller's transaction, under a lock on the keys. So parallel attempts cannot all
 * read the same count and all go ahead: at most the limit get through. A refused attempt
 * records no attempt, only a count in one audit entry per key and window.
 */
export async function reserveAttempt(
  tx: Db,
  dialect: Dialect,
  keys: ThrottleKey[],
  audit: ThrottledAudit,
  now = new Date(),
): Promise<Reservation> {
  const counted = present(keys);
  await lockKeys(tx, dialect, counted.map(([scope, key]) => `throttle:${scope}:${key}`));
  const { blocked, retryAfterSeconds } = await evaluate(tx, counted, now);
  if (blocked[0]) {
    await countThrottled(tx, blocked[0], audit, now);
    return { allowed: false, retryAfterSeconds, blocked: blocked.map(([scope]) => scope) };
  }
  const attemptIds: string[] = [];
  for (const [scope, key] of counted) attemptIds.push(await insertAttempt(tx, scope, key, now));
  // Keep the table small: anything older than a day no longer counts for anything.
  if (Math.random() < 0.05) await deleteAttemptsBefore(tx, new Date(now.getTime() - 24 * 60 * 60 * 1000));
  return { allowed: true, attemptIds };
}

/**
 * The attempt succeeded, so it does not count against anyone; and the `clear` keys (the
 * account that just proved its password) start with a clean slate.
 */
export async function forgiveAttempt(tx: Db, reservation: { attemptIds: string[] }, clear: ThrottleKey[]): Promise<void> {
  await deleteAttempts(tx, reservation.attemptIds);
  for (const [scope, key] of present(clear)) await clearAttempts(tx, scope, key);
}

/** Name-based and shaped like the log's other ids (a version 8 UUID): one per key and window. */
function windowEntryId(...parts: (string | number)[]): string {
  const hex = createHash("sha256").update(parts.join("\n")).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A flood of refused attempts must not grow the audit log without bound: they are
 * counted in one entry per blocked key and 15-minute window. The key's lock, held by
 * the caller's transaction, keeps the read-then-write of that entry one at a time.
 */
async function countThrottled(tx: Db, [scope, key]: [ThrottleScope, string], audit: ThrottledAudit, now: Date) {
  const windowStart = Math.floor(now.getTime() / THROTTLE_WINDOW_MS) * THROTTLE_WINDOW_MS;
  const id = windowEntryId(audit.action, scope, key, windowStart);
  const previous = await findAuditDetails(tx, id);
  const details = { scope, key, attempts: Number(previous?.attempts ?? 0) + 1, lastAt: now.toISOString() };
  if (previous) await updateAuditDetails(tx, id, details);
  else await insertAudit(tx, { id, actorId: audit.actorId, action: audit.action, targetType: "user", targetId: audit.actorId, details });
}

export function describeRetry(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
