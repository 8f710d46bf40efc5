// npm run bench:reader -- [--engine=sqlite|postgres|both] [--duration=8] [--issues=1000] [--stories=20000]
// The reader site under load, on a fresh database per engine: seeds ISSUES issues and
// STORIES stories (scripts/bench-seed.ts), starts the built app (node scripts/server.mjs;
// run `npx next build` first), and with autocannon at 32 connections measures the home
// page, an issue, a story, the archive and a search (when /search exists), and a plain
// Node http server answering the same story's bytes from memory (the baseline). Search
// pages are kept in the cache too, so searches are also measured each different from the
// last (every one rendered: what a reader's first search costs). Prints
// req/s, p50, p99 and each page's ratio to the baseline, and the first-load JavaScript
// (gzipped) of each page type. A benchmark, not a test: nothing here passes or fails.
// Postgres: a database is created on BENCH_DATABASE_URL's (or TEST_DATABASE_URL's)
// server and dropped afterwards. Loopback only. BENCH_PORT (default 3291) and the next
// port (the baseline) must be free.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const engines = arg("engine", "both") === "both" ? ["sqlite", "postgres"] : [arg("engine")];
const duration = Number(arg("duration", 8));
const issues = Number(arg("issues", 1000));
const stories = Number(arg("stories", 20000));
const connections = 32;
const port = Number(process.env.BENCH_PORT ?? 3291);
const baselinePort = port + 1;
const host = "127.0.0.1";

