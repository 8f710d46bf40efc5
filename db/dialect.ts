import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { AppDatabase, Db } from "./client";

// The few statements that differ between the engines live here, each with an explicit switch.

/** Does the database answer? */
export async function pingDatabase(database: AppDatabase): Promise<void> {
  if (database.dialect === "sqlite") {
    (database.db as unknown as BetterSQLite3Database).get(sql`select 1`);
  } else {
    await database.db.execute(sql`select 1`);
  }
}

/**
 * A row lock for read-modify-write: FOR UPDATE on Postgres. SQLite has no row locks and
 * needs none: its writes already run one at a time (BEGIN IMMEDIATE behind the queue).
 */
export function forUpdate<Q extends { for: (strength: "update") => unknown }>(
  dialect: AppDatabase["dialect"],
  query: Q,
): Q {
  return dialect === "postgres" ? (query.for("update") as Q) : query;
}

/**
 * Holds a lock on each named key until the transaction ends, for read-then-insert where
 * the rows to lock do not exist yet (FOR UPDATE cannot lock those): transaction-scoped
 * advisory locks on Postgres, always taken in the same order so that two callers never
 * deadlock. SQLite needs none: its writes already run one at a time.
 */
export async function lockKeys(tx: Db, dialect: AppDatabase["dialect"], keys: string[]): Promise<void> {
  if (dialect === "sqlite") return;
  const ids = [...new Set(keys.map((key) => createHash("sha256").update(key).digest().readBigInt64BE(0)))];
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) await tx.execute(sql`select pg_advisory_xact_lock(${id.toString()}::bigint)`);
}
