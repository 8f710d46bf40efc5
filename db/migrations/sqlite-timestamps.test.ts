import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";

// Databases written before 0002 hold ISO-8601 text in integer timestamp columns; 0002
// must turn every such value into the integer milliseconds the schema declares.
const folder = path.join(import.meta.dirname, "sqlite");
const work = mkdtempSync(path.join(tmpdir(), "ns-migrate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The migrations folder as it was before `tag`. */
function migrationsBefore(tag: string): string {
  const copy = path.join(work, "before");
  cpSync(folder, copy, { recursive: true });
  const journalFile = path.join(copy, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  return copy;
}

describe("SQLite migration 0002", () => {
  it("converts ISO text timestamps to integer milliseconds and leaves integers and nulls alone", () => {
    const sqlite = new Database(path.join(work, "old.db"));
    try {
      migrate(drizzle({ client: sqlite }), { migrationsFolder: migrationsBefore("0002_timestamps_as_integers") });
      const insertUser = sqlite.prepare(
        "INSERT INTO users (id, email, name, role, status, session_version, last_sign_in_at, created_at) VALUES (?, ?, ?, 'admin', 'active', 1, ?, ?)",
      );
      insertUser.run("u1", "a@example.org", "A", null, "2026-11-29T17:56:14.838Z");
      insertUser.run("u2", "b@example.org", "B", "2022-09-29T01:02:03.004Z", 1_700_000_000_123);
      sqlite
        .prepare("INSERT INTO audit_log (id, actor_id, action, target_type, details, created_at) VALUES ('a1', 'u1', 'x', 'user', '{}', ?)")
        .run("2024-02-29T23:59:59.999Z");

      migrate(drizzle({ client: sqlite }), { migrationsFolder: folder });

      const users = sqlite
        .prepare("SELECT id, created_at c, typeof(created_at) tc, last_sign_in_at l, typeof(last_sign_in_at) tl FROM users ORDER BY id")
        .all();
      expect(users).toEqual([
        { id: "u1", c: Date.parse("2026-11-29T17:56:14.838Z"), tc: "integer", l: null, tl: "null" },
        { id: "u2", c: 1_700_000_000_123, tc: "integer", l: Date.parse("2022-09-29T01:02:03.004Z"), tl: "integer" },
      ]);
      expect(sqlite.prepare("SELECT created_at c, typeof(created_at) t FROM audit_log").get()).toEqual({
        c: Date.parse("2024-02-29T23:59:59.999Z"),
        t: "integer",
      });
    } finally {
      sqlite.close();
    }
  });
});
