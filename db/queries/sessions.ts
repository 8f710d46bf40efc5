import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { tables, type Db } from "../client";
import { sessionColumns, type SessionUser } from "./users";

const { sessions, users } = tables;

export async function insertSession(tx: Db, values: { userId: string; expiresAt: Date }): Promise<string> {
  const [row] = await tx.insert(sessions).values(values).returning({ id: sessions.id });
  if (!row) throw new Error("insert into sessions returned no row");
  return row.id;
}

/** A session and the account it belongs to, as the database sees them now. */
export async function findSessionWithUser(
  db: Db,
  id: string,
): Promise<{ expiresAt: Date; user: SessionUser } | null> {
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      user: sessionColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  return row ?? null;
}

export async function extendSession(tx: Db, id: string, expiresAt: Date): Promise<void> {
  await tx.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
}

/** Returns whose session it was, or null when there was none. */
export async function deleteSession(tx: Db, id: string): Promise<string | null> {
  const [row] = await tx.delete(sessions).where(eq(sessions.id, id)).returning({ userId: sessions.userId });
  return row?.userId ?? null;
}

export async function deleteExpiredSessions(tx: Db, userId: string, now: Date): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}
