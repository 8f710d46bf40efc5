import "server-only";
import type { Db } from "../../db/client";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { deleteExpiredSessions, deleteSession, extendSession, findSessionWithUser, insertSession } from "../../db/queries/sessions";
import type { SessionUser } from "../../db/queries/users";
import { SESSION_MAX_AGE_SECONDS } from "./session-lifetime";

/**
 * Sessions kept on the server. The signed cookie (a JWT) names a row in `sessions`;
 * every request checks that the row still exists, so signing out — which deletes it —
 * ends the session for every copy of the cookie, not just the one in this browser.
 */
const MAX_AGE_MS = SESSION_MAX_AGE_SECONDS * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the session cookie claims: whose session, which row, which session version. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  sessionVersion: number;
}

/** Called in the sign-in's transaction. */
export async function startSession(tx: Db, userId: string, now = new Date()): Promise<string> {
  await deleteExpiredSessions(tx, userId, now);
  return insertSession(tx, { userId, expiresAt: new Date(now.getTime() + MAX_AGE_MS) });
}

/**
 * The account behind a session cookie, or null when that session is over: signed out,
 * expired, the account deactivated, or its sessions ended by a password change.
 */
export async function resolveSession(claims: SessionClaims, now = new Date()): Promise<SessionUser | null> {
  const { db, write } = await getDatabase();
  const found = await findSessionWithUser(db, claims.sessionId);
  if (!found || found.user.id !== claims.userId || found.expiresAt <= now) return null;
  const { user } = found;
  if (user.status !== "active" || user.sessionVersion !== claims.sessionVersion) return null;
  // The cookie is renewed while it is in use (Auth.js does that); so is the row, at most once a day.
  if (found.expiresAt.getTime() - now.getTime() < MAX_AGE_MS - DAY_MS) {
    await write((tx) => extendSession(tx, claims.sessionId, new Date(now.getTime() + MAX_AGE_MS)));
  }
  return user;
}

/** Sign-out: the row goes, and with it every copy of the cookie. */
export async function endSession(sessionId: string): Promise<void> {
  const { write } = await getDatabase();
  await write(async (tx) => {
    const userId = await deleteSession(tx, sessionId);
    if (userId) await insertAudit(tx, { actorId: userId, action: "auth.signed_out", targetType: "user", targetId: userId });
  });
}
