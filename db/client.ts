import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { AppError } from "../lib/errors";
import { databaseTarget, getEnv, type DatabaseTarget } from "../lib/env";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";

/**
 * The data layer is written once, against the Postgres flavour of Drizzle's types. Each
 * engine runs its own table objects, so that what a column declares is what it stores
 * (on SQLite a timestamp is integer milliseconds, JSON is text); SQLite's objects are
 * only *typed* as the Postgres ones. This file is the one place that adaptation happens.
 * One process talks to one engine, chosen by DATABASE_URL; the shared integration suite
 * on both engines is what proves the two agree.
 */
export type Db = NodePgDatabase<typeof pgSchema>;
export type Dialect = "sqlite" | "postgres";

/** The engine of this process (DATABASE_URL is validated when the database is opened). */
export const processDialect: Dialect = databaseTarget(process.env.DATABASE_URL?.trim() || undefined).dialect;

export const tables = (processDialect === "sqlite" ? sqliteSchema : pgSchema) as unknown as typeof pgSchema;

export interface AppDatabase {
  dialect: Dialect;
  /**
   * Reads. Inside a `write()` callback (however deeply called) they run in that
   * transaction and see its writes; elsewhere on SQLite they use a read-only connection.
   */
  db: Db;
  /**
   * Runs `fn` in one real transaction; every write goes through here. Called inside
   * another `write()`, it joins that transaction (as a savepoint, so a failing inner
   * call undoes only its own writes before its error reaches the outer one).
   */
  write<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** How long a write may wait for its turn (SQLite's queue, Postgres's pool) before it gives up. */
  writeWaitMs?: number;
  /** Postgres pool size. */
  poolSize?: number;
}

const DEFAULT_WRITE_WAIT_MS = 15_000;
const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

function busy(): AppError {
  return new AppError("busy", "The server is busy right now. Nothing was changed; please try again in a moment.");
}

/**
 * Serialises async callers: the next one starts when the previous one settled. A caller
 * that waits longer than `waitMs` gives up with a clear error instead of hanging, and
 * passes its turn on once the callers before it are done.
 */
function createMutex(waitMs = Number.POSITIVE_INFINITY) {
  let tail: Promise<void> = Promise.resolve();
  return async function lock<T>(fn: () => Promise<T>): Promise<T> {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    let timer: NodeJS.Timeout | undefined;
    try {
      await (Number.isFinite(waitMs)
        ? Promise.race([previous, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(busy()), waitMs)))])
        : previous);
    } catch (error) {
      void previous.then(release);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    try {
      return await fn();
    } finally {
      release();
    }
  };
}

type Runner = <T>(fn: (tx: Db) => Promise<T>) => Promise<T>;

interface Scope {
  tx: Db;
  depth: number;
  open: boolean;
  /** Nested writes of one transaction take turns: savepoints cannot interleave. */
  nested: ReturnType<typeof createMutex>;
}

/**
 * The ambient transaction: `write()` remembers its transaction for everything the
 * callback awaits (AsyncLocalStorage), so a nested `write()` joins it and reads through
 * `db` see it. Domain functions can then call each other, and a job can claim work and
 * do it in one transaction.
 */
function composeTransactions(
  reads: Db,
  outermost: Runner,
  savepoint: (tx: Db, depth: number) => Runner,
): Pick<AppDatabase, "db" | "write"> {
  const ambient = new AsyncLocalStorage<Scope>();
  const enter = <T>(tx: Db, depth: number, fn: (tx: Db) => Promise<T>) => {
    const scope: Scope = { tx, depth, open: true, nested: createMutex() };
    return ambient.run(scope, async () => {
      try {
        return await fn(tx);
      } finally {
        scope.open = false;
      }
    });
  };
  const write = <T>(fn: (tx: Db) => Promise<T>): Promise<T> => {
    const parent = ambient.getStore();
    if (!parent?.open) return outermost((tx) => enter(tx, 0, fn));
    return parent.nested(() =>
      // A call left running after its transaction ended starts a transaction of its own.
      parent.open
        ? savepoint(parent.tx, parent.depth + 1)((tx) => enter(tx, parent.depth + 1, fn))
        : write(fn),
    );
  };
  const db = new Proxy(reads, {
    get(target, property) {
      const scope = ambient.getStore();
      const source = scope?.open ? scope.tx : target;
      const value: unknown = Reflect.get(source, property, source);
      return typeof value === "function" ? value.bind(source) : value;
    },
  });
  return { db, write };
}

function openSqlite(file: string, options: DatabaseOptions): AppDatabase {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // better-sqlite3 transactions are synchronous: an async callback inside one would let
  // other requests' statements join it. So writes get their own connection, an
  // in-process queue and an explicit BEGIN IMMEDIATE … COMMIT around the awaited callback
  // (IMMEDIATE also makes other processes on the same file wait for their turn).
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
  const lock = createMutex(options.writeWaitMs ?? DEFAULT_WRITE_WAIT_MS);

  const inTransaction = async <T>(begin: string, commit: string, rollback: string, fn: (tx: Db) => Promise<T>) => {
    writer.exec(begin);
    try {
      const result = await fn(writeDb);
      writer.exec(commit);
      return result;
    } catch (error) {
      if (writer.inTransaction) writer.exec(rollback);
      throw error;
    }
  };
  const { db, write } = composeTransactions(
    readDb,
    (fn) => lock(() => inTransaction("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK", fn)),
    (_tx, depth) => (fn) => inTransaction(`SAVEPOINT s${depth}`, `RELEASE s${depth}`, `ROLLBACK TO s${depth}; RELEASE s${depth}`, fn),
  );

  return {
    dialect: "sqlite",
    db,
    write,
    close: async () => {
      reader.close();
      writer.close();
    },
  };
}

function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<AppDatabase> {
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.writeWaitMs ?? DEFAULT_WRITE_WAIT_MS,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the app;
  // the pool replaces it on next use.
  pool.on("error", (error) => console.error("Postgres connection lost:", error.message));
  const pgDb = drizzlePg({ client: pool, schema: pgSchema });
  // Several app servers may start at once: one migrates, the others wait for it.
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await migratePg(drizzlePg({ client }), { migrationsFolder: path.join(MIGRATIONS, "pg") });
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    client.release();
  }
  const { db, write } = composeTransactions(
    pgDb,
    async (fn) => {
      try {
        return await pgDb.transaction((tx) => fn(tx as unknown as Db));
      } catch (error) {
        throw isPoolTimeout(error) ? busy() : error;
      }
    },
    // Drizzle runs a transaction inside a transaction as a savepoint.
    (tx) => (fn) => tx.transaction((inner) => fn(inner as unknown as Db)),
  );
  return { dialect: "postgres", db, write, close: () => pool.end() };
}

export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<AppDatabase> {
  if (target.dialect !== processDialect) {
    throw new Error(`This process runs on ${processDialect} (DATABASE_URL); it cannot open a ${target.dialect} database.`);
  }
  return target.dialect === "sqlite" ? openSqlite(target.path, options) : openPostgres(target.url, options);
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
