import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { invalidateReaderPages, readerBus, readerChanged } from "../lib/reader/reader-bus.mjs";
import { isReaderPath } from "../lib/reader/reader-paths.mjs";
import { pagePolicy } from "../lib/security/content-security-policy";
import {
  PageStore,
  buildPage,
  cacheKey,
  cachedResponse,
  chooseEncoding,
  createReaderCache,
  inlineScriptHashes,
  LANGUAGE_COOKIE,
  languageOf,
  matchesEtag,
  stripNonce,
} from "./reader-cache.mjs";

const NONCE = "AbCdEfGhIjKlMnOpQrStUv==";
const page = (nonce = NONCE) =>
  `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async="" nonce="${nonce}"></script></head>` +
  `<body><h1>Issue 13</h1><script nonce="${nonce}">self.__next_f.push([1,"x"])</script>` +
  `<script nonce="${nonce}">document.body.dataset.ok = "是"</script></body></html>`;
const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("which requests are reader pages, and their cache key", () => {
  it("takes the home page, the archive, issues, stories, authors and About, in their exact slug form only", () => {
    for (const path of ["/", "/issues", "/issues/issue-13-2022", "/issues/issue-13-2022/lead-story", "/about", "/authors/0b6c2a4e-9f1d-4c3b-8a7e-2d5f6a1b3c4d"])
      expect(isReaderPath(path)).toBe(true);
    for (const path of ["/studio", "/signin", "/api/health", "/issues/", "/issues/A", "/issues/a/b/c", "/issues/%61", "//issues", "/media/x", "/about/", "/authors", "/authors/", "/authors/A", "/authors/a/b"])
      expect(isReaderPath(path)).toBe(false);
  });

  it("orders the query so one page has one key, and keeps cookies out of it", () => {
    const none = { languageCookie: null };
    expect(cacheKey("/issues?page=2&year=2022", "session=secret", none)).toBe("/issues?page=2&year=2022");
    expect(cacheKey("/issues?year=2022&page=2", undefined, none)).toBe("/issues?page=2&year=2022");
    expect(cacheKey("/issues?a=%20b", undefined, none)).toBe("/issues?a=+b");
    expect(cacheKey("/issues", "lang=zh", { languageCookie: null })).toBe("/issues");
    expect(cacheKey("/studio", undefined)).toBeNull();
    expect(cacheKey(`/issues?q=${"x".repeat(2000)}`, undefined)).toBeNull();
  });

  it("adds the language cookie's value (and nothing else of the cookies)", () => {
    expect(LANGUAGE_COOKIE).toBe("language");
    expect(cacheKey("/issues?page=2", "session=secret; language=zh")).toBe("/issues?page=2\nlanguage=zh");
    expect(cacheKey("/", "session=other; language=zh")).toBe("/\nlanguage=zh");
    expect(cacheKey("/", "language=en")).toBe("/\nlanguage=en");
    expect(cacheKey("/", "session=secret")).toBe("/\nlanguage=");
    expect(cacheKey("/", undefined)).toBe("/\nlanguage=");
    const options = { languageCookie: "lang" };
    expect(cacheKey("/", "session=secret; lang=zh", options)).toBe("/\nlang=zh");
  });

  it("counts only a UI language: any other value is the default, one page for all of them", () => {
    for (const cookie of ["language=fr", "language=", "language=zh-CN", "language=ZH", "language=zh%00", "language=zh x", "xlanguage=zh"])
      expect(cacheKey("/", cookie), cookie).toBe("/\nlanguage=");
    expect(languageOf("a=1; language=zh; b=2", "language")).toBe("zh");
    expect(languageOf("language=<script>", "language")).toBe("");
  });
});

