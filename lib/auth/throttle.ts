import "server-only";
import type { Db } from "../../db/client";
import { clearFailures, countFailures, deleteFailuresBefore, insertFailure } from "../../db/queries/throttle";
import type { ThrottleScope } from "../domain-types";

/**
 * Sign-in throttling: 5 failures for one account, or 20 from one address, within 15
 * minutes close the door until the oldest of them is 15 minutes old. The failures live
 * in the database, so every app server sees the same count.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LIMITS: Record<ThrottleScope, number> = { account: 5, ip: 20 };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkThrottle(db: Db, email: string, ip: string | null, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let retryAt = 0;
  const keys: [ThrottleScope, string | null][] = [
    ["account", email],
    ["ip", ip],
  ];
  for (const [scope, key] of keys) {
    if (!key) continue;
    const { count, oldest } = await countFailures(db, scope, key, since);
    if (count >= LIMITS[scope] && oldest) retryAt = Math.max(retryAt, oldest.getTime() + THROTTLE_WINDOW_MS);
  }
  if (retryAt === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

export async function recordSignInFailure(tx: Db, email: string, ip: string | null): Promise<void> {
  await insertFailure(tx, "account", email);
  if (ip) await insertFailure(tx, "ip", ip);
  // Keep the table small: anything older than a day no longer counts for anything.
  if (Math.random() < 0.05) await deleteFailuresBefore(tx, new Date(Date.now() - 24 * 60 * 60 * 1000));
}

/** A successful sign-in wipes the account's slate (not the address's). */
export async function recordSignInSuccess(tx: Db, email: string): Promise<void> {
  await clearFailures(tx, "account", email);
}

export function describeRetry(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
