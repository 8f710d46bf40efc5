import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { ThrottleScope } from "../../lib/domain-types";
import { tables, type Db } from "../client";

const { signInFailures } = tables;

/** Failures for one key since `since`: how many, and when the oldest of them was. */
export async function countFailures(
  db: Db,
  scope: ThrottleScope,
  key: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const where = and(eq(signInFailures.scope, scope), eq(signInFailures.key, key), gt(signInFailures.createdAt, since));
  const [row] = await db.select({ count: sql<number>`count(*)` }).from(signInFailures).where(where);
  const count = Number(row?.count ?? 0);
  if (count === 0) return { count, oldest: null };
  const [first] = await db
    .select({ at: signInFailures.createdAt })
    .from(signInFailures)
    .where(where)
    .orderBy(asc(signInFailures.createdAt))
    .limit(1);
  return { count, oldest: first?.at ?? null };
}

export async function insertFailure(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await db.insert(signInFailures).values({ scope, key });
}

export async function clearFailures(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key)));
}

export async function deleteFailuresBefore(db: Db, before: Date): Promise<void> {
  await db.delete(signInFailures).where(lt(signInFailures.createdAt, before));
}
