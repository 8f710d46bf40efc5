// The reader page cache: reader pages are the same for everyone, so the HTML that Next.js
// rendered for one reader is kept in memory (with its gzip and brotli forms) and answered
// by scripts/server.mjs before Next.js sees the request. What may be stored:
//   - a GET of a reader path (isReaderPath) or of the reader's search, rendered with the
//     reader's cookies removed, so nothing personal can enter it (search pages are kept
//     in a smaller store of their own, so that many different searches cannot push the
//     issues and stories out);
//   - a 200 text/html response that the page itself marked cacheable (proxy.ts sets
//     `x-reader-cacheable: 1` on reader paths) and that sets no cookie;
//   - only if nothing reader-visible changed while it was rendered (the generation of
//     lib/reader/reader-bus.mjs is the same at the start and at the end) and the change
//     notices of other servers were being received all along.
// A rendered page carries this request's CSP nonce; a stored one cannot share it, so the
// nonce attributes are removed and each inline script is allowed by its sha256 hash.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { LANGUAGE_COOKIE as READER_LANGUAGE_COOKIE, uiLocaleOf } from "../lib/i18n/locales.mjs";
import { invalidateReaderPages, readerBus } from "../lib/reader/reader-bus.mjs";
import { isReaderPath, SEARCH_PATH } from "../lib/reader/reader-paths.mjs";
import { policyWithScripts } from "../lib/security/page-policy.mjs";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export { isReaderPath };

/**
 * The cookie that picks the reader's language (lib/i18n/locales.mjs, set by /language):
 * reader pages read it, so its value is part of the cache key, it is the one cookie that
 * reaches a render, and responses vary on Cookie. Only a valid value counts; any other
 * is the site's default language, the same as no cookie.
 * @type {string | null}
 */
export const LANGUAGE_COOKIE = READER_LANGUAGE_COOKIE;

/**
 * The reader's language as the cookie names it: a UI locale, or "" for the default.
 * @param {string | undefined} cookieHeader @param {string} languageCookie
 */
export function languageOf(cookieHeader, languageCookie) {
  return uiLocaleOf(readCookie(cookieHeader, languageCookie)) ?? "";
}

/**
 * Browsers and CDNs may keep a reader page but must ask again before using it (no-cache
 * means "revalidate", not "don't store"): the answer is a 304 without a body, from memory,
 * when nothing changed. A max-age or s-maxage would let a CDN serve an unpublished issue
 * for that long after it was taken down, which the newsletter must never do; a site
 * that accepts such a delay (and purges its CDN on publish) can set READER_CACHE_CONTROL.
 */
export const CACHE_CONTROL = process.env.READER_CACHE_CONTROL || "public, no-cache";

