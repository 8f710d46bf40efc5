import "server-only";
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { ThrottleScope } from "../../lib/domain-types";
import { tables, type Db } from "../client";

// The sign_in_failures table counts every throttled kind of attempt (lib/domain-types.ts).
const { signInFailures: attempts } = tables;

/** Attempts for one key since `since`: how many, and when the oldest of them was. */
export async function countAttempts(
  db: Db,
  scope: ThrottleScope,
  key: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const where = and(eq(attempts.scope, scope), eq(attempts.key, key), gt(attempts.createdAt, since));
  const [row] = await db.select({ count: sql<number>`count(*)` }).from(attempts).where(where);
  const count = Number(row?.count ?? 0);
  if (count === 0) return { count, oldest: null };
  const [first] = await db
    .select({ at: attempts.createdAt })
    .from(attempts)
    .where(where)
    .orderBy(asc(attempts.createdAt))
    .limit(1);
  return { count, oldest: first?.at ?? null };
}

export async function insertAttempt(db: Db, scope: ThrottleScope, key: string, at: Date): Promise<string> {
  const [row] = await db.insert(attempts).values({ scope, key, createdAt: at }).returning({ id: attempts.id });
  if (!row) throw new Error("insert into sign_in_failures returned no row");
  return row.id;
}

export async function deleteAttempts(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(attempts).where(inArray(attempts.id, ids));
}

export async function clearAttempts(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await db.delete(attempts).where(and(eq(attempts.scope, scope), eq(attempts.key, key)));
}

export async function deleteAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.delete(attempts).where(lt(attempts.createdAt, before));
}
