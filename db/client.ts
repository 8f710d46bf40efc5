import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { databaseTarget, getEnv, type DatabaseTarget } from "../lib/env";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";

/**
 * The data layer is written once, against the Postgres flavour of Drizzle. On SQLite the
 * same query builders exist with the same runtime behaviour, so the SQLite database and
 * tables are adapted to that type here, at the boundary, and nowhere else. The shared
 * integration suite on both engines is what proves the two agree.
 */
export type Db = NodePgDatabase<typeof pgSchema>;
export const tables = pgSchema;

export type Dialect = "sqlite" | "postgres";

export interface AppDatabase {
  dialect: Dialect;
  /** Reads outside a transaction. On SQLite this connection is read-only. */
  db: Db;
  /** Runs `fn` in one real transaction; every write goes through here. */
  write<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** Serialises async callers: the next one starts when the previous one settled. */
function createMutex() {
  let tail: Promise<void> = Promise.resolve();
  return async function lock<T>(fn: () => Promise<T>): Promise<T> {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  };
}

function openSqlite(file: string): AppDatabase {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // better-sqlite3 transactions are synchronous: an async callback inside one would let
  // other requests' statements join it. So writes get their own connection, an
  // in-process queue and an explicit BEGIN IMMEDIATE … COMMIT around the awaited callback.
  const writer = new SqliteDatabase(file);
  writer.pragma("journal_mode = WAL");
  writer.pragma("foreign_keys = ON");
  writer.pragma("busy_timeout = 5000");
  writer.pragma("synchronous = NORMAL");
  migrateSqlite(drizzleSqlite({ client: writer }), {
    migrationsFolder: path.join(MIGRATIONS, "sqlite"),
  });
  const reader = new SqliteDatabase(file, { readonly: true });
  reader.pragma("busy_timeout = 5000");

  const writeDb = drizzleSqlite({ client: writer, schema: sqliteSchema }) as unknown as Db;
  const readDb = drizzleSqlite({ client: reader, schema: sqliteSchema }) as unknown as Db;
  const lock = createMutex();

  return {
    dialect: "sqlite",
    db: readDb,
    write: (fn) =>
      lock(async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(writeDb);
          writer.exec("COMMIT");
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      }),
    close: async () => {
      reader.close();
      writer.close();
    },
  };
}

async function openPostgres(url: string): Promise<AppDatabase> {
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the app;
  // the pool replaces it on next use.
  pool.on("error", (error) => console.error("Postgres connection lost:", error.message));
  const db = drizzlePg({ client: pool, schema: pgSchema });
  // Several app servers may start at once: one migrates, the others wait for it.
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await migratePg(drizzlePg({ client }), { migrationsFolder: path.join(MIGRATIONS, "pg") });
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    client.release();
  }
  return {
    dialect: "postgres",
    db,
    write: (fn) => db.transaction((tx) => fn(tx as unknown as Db)),
    close: () => pool.end(),
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<AppDatabase> {
  return target.dialect === "sqlite" ? openSqlite(target.path) : openPostgres(target.url);
}

// One database per process, also across hot reloads in development.
const globalForDb = globalThis as unknown as { __newsletterDb?: Promise<AppDatabase> };

export function getDatabase(): Promise<AppDatabase> {
  globalForDb.__newsletterDb ??= openDatabase(databaseTarget(getEnv().DATABASE_URL)).catch(
    (error: unknown) => {
      globalForDb.__newsletterDb = undefined;
      throw error;
    },
  );
  return globalForDb.__newsletterDb;
}

/** For tests and scripts: close the process-wide database so a new one can be opened. */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__newsletterDb;
  globalForDb.__newsletterDb = undefined;
  if (current) await (await current).close();
}