/** Kept in memory: at most this many pages and bytes (identity + gzip + brotli). */
const MAX_ENTRIES = 2000;
const MAX_BYTES = 96 * 1024 * 1024;
/** Search pages, kept apart: at most this many pages and bytes. */
const MAX_SEARCH_ENTRIES = 1000;
const MAX_SEARCH_BYTES = 32 * 1024 * 1024;
/** Larger pages are served, not stored. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_URL_LENGTH = 1024;

/** Requests of the client-side router: Next.js answers them with RSC payloads, not HTML. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

/** @param {string | undefined} header @param {string} name */
export function readCookie(header, name) {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The request's path and query split and checked: null when it is not a cacheable
 * reader request (not a reader path, router request, odd URL).
 * @param {string} url req.url, e.g. "/issues?page=2"
 */
export function parseReaderUrl(url) {
  if (typeof url !== "string" || url.length > MAX_URL_LENGTH || !url.startsWith("/")) return null;
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  if (!isReaderPath(pathname) && pathname !== SEARCH_PATH) return null;
  const params = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
  return { pathname, params };
}

/**
 * The cache key: the path, the query in a stable order (so ?a=1&b=2 and ?b=2&a=1 are one
 * page) and, when pages read it, the language cookie's value.
 * @param {string} url
 * @param {string | undefined} cookieHeader
 * @param {{ languageCookie?: string | null }} [options]
 * @returns {string | null}
 */
export function cacheKey(url, cookieHeader, { languageCookie = LANGUAGE_COOKIE } = {}) {
  const parsed = parseReaderUrl(url);
  if (!parsed) return null;
  const pairs = [...parsed.params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(pairs).toString();
  let key = query ? `${parsed.pathname}?${query}` : parsed.pathname;
  if (languageCookie) key += `\n${languageCookie}=${languageOf(cookieHeader, languageCookie)}`;
  return key;
}

/** The nonce of a page's policy (proxy.ts), if it has one. @param {unknown} policy */
export function nonceOf(policy) {
  return typeof policy === "string" ? (policy.match(/'nonce-([A-Za-z0-9+/=_-]+)'/)?.[1] ?? null) : null;
}

/**
 * The HTML without this render's nonce: the attributes go, and so does the value where
 * Next.js repeats it in the page's RSC payload (`"nonce":"…"` for the scripts and styles
 * React inserts; left empty, it matches no policy). Done before hashing, so the hashes
 * are those of the scripts as served.
 * @param {string} html @param {string} nonce
 */
export function stripNonce(html, nonce) {
  return html.split(` nonce="${nonce}"`).join("").split(nonce).join("");
}

/**
 * The CSP sources of every inline script of the page ('sha256-…' of its text, which is
 * what the browser hashes), in order of first appearance.
 * @param {string} html
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(` ${match[1]}`)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(match[2], "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The policy of a cached page: the pages' policy (lib/security/page-policy.mjs) with
 * same-origin script files and exactly these inline scripts; no nonce, no 'unsafe-inline'.
 * ('strict-dynamic' would refuse the page's own script files, which carry no nonce now.)
 * @param {string[]} hashes
 */
export function cachedPagePolicy(hashes) {
  return policyWithScripts(hashes);
}

/**
 * Which encoding to send: brotli, then gzip, then none, as the client accepts them
 * (a q=0 refuses one).
 * @param {string | undefined} header
 * @returns {"br" | "gzip" | "identity"}
 */
export function chooseEncoding(header) {
  if (!header) return "identity";
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (/** @type {string} */ name) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

/** A strong ETag per representation: the hash of the page's bytes, and the encoding. */
export function etagFor(/** @type {string} */ hash, /** @type {"br" | "gzip" | "identity"} */ encoding) {
  return encoding === "identity" ? `"${hash}"` : `"${hash}-${encoding}"`;
}

/**
 * Whether If-None-Match names this page as the client has it (any representation of
 * these bytes: If-None-Match compares weakly), or is "*".
 * @param {string | undefined} header @param {string} hash
 */
export function matchesEtag(header, hash) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === `"${hash}"` || value === `"${hash}-br"` || value === `"${hash}-gzip"`;
  });
}

/**
 * @typedef {object} ReaderPage
 * @property {string} key
 * @property {number} generation
 * @property {string} contentType
 * @property {string} vary
 * @property {string} policy
 * @property {string} hash
 * @property {Buffer} identity
 * @property {Buffer} gzip
 * @property {Buffer} br
 */

/**
 * Makes a cache entry of a rendered page: nonce out, hashes in, compressed twice.
 * Null when the page cannot be stored safely. `fast`: compressed quickly rather than
 * smallest (search pages: most are asked for once, and the best brotli costs ~40 ms of
 * CPU for a results page, more than rendering it).
 * @param {{ key: string, generation: number, html: Buffer, policy: unknown, contentType: string, vary?: unknown, languageCookie?: string | null, fast?: boolean }} rendered
 * @returns {Promise<ReaderPage | null>}
 */
