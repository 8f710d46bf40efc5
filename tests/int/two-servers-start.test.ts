import { spawn } from "node:child_process";
import path from "node:path";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, processDialect, tables } from "@/db/client";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Runs what an app server does on start (migrate, then seed an empty database) in its own process. */
function startServer(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/seed.ts"], {
      cwd: ROOT,
      env: { ...process.env, SEED_DEMO: "true", DEMO_PASSWORD: "two servers start at once" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// Several app servers behind a load balancer share one Postgres (DESIGN.md, scale-out).
// SQLite is one file for one server.
describe.runIf(processDialect === "postgres")("two app servers starting at once on one empty Postgres", () => {
  it("both come up, and the database is migrated and seeded exactly once", async () => {
    const results = await Promise.all([startServer(), startServer()]);
    for (const { code, output } of results) expect(code, output).toBe(0);
    expect(results.filter((r) => r.output.includes("Demo accounts (one per role)"))).toHaveLength(1);

    const { db } = await getDatabase();
    const n = async (
      table: typeof tables.users | typeof tables.issues | typeof tables.publishedIssues | typeof tables.settings | typeof tables.media | typeof tables.mediaVariants,
    ) =>
      Number((await db.select({ n: count() }).from(table))[0]?.n);
    expect(await n(tables.users)).toBe(4);
    expect(await n(tables.issues)).toBe(1);
    expect(await n(tables.publishedIssues)).toBe(1);
    expect(await n(tables.settings)).toBe(1);
    // The demo pictures (seven portraits, one meeting illustration), each stored once with its three variants.
    expect(await n(tables.media)).toBe(8);
    expect(await n(tables.mediaVariants)).toBe(24);
  });
});
