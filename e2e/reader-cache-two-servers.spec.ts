import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, test, type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import pg from "pg";
import { signIn } from "./support/session";

// Two app servers behind one load balancer, on one Postgres: each keeps its own reader
// page cache, and a publish or unpublish on one reaches the other through Postgres
// LISTEN/NOTIFY. The servers and the database are this spec's own (not the suite's
// SQLite server): ports 3291/3292 unless E2E_TWO_SERVER_PORTS says otherwise, on the
// Postgres server of TEST_DATABASE_URL (scripts/test-all.sh starts an embedded one when
// it is not set).
const ROOT = path.resolve(import.meta.dirname, "..");
const BASE_DB = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const [PORT_A, PORT_B] = (process.env.E2E_TWO_SERVER_PORTS ?? "3291,3292").split(",").map(Number) as [number, number];
const A = `http://127.0.0.1:${PORT_A}`;
const B = `http://127.0.0.1:${PORT_B}`;
const DEMO_ISSUE = "/issues/issue-13-2022";

const name = `ns_e2e_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const dbUrl = (() => {
  const url = new URL(BASE_DB);
  url.pathname = `/${name}`;
  return url.toString();
})();
const servers: ChildProcess[] = [];

function startServer(port: number): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      SEED_DEMO: "true",
      DEMO_PASSWORD: "e2e-demo-password",
      AUTH_SECRET: "e2e-only-secret-not-used-anywhere-else-0123456789",
      AUTH_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      REDIS_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  child.on("exit", (code) => code && console.error(`server on ${port} exited ${code}:\n${output}`));
  servers.push(child);
  return child;
}

async function up(base: string): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${base}/api/health`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 180_000, intervals: [500] },
    )
    .toBe(200);
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const admin = new pg.Client({ connectionString: BASE_DB });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  startServer(PORT_A);
  startServer(PORT_B);
  await Promise.all([up(A), up(B)]);
});

test.afterAll(async () => {
  await Promise.all(
    servers.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  const admin = new pg.Client({ connectionString: BASE_DB });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function hit(api: APIRequestContext, url: string): Promise<void> {
  await expect.poll(async () => (await api.get(url)).headers()["x-reader-cache"]).toBe("hit");
}

test("unpublish on one server: within a second the other stops serving the issue, and neither serves it again; publish again: the other serves it within a second", async ({ browser }) => {
  const api = await playwrightRequest.newContext();
  const lookup = new pg.Client({ connectionString: dbUrl });
  await lookup.connect();
  const issueId = (await lookup.query<{ id: string }>("SELECT id FROM issues WHERE slug = 'issue-13-2022'")).rows[0]!.id;
  await lookup.end();

  const storyPath = (await (await api.get(`${A}${DEMO_ISSUE}`)).text()).match(/href="(\/issues\/issue-13-2022\/[a-z0-9-]+)"/)?.[1];
  expect(storyPath).toBeTruthy();
  const pages = [DEMO_ISSUE, storyPath!];
  // Both servers hold the issue, its story, the home page and the archive in their caches.
  for (const base of [A, B]) for (const page of [...pages, "/", "/issues"]) await hit(api, `${base}${page}`);

  const editor = await (await browser.newContext({ baseURL: A })).newPage();
  await signIn(editor, "editor");
  await editor.goto(`/studio/issues/${issueId}`);
  await editor.getByRole("button", { name: "Unpublish" }).click();
  // The page shows the issue as a draft again (the Unpublish form, with its message, is gone).
  await expect(editor.getByRole("button", { name: "Publish issue" })).toBeVisible();

  // The server that unpublished knows at once; the other within a second.
  for (const page of pages) expect((await api.get(`${A}${page}`)).status()).toBe(404);
  for (const page of pages) await expect.poll(async () => (await api.get(`${B}${page}`)).status(), { timeout: 1_000, intervals: [50] }).toBe(404);
  // And from then on, neither serves it in any page.
  for (let round = 0; round < 10; round++) {
    for (const base of [A, B]) {
      for (const page of pages) expect((await api.get(`${base}${page}`)).status()).toBe(404);
      expect(await (await api.get(`${base}/issues`)).text()).not.toContain(DEMO_ISSUE);
      expect(await (await api.get(`${base}/`)).text()).not.toContain(DEMO_ISSUE);
    }
  }

  await editor.reload();
  await editor.getByRole("button", { name: "Publish issue" }).click();
  await expect(editor.getByText("Published. Readers see this issue now.")).toBeVisible();
  for (const page of pages) expect((await api.get(`${A}${page}`)).status()).toBe(200);
  for (const page of pages) await expect.poll(async () => (await api.get(`${B}${page}`)).status(), { timeout: 1_000, intervals: [50] }).toBe(200);
  await expect.poll(async () => (await (await api.get(`${B}/issues`)).text()).includes(DEMO_ISSUE), { timeout: 1_000, intervals: [50] }).toBe(true);
  await api.dispose();
});
