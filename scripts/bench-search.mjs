// npm run bench:search -- [--engine=sqlite|postgres|both] [--issues=1000] [--stories=20000] [--runs=40]
// Reader search on a large archive, without HTTP: on a fresh database per engine, seeds
// ISSUES issues and STORIES stories with the reader benchmark's generator
// (scripts/bench-seed.ts: copies of the demo stories, so "mekong" is in every one), then
// scripts/bench-search-run.ts times searchPublished (validation, ranking, count, snippets)
// for a few queries and prints p50 and p95 per query. A benchmark, not a test: nothing
// here passes or fails. Postgres: a database is created on BENCH_DATABASE_URL's (or
// TEST_DATABASE_URL's) server and dropped afterwards.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const engines = arg("engine", "both") === "both" ? ["sqlite", "postgres"] : [arg("engine")];
const issues = arg("issues", "1000");
const stories = arg("stories", "20000");
const runs = arg("runs", "40");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");

function run(args, env, { echo = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const take = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(" ")} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

async function freshDatabase(engine) {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "ns-bench-search-"));
    return { url: `file:${path.join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `ns_bench_search_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

for (const engine of engines) {
  const database = await freshDatabase(engine);
  if (!database) {
    console.log(`\n${engine}: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a Postgres server)`);
    continue;
  }
  const env = {
    DATABASE_URL: database.url,
    SEED_DEMO: "true",
    DEMO_PASSWORD: "bench-only-password",
    AUTH_SECRET: "bench-only-secret-not-used-anywhere-else-0123456789",
    AUTH_URL: "http://127.0.0.1:3000",
    NODE_ENV: "production",
  };
  try {
    console.log(`\n== ${engine}: seeding ${issues} issues / ${stories} stories …`);
    const seeded = await run(["scripts/bench-seed.ts", issues, stories], env);
    console.log(seeded.trim().split("\n").at(-1));
    await run(["scripts/bench-search-run.ts", runs], env, { echo: true });
  } finally {
    await database.drop();
  }
}
