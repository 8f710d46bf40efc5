import { is } from "drizzle-orm";
import { PgTable, getTableConfig as getPgTableConfig } from "drizzle-orm/pg-core";
import { SQLiteTable, getTableConfig as getSqliteTableConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

/*
 * DESIGN.md: "one schema file and one migrations folder per dialect, with a test that both
 * declare the same tables and columns". This is that test.
 */

/** Written out by hand: deriving it from either schema would make the check circular. */
const EXPECTED_TABLES = [
  "audit_log",
  "issues",
  "media",
  "media_fallbacks",
  "media_variants",
  "published_issues",
  "published_stories",
  "review_events",
  "revisions",
  "sessions",
  "settings",
  "sign_in_failures",
  "stories",
  "tokens",
  "users",
].sort();

interface ColumnShape {
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  /** What the column stores, in words common to both engines (see storageOf). */
  storage: string;
}

interface AnyColumn {
  name: string;
  notNull: boolean;
  primary: boolean;
  isUnique: boolean;
  columnType: string;
  getSQLType(): string;
  mode?: string;
  withTimezone?: boolean;
}

/**
 * A column's storage, named alike for both engines: "timestamp" is a point in time with
 * millisecond precision (Postgres timestamptz read as a Date; SQLite integer milliseconds),
 * "json" a JSON document (jsonb; text). Anything else keeps its own name, so a column
 * declared differently on the two engines shows up as a difference.
 */
function storageOf(column: AnyColumn): string {
  const sqlType = column.getSQLType();
  switch (column.columnType) {
    case "PgText":
    case "SQLiteText":
      return "text";
    case "PgInteger":
    case "SQLiteInteger":
      return "integer";
    case "PgTimestamp":
      // (read as a string, it would be PgTimestampString)
      return column.withTimezone ? "timestamp" : sqlType;
    case "SQLiteTimestamp":
      return column.mode === "timestamp_ms" && sqlType === "integer" ? "timestamp" : `${sqlType} (${column.mode})`;
    case "PgJsonb":
      return "json";
    case "SQLiteTextJson":
      return sqlType === "text" ? "json" : `json in ${sqlType}`;
    case "PgBoolean":
      return "boolean";
    case "SQLiteBoolean":
      return sqlType === "integer" ? "boolean" : `boolean in ${sqlType}`;
    case "PgCustomColumn":
      return sqlType === "bytea" ? "bytes" : `custom ${sqlType}`;
    case "SQLiteBlobBuffer":
      return sqlType === "blob" ? "bytes" : `bytes in ${sqlType}`;
    default:
      return `${column.columnType} ${sqlType}`;
  }
}

interface TableShape {
  /** SQL column names in declaration order, duplicates kept (so they can be detected). */
  rawColumnNames: string[];
  /** SQL column names, sorted. */
  columnNames: string[];
  columns: Record<string, ColumnShape>;
  indexes: string[];
  primaryKeys: string[];
  foreignKeys: string[];
}

interface AnyTableConfig {
  name: string;
  columns: ReadonlyArray<AnyColumn>;
  indexes: ReadonlyArray<{ config: { name?: string; unique?: boolean; columns: readonly unknown[] } }>;
  primaryKeys: ReadonlyArray<{ columns: ReadonlyArray<{ name: string }> }>;
  foreignKeys: ReadonlyArray<{
    reference: () => {
      columns: ReadonlyArray<{ name: string }>;
      foreignColumns: ReadonlyArray<{ name: string; table: unknown }>;
      foreignTable: unknown;
    };
  }>;
}

function shapeOf(config: AnyTableConfig, tableName: (table: unknown) => string): TableShape {
  const rawColumnNames = config.columns.map((column) => column.name);
  const columns: Record<string, ColumnShape> = {};
  for (const column of config.columns) {
    columns[column.name] = {
      notNull: column.notNull,
      primaryKey: column.primary,
      unique: column.isUnique,
      storage: storageOf(column),
    };
  }
  return {
    rawColumnNames,
    columnNames: [...rawColumnNames].sort(),
    columns,
    indexes: config.indexes
      .map((index) => `${index.config.name ?? "(unnamed)"}${index.config.unique ? " unique" : ""}`)
      .sort(),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((column) => column.name).join(",")).sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const from = ref.columns.map((column) => column.name).join(",");
        const to = ref.foreignColumns.map((column) => column.name).join(",");
        return `${from} -> ${tableName(ref.foreignTable)}(${to})`;
      })
      .sort(),
  };
}

