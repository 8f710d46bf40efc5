import { randomUUID } from "node:crypto";
import { getTableColumns, getTableName, is, sql, Table } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDatabase, processDialect, tables } from "@/db/client";
import { updateIssueAtVersion } from "@/db/queries/issues";
import { claimToken, findTokenByHash, insertToken, revokeOpenTokens } from "@/db/queries/tokens";
import { DEMO_ACCOUNTS, seedDatabase } from "@/db/seed/seed";
import { verifyCredentials } from "@/lib/auth/credentials";
import { getLatestIssue } from "@/lib/reader/read-published";
import { makeStory, makeUser } from "../support/factories";
import { submitStory } from "@/lib/stories/transition-story";
import { ensureFallback } from "@/lib/media/fallback-images";
import { storeImage } from "@/lib/media/store-image";
import sharp from "sharp";

/**
 * DESIGN.md: "What a column declares is what it stores, on both engines". SQLite compares
 * values of different storage classes by class, not by value, so an ISO string in a column
 * declared as integer milliseconds makes `scheduled_at <= ?` silently wrong.
 */
const PASSWORD = "storage types are what they say";

/** Columns whose stored type the engines could get wrong: every timestamp, boolean and JSON column. */
function typedColumns() {
  const wanted = /Timestamp|Json|Boolean/;
  return Object.values(tables).flatMap((table) => {
    if (!is(table, Table)) return [];
    return Object.values(getTableColumns(table))
      .filter((column) => wanted.test(column.columnType))
      .map((column) => ({ table: getTableName(table), column: column.name, kind: column.columnType }));
  });
}

/** What each engine reports for a stored value, per kind of column. */
const EXPECTED: Record<string, string> =
  processDialect === "sqlite"
    ? { SQLiteTimestamp: "integer", SQLiteTextJson: "text", SQLiteBoolean: "integer" }
    : { PgTimestamp: "timestamp with time zone", PgJsonb: "jsonb", PgBoolean: "boolean" };

describe(`stored types on ${processDialect}`, () => {
  it("are the declared types for every timestamp, boolean and JSON column written through the data layer", async () => {
    // Write every such column at least once, through the app's own functions and queries.
    await seedDatabase({ demo: true, demoPassword: PASSWORD });
    expect(await verifyCredentials({ email: DEMO_ACCOUNTS[0]?.email, password: PASSWORD })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email: DEMO_ACCOUNTS[0]?.email, password: "wrong one" })).toMatchObject({ ok: false });
    const author = await makeUser("contributor");
    const story = await makeStory(author);
    await submitStory(author, { storyId: story.id, version: story.version }); // a revision
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#1f6f55" } }).png().toBuffer();
    const square = await storeImage(author, new Uint8Array(png), { filename: "square.png", alt: "A green square" });
    await ensureFallback(square.id, 480); // the email edition's JPEG copy
    const { write, db } = await getDatabase();
    const latest = await getLatestIssue();
    const issueId = latest?.issue.issueId ?? "";
    await write(async (tx) => {
      const [issue] = await tx.select({ version: tables.issues.version }).from(tables.issues).where(sql`${tables.issues.id} = ${issueId}`);
      await updateIssueAtVersion(tx, issueId, issue?.version ?? 0, { scheduledAt: new Date() });
      for (const hash of ["used", "revoked"].map((k) => `${k}-${randomUUID()}`)) {
        await insertToken(tx, { userId: author.id, kind: "invitation", tokenHash: hash, expiresAt: new Date(Date.now() + 60_000), createdBy: null });
      }
      const used = await findTokenByHash(tx, (await tx.select({ h: tables.tokens.tokenHash }).from(tables.tokens).where(sql`${tables.tokens.tokenHash} like 'used-%'`))[0]?.h ?? "");
      expect(await claimToken(tx, used?.id ?? "")).toBe(true);
      expect(await revokeOpenTokens(tx, author.id, "invitation")).toBe(1);
    });

    const columns = typedColumns();
    expect(columns.length).toBeGreaterThan(15);
    const report: string[] = [];
    for (const { table, column, kind } of columns) {
      const typeOf = processDialect === "sqlite" ? sql.raw(`typeof("${column}")`) : sql.raw(`pg_typeof("${column}")::text`);
      const query = sql`select ${typeOf} as t, count(*) as n from ${sql.identifier(table)} where ${sql.identifier(column)} is not null group by 1`;
      const rows: { t: string; n: number }[] =
        processDialect === "sqlite"
          ? (db as unknown as BetterSQLite3Database).all(query)
          : ((await db.execute(query)).rows as { t: string; n: number }[]);
      report.push(`${table}.${column}: ${rows.map((r) => r.t).join(",") || "never written"}`);
      expect(rows.length, `${table}.${column} was never written by this test`).toBeGreaterThan(0);
      expect(rows.map((r) => r.t), `${table}.${column} (${kind})`).toEqual([EXPECTED[kind]]);
    }
    expect(report.join("\n")).not.toContain("never written");
  });

  it("compare by value: a timestamp written by the app is found by a raw comparison with a time", async () => {
    const { db } = await getDatabase();
    const now = Date.now();
    const query =
      processDialect === "sqlite"
        ? sql`select count(*) as n from users where created_at <= ${now}`
        : sql`select count(*) as n from users where created_at <= to_timestamp(${now / 1000})`;
    const rows: { n: number | string }[] =
      processDialect === "sqlite"
        ? (db as unknown as BetterSQLite3Database).all(query)
        : ((await db.execute(query)).rows as { n: string }[]);
    const [{ n: total }] = await db.select({ n: sql<number>`count(*)` }).from(tables.users) as [{ n: number }];
    expect(Number(rows[0]?.n)).toBe(Number(total));
    expect(Number(total)).toBeGreaterThan(0);
  });
});
