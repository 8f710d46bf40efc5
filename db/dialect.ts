import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { processDialect, type AppDatabase, type Db } from "./client";

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
 * Orders text by its UTF-8 bytes: SQLite's BINARY collation always does; Postgres's
 * order depends on the database's locale unless told to use "C".
 */
export function byteOrder(column: AnyPgColumn): SQL | AnyPgColumn {
  return processDialect === "postgres" ? sql`${column} collate "C"` : column;
}

/**
 * Makes app servers that start at once take turns at seeding, until the end of the
 * transaction. On SQLite, BEGIN IMMEDIATE already makes every writer wait its turn.
 */
export async function takeFirstStartLock(tx: Db): Promise<void> {
  if (processDialect === "postgres") await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
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

/** Where `needle` first starts in `text`, counted from 1, or 0: instr on SQLite, strpos on Postgres. */
export function textPosition(text: SQL | AnyPgColumn, needle: string): SQL<number> {
  return processDialect === "postgres" ? sql<number>`strpos(${text}, ${needle})` : sql<number>`instr(${text}, ${needle})`;
}