export async function buildPage({ key, generation, html, policy, contentType, vary, languageCookie = LANGUAGE_COOKIE, fast = false }) {
  const nonce = nonceOf(policy);
  if (!nonce) return null;
  const text = stripNonce(html.toString("utf8"), nonce);
  const identity = Buffer.from(text, "utf8");
  const [gz, br] = await Promise.all([
    gzip(identity, { level: fast ? 6 : 9 }),
    brotli(identity, {
      params: {
        // The best compression costs ~1 s per MB: large pages (a long archive) get less.
        [zlib.constants.BROTLI_PARAM_QUALITY]: fast ? 5 : identity.length > 256 * 1024 ? 9 : 11,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ]);
  const varying = new Set(
    (Array.isArray(vary) ? vary.join(",") : typeof vary === "string" ? vary : "")
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  );
  varying.add("Accept-Encoding");
  if (languageCookie) varying.add("Cookie");
  return {
    key,
    generation,
    contentType,
    vary: [...varying].join(", "),
    policy: cachedPagePolicy(inlineScriptHashes(text)),
    hash: createHash("sha256").update(identity).digest("base64url").slice(0, 32),
    identity,
    gzip: gz,
    br,
  };
}

/** In memory, least recently used first out. */
export class PageStore {
  constructor({ maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES } = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    /** @type {Map<string, ReaderPage>} */
    this.pages = new Map();
    this.bytes = 0;
  }

  /** @param {string} key @param {number} generation */
  get(key, generation) {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.generation !== generation) {
      this.delete(key);
      return undefined;
    }
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** @param {ReaderPage} page */
  set(page) {
    this.delete(page.key);
    const size = sizeOf(page);
    if (size > this.maxBytes) return;
    this.pages.set(page.key, page);
    this.bytes += size;
    for (const [key] of this.pages) {
      if (this.pages.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
  }

  /** @param {string} key */
  delete(key) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(page);
  }

  clear() {
    this.pages.clear();
    this.bytes = 0;
  }

  get size() {
    return this.pages.size;
  }
}

/** @param {ReaderPage} page */
function sizeOf(page) {
  return page.identity.length + page.gzip.length + page.br.length + page.key.length;
}

/**
 * The headers and body of a cached page for this request (a 304 when the client has it).
 * @param {ReaderPage} page
 * @param {{ method?: string, headers: Record<string, string | string[] | undefined> }} req
 */
export function cachedResponse(page, req) {
  const encoding = chooseEncoding(/** @type {string | undefined} */ (req.headers["accept-encoding"]));
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Security-Policy": page.policy,
    "Cache-Control": CACHE_CONTROL,
    Vary: page.vary,
    ETag: etagFor(page.hash, encoding),
    "X-Reader-Cache": "hit",
  };
  if (matchesEtag(/** @type {string | undefined} */ (req.headers["if-none-match"]), page.hash)) {
    return { status: 304, headers, body: null };
  }
  const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
  headers["Content-Type"] = page.contentType;
  headers["Content-Length"] = String(body.length);
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  return { status: 200, headers, body: req.method === "HEAD" ? null : body };
}

/**
 * Adds `value` to the response's Vary header when the head is written, after Next.js has
 * set its own Vary (which replaces whatever was there before).
 * @param {import("node:http").ServerResponse} res @param {string} value
 */
export function varyOn(res, value) {
  const writeHead = res.writeHead;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {any[]} */ ...args) {
      if (!res.headersSent) {
        const current = res.getHeader("vary");
        const list = (Array.isArray(current) ? current.join(",") : String(current ?? ""))
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean);
        if (!list.some((v) => v === "*" || v.toLowerCase() === value.toLowerCase())) res.setHeader("Vary", [...list, value].join(", "));
      }
      return writeHead.apply(this, /** @type {any} */ (args));
    }
  );
}

/**
 * The cache as scripts/server.mjs uses it.
 * @param {{ caching?: boolean, languageCookie?: string | null, log?: (message: string) => void }} [options]
 */
