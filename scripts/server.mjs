// The app's HTTP server: Next.js behind a few lines that decide the client's address.
// Next.js itself keeps a client-sent X-Forwarded-For, so anyone could pick their own
// address and dodge the sign-in throttle; here the address comes from the connection,
// or, with TRUST_PROXY=true, from the last X-Forwarded-For hop (the one our proxy added).
// It also sets the security headers every response gets (scripts/security-headers.mjs),
// and answers reader pages from the reader page cache before Next.js renders anything
// (scripts/reader-cache.mjs; change notices from other servers: reader-invalidation.mjs).
//   node scripts/server.mjs [--dev]      PORT and HOST from the environment
//   READER_CACHE=off turns the cache off (reader pages are then rendered per request).
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { createReaderCache } from "./reader-cache.mjs";
import { startInvalidation } from "./reader-invalidation.mjs";
import { withResponseStatus } from "../lib/reader/response-status.mjs";
import { securityHeaders } from "./security-headers.mjs";

const CLIENT_ADDRESS_HEADER = "x-newsletter-client-address";
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";

function clientAddress(req) {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string" && forwarded.trim() !== "") {
    const hops = forwarded.split(",").map((hop) => hop.trim()).filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1];
  }
  return (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
}

// Links in invitation and reset mails are built from AUTH_URL alone (lib/site-url.ts), so
// a production server must be told the site's public URL: refuse to start without it.
// (`npm start` sets it to http://localhost:$PORT unless given.)
function authUrlProblem(value) {
  if (!value) return "AUTH_URL is required in production: the site's public URL, e.g. https://news.example.org.";
  try {
    new URL(value);
    return null;
  } catch {
    return `AUTH_URL must be the site's URL, e.g. https://news.example.org (it is "${value}").`;
  }
}
const problem = dev ? null : authUrlProblem(process.env.AUTH_URL);
if (problem) {
  console.error(`Newsletter Studio cannot start: ${problem}`);
  process.exit(1);
}

// Next.js is told its host is "localhost" whatever HOST it listens on: its proxy (middleware)
// sees every request as http://localhost:PORT, and its router takes a rewrite to any other
// origin for an outside address, fetched over HTTP (with HOST=127.0.0.1, each reader 404,
// rewritten by proxy.ts to the not-found route, went out and back in through a proxy).
const app = next({ dev, hostname: "localhost", port, dir: path.resolve(import.meta.dirname, "..") });
const handle = app.getRequestHandler();
await app.prepare();

const headerOptions = { authUrl: process.env.AUTH_URL, trustProxy };

// Not in development: pages change with the code there.
const readerCache = createReaderCache({ caching: !dev && process.env.READER_CACHE !== "off", log: console.error });
const invalidation = await startInvalidation(readerCache, {
  databaseUrl: process.env.DATABASE_URL?.trim(),
  redisUrl: process.env.REDIS_URL?.trim(),
  log: console.error,
});

// A page may choose its status while it renders (lib/reader/response-status.mjs), cached or not.
const render = (req, res) => withResponseStatus(res, () => handle(req, res));

createServer((req, res) => {
  for (const [name, value] of Object.entries(securityHeaders(req, headerOptions))) res.setHeader(name, value);
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req);
  if (!trustProxy) delete req.headers["x-forwarded-for"];
  if (readerCache.handle(req, res, render)) return;
  render(req, res);
}).listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname}:${port}${dev ? " (development)" : ""} (reader cache: ${invalidation.kind})`);
});