function collect(
  module: Record<string, unknown>,
  isTable: (value: unknown) => boolean,
  config: (table: never) => AnyTableConfig,
): Map<string, TableShape> {
  const tableName = (table: unknown) => config(table as never).name;
  const tables = new Map<string, TableShape>();
  for (const value of Object.values(module)) {
    if (!isTable(value)) continue;
    const tableConfig = config(value as never);
    expect(tables.has(tableConfig.name), `table ${tableConfig.name} exported twice`).toBe(false);
    tables.set(tableConfig.name, shapeOf(tableConfig, tableName));
  }
  return tables;
}

const pgTables = collect(
  pg,
  (value) => is(value, PgTable),
  (table) => getPgTableConfig(table as PgTable) as unknown as AnyTableConfig,
);
const sqliteTables = collect(
  sqlite,
  (value) => is(value, SQLiteTable),
  (table) => getSqliteTableConfig(table as SQLiteTable) as unknown as AnyTableConfig,
);

const byName = (tables: Map<string, TableShape>) => Object.fromEntries([...tables].sort(([a], [b]) => a.localeCompare(b)));

describe("schema parity between Postgres and SQLite", () => {
  it("the Postgres schema declares exactly the expected tables", () => {
    expect([...pgTables.keys()].sort()).toEqual(EXPECTED_TABLES);
  });

  it("the SQLite schema declares exactly the expected tables", () => {
    expect([...sqliteTables.keys()].sort()).toEqual(EXPECTED_TABLES);
  });

  describe.each(EXPECTED_TABLES.map((table) => ({ table })))("table $table", ({ table }) => {
    const pgShape = pgTables.get(table);
    const sqliteShape = sqliteTables.get(table);

    it.each([
      { dialect: "pg", shape: pgShape },
      { dialect: "sqlite", shape: sqliteShape },
    ])("has unique SQL column names in $dialect", ({ shape }) => {
      expect(shape).toBeDefined();
      const names = shape?.rawColumnNames ?? [];
      const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
      expect(duplicates).toEqual([]);
    });

    it("has the same column names in both dialects", () => {
      expect(sqliteShape?.columnNames).toEqual(pgShape?.columnNames);
    });

    it("stores the same kind of value in each column on both engines", () => {
      const storage = (shape?: TableShape) =>
        Object.fromEntries(Object.entries(shape?.columns ?? {}).map(([name, column]) => [name, column.storage]));
      expect(storage(sqliteShape)).toEqual(storage(pgShape));
    });

    it("has the same notNull / primary key / unique flags per column", () => {
      expect(sqliteShape?.columns).toEqual(pgShape?.columns);
    });

    it("has the same indexes", () => {
      expect(sqliteShape?.indexes).toEqual(pgShape?.indexes);
    });

    it("has the same composite primary keys and foreign keys", () => {
      expect(sqliteShape?.primaryKeys).toEqual(pgShape?.primaryKeys);
      expect(sqliteShape?.foreignKeys).toEqual(pgShape?.foreignKeys);
    });

    it("has exactly one primary key", () => {
      const shape = pgShape ?? sqliteShape;
      const singleColumn = Object.values(shape?.columns ?? {}).filter((column) => column.primaryKey).length;
      expect(singleColumn + (shape?.primaryKeys.length ?? 0)).toBe(1);
    });
  });

  it("the whole collected maps are equal", () => {
    expect(byName(sqliteTables)).toEqual(byName(pgTables));
  });
});