describe("the policy of a cached page", () => {
  it("removes the render's nonce and allows exactly its inline scripts by hash, with no nonce or unsafe-inline", async () => {
    const built = await buildPage({
      key: "/",
      generation: readerBus().generation,
      html: Buffer.from(page()),
      policy: pagePolicy(NONCE),
      contentType: "text/html; charset=utf-8",
      vary: "rsc, Accept-Encoding",
    });
    expect(built).not.toBeNull();
    const html = built!.identity.toString("utf8");
    expect(html).not.toContain("nonce");
    expect(html).toContain('<script src="/_next/static/chunks/a.js" async=""></script>');
    const scripts = built!.policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scripts).toBe(`script-src 'self' ${sha('self.__next_f.push([1,"x"])')} ${sha('document.body.dataset.ok = "是"')}`);
    expect(scripts).not.toMatch(/nonce|unsafe-inline|strict-dynamic/);
    // The rest is the pages' policy.
    expect(built!.policy.replace(/script-src [^;]+/, "")).toBe(pagePolicy(NONCE).replace(/script-src [^;]+/, ""));
    // Pages are rendered in the reader's language (the language cookie): CDNs must key on it.
    expect(built!.vary).toBe("rsc, Accept-Encoding, Cookie");
  });

  it("removes the nonce from the RSC payload too, and stores no page whose nonce is unknown", async () => {
    const payload = `<script nonce="${NONCE}">self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE}\\"}"])</script>`;
    expect(stripNonce(payload, NONCE)).toBe('<script>self.__next_f.push([1,"{\\"nonce\\":\\"\\"}"])</script>');
    expect(await buildPage({ key: "/", generation: 0, html: Buffer.from(page()), policy: "default-src 'self'", contentType: "text/html" })).toBeNull();
  });

  it("hashes inline scripts only, each once", () => {
    const html = '<script src="/a.js"></script><script>x()</script><script type="application/ld+json">{}</script><script>x()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha("x()"), sha("{}")]);
  });
});

