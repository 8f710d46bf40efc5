// `npm start`: builds when there is no build (or the sources are newer than it), then
// serves the app. On an empty database the app migrates, seeds the demo content and
// prints the demo logins.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "db", "public", "auth.ts", "auth.config.ts", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

const needsBuild =
  !existsSync(buildId) || SOURCES.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

if (needsBuild) {
  console.log("Building the app (first start, or the sources changed)…");
  const build = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "localhost";
// Auth.js callback URLs and cookies must name one host, or localhost and 127.0.0.1 mix;
// links in mails are built from it too. The server refuses to start without one.
process.env.AUTH_URL ??= `http://${host}:${port}`;
console.log(`Newsletter Studio: ${process.env.AUTH_URL} (reader) and ${process.env.AUTH_URL}/studio (staff)`);
const server = spawnSync(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", PORT: port, HOST: host },
});
process.exit(server.status ?? 0);
