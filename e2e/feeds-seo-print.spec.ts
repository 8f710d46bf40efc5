import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { uniqueIssueNumber } from "./support/session";
import { approve, issueOf, saveAndSubmit, startStory } from "./support/workflow";

const ISSUE = "/issues/issue-13-2022";
const STORIES = [
  { slug: "second-working-group-meeting-2022", title: "2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation Held Online" },
  { slug: "about-the-new-strategy-and-action-framework-2023-2027", title: "About the New Strategy and Action Framework 2023-2027" },
];
const SITE_NAME = "Lancang-Mekong Environmental Cooperation Center";
const FEEDS = ["/feed/issues.xml", "/feed/issues.atom", "/feed/stories.xml", "/feed/stories.atom"];
const SHOTS = "/tmp/seo-shots";
const MEDIA = /^https?:\/\/[^/]+\/media\/[0-9a-f]{64}\/1600\.webp$/;

async function readFeed(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe(
    path.endsWith(".atom") ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
  );
  // A cache may keep a copy, but asks again before using it: an unpublished issue does not linger.
  expect(response.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
  return parseFeed(await response.text());
}

/** A feed's or the sitemap's XML as text. */
async function xmlText(request: APIRequestContext, path: string) {
  return (await request.get(path)).text();
}

/** CSP violations as the page itself reports them, and the console's word on them. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const logged: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test("the feeds parse and hold the demo issue and its stories, with absolute links", async ({ request, baseURL }) => {
  const site = new URL(baseURL!).origin;
  for (const path of FEEDS) {
    const feed = await readFeed(request, path);
    expect(feed.url).toBe(`${site}/`);
    expect(feed.self).toBe(`${site}${path}`);
    const urls = feed.items.map((item) => item.url);
    if (path.includes("issues")) {
      expect(urls).toContain(`${site}${ISSUE}`);
      const demo = feed.items.find((item) => item.url === `${site}${ISSUE}`);
      expect(demo?.title).toBe("Issue 13, 2022");
      expect(demo?.media.map((m) => m.url)).toEqual([expect.stringMatching(MEDIA)]);
    } else {
      for (const story of STORIES) {
        const item = feed.items.find((i) => i.url === `${site}${ISSUE}/${story.slug}`);
        expect(item?.title, story.slug).toBe(story.title);
        expect(item?.authors.length).toBe(1);
        expect(item?.content).not.toMatch(/(src|href|srcset)="\//);
      }
    }
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
  }
  // The cover a feed names is really there.
  const issues = await readFeed(request, "/feed/issues.xml");
  const cover = issues.items.find((i) => i.url?.endsWith(ISSUE))?.media[0]?.url;
  const image = await request.get(new URL(cover!).pathname);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");

  expect((await request.get("/feed/issues.json")).status()).toBe(404);
});

test("robots.txt points at the sitemap and keeps crawlers out of the studio and the API; the sitemap lists the reader site", async ({
  request,
  baseURL,
}) => {
  const site = new URL(baseURL!).origin;
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = await robots.text();
  expect(rules).toMatch(/^User-Agent: \*$/m);
  expect(rules).toMatch(/^Allow: \/$/m);
  expect(rules).toMatch(/^Disallow: \/studio$/m);
  expect(rules).toMatch(/^Disallow: \/api$/m);
  expect(rules).toMatch(new RegExp(`^Sitemap: ${site}/sitemap.xml$`, "m"));

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toMatch(/^application\/xml/);
  const xml = await sitemap.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs.slice(0, 2)).toEqual([`${site}/`, `${site}/issues`]);
  expect(locs).toEqual(
    expect.arrayContaining([`${site}${ISSUE}`, ...STORIES.map((s) => `${site}${ISSUE}/${s.slug}`)]),
  );
  expect(locs.some((loc) => loc?.includes("/studio"))).toBe(false);
});

test("a story page has its canonical URL, feed links, OpenGraph and Twitter cards, and NewsArticle JSON-LD, with no CSP violation", async ({
  page,
  baseURL,
}) => {
  const site = new URL(baseURL!).origin;
  const violations = await watchCsp(page);
  const path = `${ISSUE}/${STORIES[0]!.slug}`;
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(STORIES[0]!.title);

  const head = page.locator("head");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", `${site}${path}`);
  await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(2);
  await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(2);
  await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute("href", `${site}/feed/issues.xml`);
  const meta = (key: string) => head.locator(`meta[property="${key}"], meta[name="${key}"]`).first();
  await expect(meta("og:type")).toHaveAttribute("content", "article");
  await expect(meta("og:url")).toHaveAttribute("content", `${site}${path}`);
  await expect(meta("og:title")).toHaveAttribute("content", STORIES[0]!.title);
  await expect(meta("og:site_name")).toHaveAttribute("content", SITE_NAME);
  await expect(meta("og:image")).toHaveAttribute("content", MEDIA);
  await expect(meta("og:image:alt")).toHaveAttribute("content", /online meeting/);
  await expect(meta("twitter:card")).toHaveAttribute("content", "summary_large_image");
  await expect(meta("twitter:image")).toHaveAttribute("content", MEDIA);
  await expect(meta("article:published_time")).toHaveAttribute("content", "2022-09-29");

  const blocks = page.locator('script[type="application/ld+json"]');
  await expect(blocks).toHaveCount(1);
  const article = JSON.parse((await blocks.textContent()) ?? "");
  expect(article).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: STORIES[0]!.title,
    url: `${site}${path}`,
    datePublished: "2022-09-29",
    author: [{ "@type": "Person", name: expect.stringMatching(/\S/) }],
    image: [expect.stringMatching(MEDIA)],
    publisher: { "@type": "Organization", name: SITE_NAME, logo: { url: `${site}/apple-touch-icon.png` } },
  });
  const ogImage = await meta("og:image").getAttribute("content");
  expect((await page.request.get(new URL(ogImage!).pathname)).status()).toBe(200);

  // The issue and the archive say where they live too.
  for (const other of [ISSUE, "/issues", "/"]) {
    await page.goto(other);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", other === "/" ? `${site}/` : `${site}${other}`);
    await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute("content", /\S/);
  }
  await expect(page.locator('head meta[property="og:image"]').first()).toHaveAttribute("content", MEDIA);
  expect(await violations()).toEqual([]);
});

test("an issue published and then unpublished leaves every feed and the sitemap; a title with </script> cannot break out of the JSON-LD", async ({
  browser,
  request,
}) => {
  const tag = randomUUID().slice(0, 8);
  const title = `Dolphin count </script><script>window.__pwned = 1</script> & more ${tag}`;
  const number = uniqueIssueNumber();
  const issueSlug = `issue-${number}-2032`;

  // The contributor writes and submits; the reviewer approves; the editor publishes an issue of it.
  const { page: contributor, storyUrl } = await startStory(browser, title, "Rangers counted river dolphins near Kratie.");
  await saveAndSubmit(contributor);
  await approve(browser, storyUrl);
  const editorPage = await issueOf(browser, { number, year: 2032, date: "2032-05-20", title: `Issue ${number}, 2032`, titles: [title] });

  // Live: a reader finds it, and its title stays text in the JSON-LD and the feeds.
  const reader = await (await browser.newContext()).newPage();
  const violations = await watchCsp(reader);
  await reader.goto(`/issues/${issueSlug}`);
  await reader.getByRole("link", { name: title }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  const storyPath = new URL(reader.url()).pathname;
  const jsonLd = reader.locator('script[type="application/ld+json"]');
  await expect(jsonLd).toHaveCount(1);
  expect(JSON.parse((await jsonLd.textContent()) ?? "")).toMatchObject({ "@type": "NewsArticle", headline: title });
  expect(await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Only Next.js's own scripts, each with the nonce: nothing from the title became a script.
  const nonces = await reader
    .locator("script:not([type='application/ld+json'])")
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  for (const nonce of nonces) expect(nonce).not.toBe("");
  expect(await violations()).toEqual([]);
  for (const path of FEEDS) {
    const feed = await readFeed(request, path);
    expect(feed.items[0]?.url, path).toMatch(path.includes("issues") ? new RegExp(`/issues/${issueSlug}$`) : new RegExp(`${storyPath}$`));
    if (path.includes("stories")) expect(feed.items[0]?.title).toBe(title);
  }
  expect(await (await request.get("/sitemap.xml")).text()).toContain(`/issues/${issueSlug}</loc>`);

  // Unpublished: in no feed, not in the sitemap, and its pages are gone.
  await editorPage.getByRole("button", { name: "Unpublish" }).click();
  // The unpublish form goes once the issue is a draft again: its status says it.
  await expect(editorPage.getByRole("main").getByText("Draft", { exact: true })).toBeVisible();
  await expect(editorPage.getByRole("button", { name: "Unpublish" })).toHaveCount(0);
  for (const path of [...FEEDS, "/sitemap.xml"]) {
    const text = await xmlText(request, path);
    expect(text, path).not.toContain(issueSlug);
    expect(text, path).not.toContain(tag);
    expect(text, path).toContain("issue-13-2022");
  }
  expect((await request.get(`/issues/${issueSlug}`)).status()).toBe(404);
  expect((await request.get(`/issues/${issueSlug}/print`)).status()).toBe(404);
  expect((await request.get(storyPath)).status()).toBe(404);
});

/** The PDF's text, page by page, with runs joined. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  return pages;
}

/**
 * Text compared without its spacing and case: a PDF breaks lines where it likes, and the
 * small capitals of labels ("NEWSLETTER", the date) are upper-case text in it.
 */
const squash = (text: string) => text.replace(/\s+/g, "").toLowerCase();

test("the print edition prints the masthead, the issue's number and date and every story on pages of its own, without navigation", async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(ISSUE);
  await page.getByRole("link", { name: "Print edition" }).click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/print$`));
  await expect(page.getByRole("heading", { level: 1, name: "Issue 13, 2022" })).toBeVisible();
  await expect(page.locator("head link[rel=canonical]")).toHaveAttribute("href", new RegExp(`${ISSUE}$`));
  await expect(page.locator('head meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  for (const story of STORIES) await expect(page.getByRole("heading", { level: 2, name: story.title })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/print-edition-screen.png`, fullPage: true });

  await page.emulateMedia({ media: "print" });
  // Every picture is in before printing (the print edition does not load them lazily).
  await page.evaluate(() => Promise.all(Array.from(document.images).map((img) => img.decode())));
  for (const nav of await page.locator("nav, .no-print").all()) await expect(nav).toBeHidden();

  // Speaker cards two to a row, side by side, each about half the column.
  const cards = await page.locator(".print-story .speaker-card").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), left: Math.round(r.left), width: r.width, column: el.parentElement!.getBoundingClientRect().width };
    }),
  );
  expect(cards.length).toBe(7);
  for (let i = 0; i + 1 < cards.length; i += 2) {
    const [a, b] = [cards[i]!, cards[i + 1]!];
    expect(b.top, `cards ${i} and ${i + 1} share a row`).toBe(a.top);
    expect(b.left).toBeGreaterThan(a.left + a.width);
    expect(a.width).toBeGreaterThan(a.column * 0.4);
    expect(a.width).toBeLessThan(a.column * 0.5);
  }
  expect(cards[6]!.top).toBeGreaterThan(cards[5]!.top);
  expect(cards[6]!.left).toBe(cards[0]!.left);
  await page.screenshot({ path: `${SHOTS}/print-edition-print-media.png`, fullPage: true });
  for (const [i, story] of STORIES.entries()) {
    await page.locator(`#${story.slug}`).screenshot({ path: `${SHOTS}/print-story-${i + 1}.png` });
  }

  const pdf = await page.pdf({ format: "A4", printBackground: true, path: `${SHOTS}/print-edition.pdf` });
  const pages = await pdfPages(pdf);
  const all = squash(pages.join(" "));
  for (const text of [SITE_NAME, "Newsletter", "Issue 13, 2022", "September 29, 2022", ...STORIES.map((s) => s.title)]) {
    expect(all, text).toContain(squash(text));
  }
  // Outside links carry their address on paper.
  expect(all).toContain(squash("LMEC website (http://en.lmec.org.cn/)"));
  // No navigation and nothing to click.
  for (const text of ["Latest issue", "Archive", "Staff sign-in", "Print edition", "Skip to content", "Back to"]) {
    expect(all, text).not.toContain(squash(text));
  }
  // The masthead and contents open the first page; each story then starts a page of its own.
  expect(squash(pages[0]!)).toContain(squash(SITE_NAME));
  const startPages = STORIES.map((story) =>
    pages.findIndex((text, n) => n > 0 && squash(text).includes(squash(`Issue 13, 2022 ${story.title}`))),
  );
  expect(startPages[0]).toBeGreaterThan(0);
  expect(startPages[1]).toBeGreaterThan(startPages[0]!);
});