describe("conditional and compressed answers", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, br;q=0")).toBe("gzip");
    expect(chooseEncoding("deflate")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*, br;q=0, gzip;q=0")).toBe("identity");
  });

  it("answers with the bytes in the encoding asked for, a strong ETag per encoding, and a 304 for any of them", async () => {
    const built = (await buildPage({
      key: "/",
      generation: 0,
      html: Buffer.from(page()),
      policy: pagePolicy(NONCE),
      contentType: "text/html; charset=utf-8",
    }))!;
    const plain = cachedResponse(built, { method: "GET", headers: {} });
    const br = cachedResponse(built, { method: "GET", headers: { "accept-encoding": "gzip, br" } });
    const gz = cachedResponse(built, { method: "GET", headers: { "accept-encoding": "gzip" } });
    expect(plain.status).toBe(200);
    expect(plain.headers["Content-Encoding"]).toBeUndefined();
    expect(br.headers["Content-Encoding"]).toBe("br");
    expect(gz.headers["Content-Encoding"]).toBe("gzip");
    expect(brotliDecompressSync(br.body!).equals(plain.body!)).toBe(true);
    expect(gunzipSync(gz.body!).equals(plain.body!)).toBe(true);
    expect(new Set([plain.headers.ETag, br.headers.ETag, gz.headers.ETag]).size).toBe(3);
    for (const etag of [plain.headers.ETag, br.headers.ETag, gz.headers.ETag]) expect(etag).toMatch(/^"[A-Za-z0-9_-]+(-br|-gzip)?"$/);
    expect(plain.headers.Vary).toContain("Accept-Encoding");
    expect(plain.headers["Cache-Control"]).toBe("public, no-cache");

    const revalidated = cachedResponse(built, { method: "GET", headers: { "accept-encoding": "br", "if-none-match": gz.headers.ETag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBeNull();
    expect(revalidated.headers.ETag).toBe(br.headers.ETag);
    expect(matchesEtag(`"other", W/${plain.headers.ETag}`, built.hash)).toBe(true);
    expect(matchesEtag('"other"', built.hash)).toBe(false);
    expect(cachedResponse(built, { method: "HEAD", headers: {} })).toMatchObject({ status: 200, body: null });
  });
});

describe("the store", () => {
  const entry = async (key: string, generation: number) =>
    (await buildPage({ key, generation, html: Buffer.from(page()), policy: pagePolicy(NONCE), contentType: "text/html" }))!;

  it("forgets pages of an older generation, and the least recently used first when full", async () => {
    const store = new PageStore({ maxEntries: 2 });
    store.set(await entry("/a", 1));
    store.set(await entry("/b", 1));
    expect(store.get("/a", 1)?.key).toBe("/a");
    store.set(await entry("/c", 1));
    expect(store.get("/b", 1)).toBeUndefined();
    expect(store.get("/a", 2)).toBeUndefined();
    expect(store.size).toBe(1);
    store.clear();
    expect(store.bytes).toBe(0);
  });
});

describe("the cache in front of a renderer", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  type Render = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  async function serve(render: Render, { listening = true } = {}) {
    const cache = createReaderCache();
    cache.setListening(listening);
    const seen: IncomingMessage[] = [];
    server = createServer((req, res) => {
      if (
        !cache.handle(req, res, (r, s) => {
          seen.push(r);
          void render(r, s);
        })
      ) {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { cache, seen, get: (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers }) };
  }

  /** What Next.js does for a reader page: a nonce policy, the cacheable mark, the HTML in chunks. */
  const nextLike =
    (body = page(), extra: Record<string, string> = {}): Render =>
    (_req, res) => {
      res.setHeader("Content-Security-Policy", pagePolicy(NONCE));
      res.setHeader("x-reader-cacheable", "1");
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
      res.write(body.slice(0, 50));
      res.end(body.slice(50));
    };

  // The key of a page read in the default language (no language cookie).
  const stored = async (cache: ReturnType<typeof createReaderCache>, url: string) => {
    const key = cacheKey(url, undefined)!;
    for (let i = 0; i < 100 && !cache.store.pages.has(key); i++) await new Promise((r) => setTimeout(r, 5));
    return cache.store.pages.has(key);
  };

  it("renders a page once without the reader's cookies, then answers from memory", async () => {
    const { cache, seen, get } = await serve(nextLike());
    const first = await get("/issues", { cookie: "authjs.session-token=secret", "accept-encoding": "br" });
    expect(first.headers.get("x-reader-cache")).toBe("miss");
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers["accept-encoding"]).toBeUndefined();
    expect(await first.text()).toBe(page());
    expect(await stored(cache, "/issues")).toBe(true);

    const second = await get("/issues", { "accept-encoding": "gzip" });
    expect(second.headers.get("x-reader-cache")).toBe("hit");
    expect(second.headers.get("content-security-policy")).toContain("'sha256-");
    expect(await second.text()).toBe(page().replaceAll(` nonce="${NONCE}"`, ""));
    expect(seen).toHaveLength(1);

    const conditional = await get("/issues", { "if-none-match": second.headers.get("etag")! });
    expect(conditional.status).toBe(304);
  });

  it("keeps one page per reader language: only a valid language cookie reaches the render, and every answer varies on Cookie", async () => {
    // A renderer that writes the language it was asked for, as the reader pages do.
    const byLanguage: Render = (req, res) => nextLike(page().replace("Issue 13", `Issue 13 [${req.headers.cookie ?? "default"}]`))(req, res);
    const { cache, seen, get } = await serve(byLanguage);
    const zh = await get("/issues", { cookie: "authjs.session-token=secret; language=zh" });
    expect(zh.headers.get("x-reader-cache")).toBe("miss");
    expect(zh.headers.get("vary")).toContain("Cookie");
    expect(seen[0]!.headers.cookie).toBe("language=zh");
    expect(await zh.text()).toContain("[language=zh]");
    expect(await stored(cache, "/issues")).toBe(false);
    for (let i = 0; i < 100 && !cache.store.pages.has(cacheKey("/issues", "language=zh")!); i++) await new Promise((r) => setTimeout(r, 5));

    const en = await get("/issues", { cookie: "language=fr" });
    expect(en.headers.get("x-reader-cache")).toBe("miss");
    expect(seen[1]!.headers.cookie).toBeUndefined();
    expect(await en.text()).toContain("[default]");
    expect(await stored(cache, "/issues")).toBe(true);

    const zhAgain = await get("/issues", { cookie: "language=zh" });
    expect(zhAgain.headers.get("x-reader-cache")).toBe("hit");
    expect(zhAgain.headers.get("vary")).toContain("Cookie");
    expect(await zhAgain.text()).toContain("[language=zh]");
    const plain = await get("/issues");
    expect(plain.headers.get("x-reader-cache")).toBe("hit");
    expect(await plain.text()).toContain("[default]");
    expect(seen).toHaveLength(2);
  });

  it("stores nothing that sets a cookie, is not marked cacheable, or is not a 200", async () => {
    for (const render of [
      nextLike(page(), { "Set-Cookie": "a=b" }),
      ((req, res) => {
        res.setHeader("Content-Security-Policy", pagePolicy(NONCE));
        res.setHeader("Content-Type", "text/html");
        res.end(page());
      }) as Render,
      ((req, res) => {
        res.statusCode = 404;
        nextLike()(req, res);
      }) as Render,
    ]) {
      const { cache, get } = await serve(render);
      await (await get("/")).text();
      expect(await stored(cache, "/")).toBe(false);
      expect((await get("/")).headers.get("x-reader-cache")).toBe("miss");
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  });

  it("keeps search pages in a smaller store of their own, never a refused or past-the-end search, and drops them on a change", async () => {
    const { cache, seen, get } = await serve((req, res) => {
      // What proxy.ts and the search page do: a bad search is a 400, a page after the last a 404.
      if (req.url?.includes("page=abc")) res.statusCode = 400;
      else if (req.url?.includes("page=7")) res.statusCode = 404;
      nextLike()(req, res);
    });
    expect(cacheKey("/search?page=2&q=mekong", undefined, { languageCookie: null })).toBe("/search?page=2&q=mekong");
    expect(cacheKey("/search?q=mekong&page=2", "language=zh")).toBe("/search?page=2&q=mekong\nlanguage=zh");
    expect(cacheKey("/search/x", undefined)).toBeNull();
    expect(cache.searchStore.maxEntries).toBeLessThan(cache.store.maxEntries);
    expect(cache.searchStore.maxBytes).toBeLessThan(cache.store.maxBytes);

    await (await get("/search?q=mekong")).text();
    await (await get("/issues")).text();
    const searchKey = cacheKey("/search?q=mekong", undefined)!;
    await expect.poll(() => cache.searchStore.pages.has(searchKey)).toBe(true);
    expect(cache.store.pages.has(searchKey)).toBe(false);
    expect(await stored(cache, "/issues")).toBe(true);
    expect(cache.searchStore.pages.has(cacheKey("/issues", undefined)!)).toBe(false);
    const again = await get("/search?q=mekong", { "accept-encoding": "br" });
    expect(again.headers.get("x-reader-cache")).toBe("hit");
    // Compressed quickly (most searches are asked for once), and the same page.
    expect(again.headers.get("content-encoding")).toBe("br");
    expect(await again.text()).toBe(page().replaceAll(` nonce="${NONCE}"`, ""));
    expect(seen.filter((r) => r.url === "/search?q=mekong")).toHaveLength(1);

    for (const bad of ["/search?q=mekong&page=abc", "/search?q=mekong&page=7"]) {
      const first = await get(bad);
      expect(first.status).toBe(bad.endsWith("abc") ? 400 : 404);
      await first.text();
      expect((await get(bad)).headers.get("x-reader-cache")).toBe("miss");
    }
    expect(cache.searchStore.size).toBe(1);

    invalidateReaderPages("notice");
    expect(cache.searchStore.size).toBe(0);
    expect(cache.store.size).toBe(0);
    expect((await get("/search?q=mekong")).headers.get("x-reader-cache")).toBe("miss");
  });

  it("does not store a page rendered while something changed, and drops stored pages on a change", async () => {
    let changeWhileRendering = true;
    const { cache, get } = await serve((req, res) => {
      if (changeWhileRendering) readerChanged();
      changeWhileRendering = false;
      nextLike()(req, res);
    });
    await (await get("/")).text();
    expect(await stored(cache, "/")).toBe(false);
    await (await get("/")).text();
    expect(await stored(cache, "/")).toBe(true);
    invalidateReaderPages("notice");
    expect(cache.store.size).toBe(0);
    expect((await get("/")).headers.get("x-reader-cache")).toBe("miss");
  });

  it("neither stores nor answers from memory while other servers' notices cannot be heard", async () => {
    const { cache, get } = await serve(nextLike());
    await (await get("/")).text();
    expect(await stored(cache, "/")).toBe(true);
    cache.setListening(false);
    expect(cache.store.size).toBe(0);
    const res = await get("/");
    expect(res.headers.get("x-reader-cache")).toBe("bypass");
    await res.text();
    expect(await stored(cache, "/")).toBe(false);
  });

  it("renders a page once for many readers asking at the same time, and lets each render when it cannot be stored", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { seen, get } = await serve(async (req, res) => {
      await gate;
      nextLike()(req, res);
    });
    const answers = Array.from({ length: 5 }, () => get("/issues"));
    await expect.poll(() => seen.length).toBe(1);
    release();
    const responses = await Promise.all(answers);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(seen).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.replaceAll(` nonce="${NONCE}"`, "")))).toEqual(new Set([page().replaceAll(` nonce="${NONCE}"`, "")]));
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const uncacheable = await serve(async (req, res) => {
      await new Promise((r) => setTimeout(r, 20));
      nextLike(page(), { "Set-Cookie": "a=b" })(req, res);
    });
    const all = await Promise.all(Array.from({ length: 3 }, () => uncacheable.get("/")));
    expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(uncacheable.seen).toHaveLength(3);
  });

  it("leaves the client-side router's requests to Next.js", async () => {
    const { cache, get } = await serve(nextLike());
    await (await get("/")).text();
    expect(await stored(cache, "/")).toBe(true);
    expect((await get("/", { rsc: "1" })).headers.get("x-reader-cache")).toBe("bypass");
    expect((await get("/?_rsc=abc")).headers.get("x-reader-cache")).toBe("bypass");
  });
});
