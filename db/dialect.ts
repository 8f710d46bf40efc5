import "server-only";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { AppDatabase } from "./client";

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