export function createReaderCache({ caching = true, languageCookie = LANGUAGE_COOKIE, log = () => {} } = {}) {
  const bus = readerBus();
  const store = new PageStore();
  const searchStore = new PageStore({ maxEntries: MAX_SEARCH_ENTRIES, maxBytes: MAX_SEARCH_BYTES });
  /** @type {Map<string, Promise<ReaderPage | null>>} pages being rendered for the store */
  const filling = new Map();
  // Until the change notices of other servers are heard (setListening), nothing is stored.
  let listening = false;
  bus.emitter.on("invalidate", () => {
    store.clear();
    searchStore.clear();
  });

  /**
   * Removes every cookie but a valid language one: reader pages are the same for everyone
   * who reads in that language (an invalid value is dropped, so the page is rendered in
   * the default language its cache key names).
   */
  function stripCookies(/** @type {import("node:http").IncomingMessage} */ req) {
    const lang = languageCookie ? languageOf(req.headers.cookie, languageCookie) : "";
    if (lang && languageCookie) req.headers.cookie = `${languageCookie}=${lang}`;
    else delete req.headers.cookie;
  }

  /**
   * Answers a reader request from the cache, or lets Next.js render it (storing the
   * result). Returns false for requests that are none of its business.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} render
   */
  function handle(req, res, render) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    const parsed = parseReaderUrl(url);
    if (!parsed) return false;
    const key = cacheKey(url, req.headers.cookie, { languageCookie });
    /** Where this page is kept: search pages in their own, smaller store. */
    const pages = parsed.pathname === SEARCH_PATH ? searchStore : store;
    stripCookies(req);
    // The page depends on the language cookie, rendered or stored: a CDN must key it so.
    if (languageCookie) varyOn(res, "Cookie");
    const routerRequest = ROUTER_HEADERS.some((h) => req.headers[h] !== undefined) || /[?&]_rsc=/.test(url);
    if (!caching || !listening || routerRequest || key === null) {
      res.setHeader("X-Reader-Cache", "bypass");
      render(req, res);
      return true;
    }
    const page = pages.get(key, bus.generation);
    if (page) {
      answer(req, res, page);
      return true;
    }
    // Many readers asking for a page that is being rendered wait for that one render
    // instead of rendering it each (a publish empties the cache of a busy site at once).
    const pending = filling.get(key);
    if (pending) {
      const generation = bus.generation;
      void pending.then((filled) => {
        if (res.destroyed) return;
        if (filled && filled.generation === generation && generation === bus.generation && listening) answer(req, res, filled);
        else {
          res.setHeader("X-Reader-Cache", "miss");
          render(req, res);
        }
      });
      return true;
    }
    res.setHeader("X-Reader-Cache", "miss");
    if (req.method === "HEAD") {
      render(req, res);
      return true;
    }
    // Rendered plainly for the store: not compressed, not answered with a 304 by Next.js.
    delete req.headers["accept-encoding"];
    delete req.headers["if-none-match"];
    delete req.headers["if-modified-since"];
    const filled = fill(key, pages, res);
    filling.set(key, filled);
    void filled.then(() => filling.get(key) === filled && filling.delete(key));
    render(req, res);
    return true;
  }

  function answer(
    /** @type {import("node:http").IncomingMessage} */ req,
    /** @type {import("node:http").ServerResponse} */ res,
    /** @type {ReaderPage} */ page,
  ) {
    const cached = cachedResponse(page, req);
    res.writeHead(cached.status, cached.headers);
    res.end(cached.body ?? undefined);
  }

  /**
   * Copies what Next.js writes, and stores it when the response qualifies.
   * @returns {Promise<ReaderPage | null>} the stored page, once stored (null: not stored)
   */
  function fill(
    /** @type {string} */ key,
    /** @type {PageStore} */ pages,
    /** @type {import("node:http").ServerResponse} */ res,
  ) {
    /** @type {(page: ReaderPage | null) => void} */
    let settle = () => {};
    /** @type {Promise<ReaderPage | null>} */
    const done = new Promise((resolve) => (settle = resolve));
    const generation = bus.generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const keep = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > MAX_PAGE_BYTES) return;
      const buffer =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
          : Buffer.from(/** @type {Uint8Array} */ (chunk));
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ cb) {
        keep(chunk, encoding);
        return write.call(this, /** @type {never} */ (chunk), /** @type {never} */ (encoding), /** @type {never} */ (cb));
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ cb) {
        keep(chunk, encoding);
        return end.call(this, /** @type {never} */ (chunk), /** @type {never} */ (encoding), /** @type {never} */ (cb));
      }
    );
    res.once("close", () => res.writableFinished || settle(null));
    res.once("finish", () => {
      const cacheable =
        res.statusCode === 200 &&
        res.getHeader("x-reader-cacheable") === "1" &&
        res.getHeader("set-cookie") === undefined &&
        res.getHeader("content-encoding") === undefined &&
        String(res.getHeader("content-type") ?? "").startsWith("text/html") &&
        size <= MAX_PAGE_BYTES;
      if (!cacheable || generation !== bus.generation || !listening) return settle(null);
      buildPage({
        key,
        generation,
        html: Buffer.concat(chunks),
        policy: res.getHeader("content-security-policy"),
        contentType: String(res.getHeader("content-type")),
        vary: res.getHeader("vary"),
        languageCookie,
        fast: pages === searchStore,
      })
        .then((page) => {
          // Compressing took a moment: a change in it means the page may be stale.
          if (page && page.generation === bus.generation && listening) {
            pages.set(page);
            settle(page);
          } else settle(null);
        })
        .catch((error) => {
          log(`reader cache: could not store ${key}: ${error instanceof Error ? error.message : error}`);
          settle(null);
        });
    });
    return done;
  }

  return {
    handle,
    store,
    searchStore,
    /** Whether other servers' change notices reach this one (always, with one server). */
    setListening(/** @type {boolean} */ value) {
      if (value === listening) return;
      listening = value;
      // Either way, what was stored or is being rendered may have missed a notice.
      invalidateReaderPages(value ? "listening" : "deaf");
    },
    get listening() {
      return listening;
    },
  };
}