if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) {
  console.error("No production build: run `npx next build` first.");
  process.exit(2);
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output}`))));
  });
}

async function waitFor(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

function startNode(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  child.output = () => output;
  return child;
}

const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });

/** autocannon at 32 connections, once the page is in the reader cache (or 60 s have passed). */
async function load(url) {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.headers.get("x-reader-cache") !== "miss" || Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    ...(await (async () => {
      const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
      return { cache: res.headers.get("x-reader-cache") ?? "-", kb: (await res.arrayBuffer()).byteLength / 1024 };
    })()),
  };
}

/**
 * autocannon at 32 connections on addresses none of which was asked for before: each
 * request is a different search (word and page), so the reader page cache never answers
 * and every request runs the search and renders its page. `asked` counts the requests
 * made; with fewer addresses than that, some were answered from the cache (reported).
 */
async function loadUncached(base, paths) {
  let asked = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration,
    pipelining: 1,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[asked++ % paths.length] }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cache: asked <= paths.length ? "miss" : `${asked - paths.length} hits`,
    kb: NaN,
  };
}

/**
 * Searches no reader asked for yet: each of `words` with each page number up to `pages`,
 * in an order that changes word every time.
 */
function distinctSearches(words, pages, from = 1) {
  const paths = [];
  for (let page = from; page < from + pages; page++) for (const word of words) paths.push(`/search?q=${encodeURIComponent(word)}&page=${page}`);
  return paths;
}

/**
 * One reader at a time: N requests in a row, each timed from sending to the last byte.
 * The p95 of a page's own latency, without the queueing 32 connections on 2 cores add.
 */
async function sequential(url, n = 200) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(Array.isArray(url) ? url[i % url.length] : url);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

/** The scripts a page's HTML loads (same-origin), gzipped and added up. */
async function firstLoadJs(base, pagePath) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")))];
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: sources.length, kb: bytes / 1024 };
}

async function freshDatabase(engine) {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "ns-bench-"));
    return { url: `file:${path.join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `ns_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
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

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "-");

async function benchEngine(engine) {
  const database = await freshDatabase(engine);
  if (!database) {
    console.log(`\n${engine}: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a Postgres server)`);
    return;
  }
  const env = {
    DATABASE_URL: database.url,
    SEED_DEMO: "true",
    DEMO_PASSWORD: "bench-only-password",
    AUTH_SECRET: "bench-only-secret-not-used-anywhere-else-0123456789",
    AUTH_URL: `http://${host}:${port}`,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: host,
  };
  let server;
  let baseline;
  try {
    console.log(`\n== ${engine}: seeding ${issues} issues / ${stories} stories …`);
    const seeded = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/bench-seed.ts", String(issues), String(stories)], env);
    console.log(seeded.trim().split("\n").at(-1));

    server = startNode([path.join(root, "scripts/server.mjs")], env);
    const base = `http://${host}:${port}`;
    await waitFor(`${base}/api/health`, server);

    const home = await (await fetch(`${base}/`)).text();
    const issuePath = home.match(/href="(\/issues\/[a-z0-9-]+)"/)?.[1] ?? "/issues/issue-13-2022";
    const issueHtml = await (await fetch(`${base}${issuePath}`)).text();
    // The first link to a story of the issue (not its print edition).
    const storyPath = [...issueHtml.matchAll(/href="(\/issues\/[a-z0-9-]+\/[a-z0-9-]+)"/g)]
      .map((match) => match[1])
      .find((href) => !href.endsWith("/print"));
    if (!storyPath) throw new Error(`no story link on ${issuePath}`);
    const pages = [
      ["home", "/"],
      ["issue", issuePath],
      ["story", storyPath],
      ["archive", "/issues"],
      ["archive, page 2", "/issues?page=2"],
    ];
    const author = issueHtml.match(/href="(\/authors\/[^"]+)"/)?.[1];
    if (author) pages.push(["author", author]);
    const search = await fetch(`${base}/search?q=mekong`);
    await search.arrayBuffer();
    /** Words of the demo's stories, which every generated story copies: each is in 1,000+ stories. */
    let searchWords = [];
    if (search.status === 200) {
      pages.push(["search", "/search?q=mekong"]);
      pages.push(["search 合作", `/search?q=${encodeURIComponent("合作")}`]);
      searchWords = ["mekong", "lancang", "cooperation", "environmental", "protection", "countries", "climate", "development", "biodiversity", "meeting", "合作", "生态系统"];
    }
    else console.log(`(no search page: /search answers ${search.status}; skipped)`);

    // The baseline: the story's bytes, as the app sends them, from memory.
    const storyBytes = Buffer.from(await (await fetch(`${base}${storyPath}`)).arrayBuffer());
    const bytesFile = path.join(mkdtempSync(path.join(tmpdir(), "ns-baseline-")), "story.html");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(bytesFile, storyBytes);
    baseline = startNode([
      "-e",
      `const b=require("fs").readFileSync(${JSON.stringify(bytesFile)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});s.end(b)}).listen(${baselinePort},"${host}",()=>console.log("up"))`,
    ]);
    await waitFor(`http://${host}:${baselinePort}/`, baseline);

    const results = [];
    const base0 = await load(`http://${host}:${baselinePort}/`);
    results.push(["baseline (story bytes, plain http)", `:${baselinePort}/`, base0]);
    for (const [name, pagePath] of pages) results.push([name, pagePath, await load(`${base}${pagePath}`)]);
    // Pages 1–40 of each word under load, 41–60 one at a time below: never the same twice.
    const uncachedUnderLoad = distinctSearches(searchWords, 40);
    const uncachedOneByOne = distinctSearches(searchWords, 20, 41);
    if (searchWords.length > 0) results.push(["search, a different one each time", "/search?q=<word>&page=<n>", await loadUncached(base, uncachedUnderLoad)]);

    console.log(`\n${engine}: autocannon, ${connections} connections, ${duration} s per page; story page ${(storyBytes.length / 1024).toFixed(1)} KB`);
    console.log(`${"page".padEnd(36)} ${"path".padEnd(44)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"ratio".padStart(6)} ${"errors".padStart(6)} ${"KB".padStart(6)} cache`);
    for (const [name, pagePath, r] of results) {
      console.log(
        `${name.padEnd(36)} ${pagePath.slice(0, 44).padEnd(44)} ${fmt(r.rps).padStart(8)} ${fmt(r.p50).padStart(7)} ${fmt(r.p99).padStart(7)} ${`${fmt((100 * r.rps) / base0.rps)}%`.padStart(6)} ${String(r.errors).padStart(6)} ${fmt(r.kb).padStart(6)} ${r.cache}`,
      );
    }
    // Let the server finish what the last load left queued (renders, compression) first.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    console.log(`\none request at a time (200 in a row, sending to last byte):`);
    for (const [name, pagePath] of pages) {
      const one = await sequential(`${base}${pagePath}`);
      console.log(`  ${name.padEnd(16)} p50 ${fmt(one.p50, 1).padStart(6)} ms   p95 ${fmt(one.p95, 1).padStart(6)} ms`);
    }
    if (searchWords.length > 0) {
      const one = await sequential(uncachedOneByOne.map((p) => `${base}${p}`), uncachedOneByOne.length);
      console.log(`  ${"search, each different (not cached)".padEnd(16)} p50 ${fmt(one.p50, 1).padStart(6)} ms   p95 ${fmt(one.p95, 1).padStart(6)} ms   (${uncachedOneByOne.length} searches)`);
      for (const word of ["mekong", "合作"]) {
        const paths = distinctSearches([word], 39, 61).map((p) => `${base}${p}`);
        const each = await sequential(paths, paths.length);
        console.log(`  ${`search ${word}, pages 61–99 (not cached)`.padEnd(16)} p50 ${fmt(each.p50, 1).padStart(6)} ms   p95 ${fmt(each.p95, 1).padStart(6)} ms`);
      }
    }
    console.log(`\nfirst-load JavaScript per page type (the HTML's script files, gzipped):`);
    for (const [name, pagePath] of pages) {
      const js = await firstLoadJs(base, pagePath);
      console.log(`  ${name.padEnd(10)} ${fmt(js.kb, 1).padStart(7)} KB in ${js.scripts} files`);
    }
    rmSync(path.dirname(bytesFile), { recursive: true, force: true });
  } catch (error) {
    if (server) console.error(server.output().slice(-3000));
    throw error;
  } finally {
    if (baseline) await stop(baseline);
    if (server) await stop(server);
    await database.drop();
  }
}

for (const engine of engines) await benchEngine(engine);
