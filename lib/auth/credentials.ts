import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findUserForSignIn, recordSignIn } from "../../db/queries/users";
import type { Role } from "../domain-types";
import { verifyPassword } from "./password";
import { startSession } from "./server-sessions";
import { checkThrottle, forgiveAttempt, reserveAttempt, signInKeys } from "./throttle";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  /** The server-side session this sign-in started (lib/auth/server-sessions.ts). */
  sessionId: string;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password from the client at `ip` and, when they are right, starts
 * a session. Every kind of failure — unknown email, wrong password, account not active —
 * gives the same answer, so it reveals nothing; too many failures close the door for a
 * while (lib/auth/throttle.ts).
 */
export async function verifyCredentials(input: unknown, ip: string | null = null): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const { db, write, dialect } = await getDatabase();

  // Counted as a failure before the password is checked, so that parallel guesses
  // cannot all pass the limit while argon2 runs; a right password takes it back.
  const reservation = await write((tx) =>
    reserveAttempt(tx, dialect, signInKeys(email, ip), { action: "auth.sign_in_throttled", actorId: null }),
  );
  if (!reservation.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };

  const user = await findUserForSignIn(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.status !== "active") {
    await write((tx) =>
      insertAudit(tx, {
        actorId: user?.id ?? null,
        action: "auth.sign_in_failed",
        targetType: "user",
        targetId: user?.id ?? null,
        details: { email, ip },
      }),
    );
    return { ok: false, reason: "invalid" };
  }
  const sessionId = await write(async (tx) => {
    await forgiveAttempt(tx, reservation, [["account", email]]);
    await recordSignIn(tx, user.id);
    await insertAudit(tx, { actorId: user.id, action: "auth.signed_in", targetType: "user", targetId: user.id, details: { ip } });
    return startSession(tx, user.id);
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId },
  };
}

/** Seconds until this email (or address) may try again, or null when it may now. */
export async function signInRetryAfter(email: string, ip: string | null): Promise<number | null> {
  const { db } = await getDatabase();
  const verdict = await checkThrottle(db, email.trim().toLowerCase(), ip);
  return verdict.allowed ? null : verdict.retryAfterSeconds;
}
