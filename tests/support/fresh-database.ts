import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll } from "vitest";

// Each test file gets a database of its own, migrated from empty, on the engine its
// vitest project names; it is dropped when the file is done. DATABASE_URL is set before
// db/client is first imported: it picks the engine's table objects when it loads.
const engine = process.env.TEST_ENGINE;
const name = `ns_int_${randomUUID().replaceAll("-", "").slice(0, 16)}`;

if (engine === "postgres") {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("The int-pg project needs TEST_DATABASE_URL=postgres://…");
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  afterAll(async () => {
    await (await import("@/db/client")).closeDatabase();
    const dropper = new Client({ connectionString: base });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
} else {
  const file = path.join(tmpdir(), `${name}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    await (await import("@/db/client")).closeDatabase();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  });
}
