import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { uniqueIssueNumber } from "./support/session";
import { approve, issueOf, saveAndSubmit, startStory } from "./support/workflow";

/**
 * Every kind of reader page, read with JavaScript off at phone and desktop widths, moved
 * between by its links alone, and scanned by axe; the archive a page and a year at a time;
 * a real 404 (status and reader layout) for every address that is not a page.
 */

const SHOTS = "/tmp/reader-pages-shots";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const ISSUE = "/issues/issue-13-2022";
const LEAD = { slug: "second-working-group-meeting-2022", title: "2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation Held Online" };
const SECOND = { slug: "about-the-new-strategy-and-action-framework-2023-2027", title: "About the New Strategy and Action Framework 2023-2027" };
const SITE_NAME = "Lancang-Mekong Environmental Cooperation Center";
// Old years of their own, so the filler issues are never the latest and no other spec's issue is among them.
const FILLER_YEAR = 1991;
const FILLER_ISSUES = 26;

/**
 * 26 published issues of 1991 and one of 1990, written straight into the live snapshot
 * (publishing 27 issues through the studio would take minutes); half have the demo's
 * first story image, so they have a cover. The reader cache does not see these writes:
 * a real publish afterwards (beforeAll) drops every cached page.
 */
function seedFillerIssues(): void {
  withDb((db) => {
    if (db.prepare("SELECT 1 FROM issues WHERE year = ?").get(FILLER_YEAR)) return;
    const demoHtml = (db.prepare("SELECT html FROM published_stories WHERE slug = ?").get(LEAD.slug) as { html: string }).html;
    const figure = /<figure class="story-image">[\s\S]*?<\/figure>/.exec(demoHtml)?.[0];
    if (!figure) throw new Error("the demo lead story has no image");
    const now = Date.now();
    const insertIssue = db.prepare(
      `INSERT INTO issues (id, number, year, slug, title, issue_date, editors_note, status, published_at, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', 'published', ?, 1, ?, ?)`,
    );
    const insertLive = db.prepare(
      `INSERT INTO published_issues (issue_id, slug, number, year, title, issue_date, editors_note, published_at) VALUES (?, ?, ?, ?, ?, ?, '', ?)`,
    );
    const insertStory = db.prepare(
      `INSERT INTO published_stories (id, issue_id, story_id, slug, position, title, standfirst, author_name, author_id, locale, html, plain_text)
       VALUES (?, ?, ?, ?, 0, ?, '', 'Archive Filler', NULL, 'en', ?, ?)`,
    );
    const issues = [
      ...Array.from({ length: FILLER_ISSUES }, (_, i) => ({ number: i + 1, year: FILLER_YEAR, date: `${FILLER_YEAR}-${String(1 + Math.floor(i / 3)).padStart(2, "0")}-${String(1 + (i % 3) * 9).padStart(2, "0")}` })),
      { number: 1, year: FILLER_YEAR - 1, date: `${FILLER_YEAR - 1}-12-01` },
    ];
    db.transaction(() => {
      for (const { number, year, date } of issues) {
        const id = randomUUID();
        const slug = `issue-${number}-${year}`;
        const title = `Issue ${number}, ${year}`;
        const text = `Filler story of issue ${number}, ${year}, for the archive pages.`;
        insertIssue.run(id, number, year, slug, title, date, now, now, now);
        insertLive.run(id, slug, number, year, title, date, now);
        insertStory.run(randomUUID(), id, randomUUID(), "filler-story", `Filler story ${number}, ${year}`, `${number % 2 === 0 ? figure : ""}<p>${text}</p>`, text);
      }
    })();
  });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  seedFillerIssues();
  // A real publish: the reader cache drops what it kept before the filler issues existed.
  const title = `Pages e2e ${randomUUID().slice(0, 8)}`;
  const { page, storyUrl } = await startStory(browser, title, "A story published so that every reader page is rendered afresh.");
  await saveAndSubmit(page);
  await approve(browser, storyUrl);
  await issueOf(browser, { number: uniqueIssueNumber(), year: 2027, titles: [title] });
});

async function readerWithoutJs(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  return context.newPage();
}

/**
 * axe runs as a script in the page, which a context with JavaScript off cannot do; it scans
 * the same address (the same server-rendered HTML) with JavaScript on, at the same width.
 */
async function expectNoAxeViolations(browser: Browser, url: string, viewport: { width: number; height: number }, status: number): Promise<void> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(status);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes[0]?.target)}: ${v.help}`), `${url} at ${viewport.width}px`).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The href of the lead story's byline: its author's page. */
async function leadAuthorPath(browser: Browser): Promise<{ path: string; name: string }> {
  const page = await readerWithoutJs(browser);
  await page.goto(`${ISSUE}/${LEAD.slug}`);
  const byline = page.locator('a[rel="author"]');
  const path = await byline.getAttribute("href");
  const name = (await byline.textContent())?.trim() ?? "";
  await page.context().close();
  expect(path).toMatch(/^\/authors\/[0-9a-f-]{36}$/);
  return { path: path!, name };
}

test("every reader page works with JavaScript off at phone and desktop widths and passes axe", async ({ browser }) => {
  test.setTimeout(300_000);
  const author = await leadAuthorPath(browser);
  const pages: { name: string; url: string; h1: string | RegExp; status?: number }[] = [
    { name: "home", url: "/", h1: /./ },
    { name: "archive", url: "/issues", h1: "Archive" },
    { name: "archive-page-2", url: "/issues?page=2", h1: "Archive" },
    { name: "archive-year", url: `/issues?year=${FILLER_YEAR}`, h1: `Issues of ${FILLER_YEAR}` },
    { name: "archive-year-page-2", url: `/issues?year=${FILLER_YEAR}&page=2`, h1: `Issues of ${FILLER_YEAR}` },
    { name: "issue", url: ISSUE, h1: "Issue 13, 2022" },
    { name: "story", url: `${ISSUE}/${LEAD.slug}`, h1: LEAD.title },
    { name: "author", url: author.path, h1: author.name },
    { name: "about", url: "/about", h1: `About ${SITE_NAME}` },
    { name: "search", url: "/search?q=mekong", h1: "Search" },
    { name: "not-found", url: "/no-such-page/at-all", h1: "Page not found", status: 404 },
  ];
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await readerWithoutJs(browser, viewport);
    for (const { name, url, h1, status = 200 } of pages) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(status);
      await expect(page.getByRole("heading", { level: 1 }), url).toHaveText(h1);
      // The reader layout on every page, 404 included: masthead, its navigation and search, footer.
      await expect(page.getByRole("navigation", { name: "Reader" }).getByRole("link", { name: "Archive" })).toBeVisible();
      await expect(page.getByRole("search", { name: "Site search" })).toBeVisible();
      await expect(page.getByRole("contentinfo")).toBeVisible();
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${viewport.width}px`).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}.png`, fullPage: true });
    }
    await page.context().close();
    for (const { url, status = 200 } of pages) await expectNoAxeViolations(browser, url, viewport, status);
  }
});

test("a reader moves through the archive, an issue, its stories, an author and About by links alone", async ({ browser }) => {
  const page = await readerWithoutJs(browser, PHONE);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Reader" });

  await nav.getByRole("link", { name: "Archive" }).click();
  await expect(page).toHaveURL(/\/issues$/);
  await expect(page.getByText(/\d+ issues, newest first · page 1 of \d+/)).toBeVisible();
  // Years newest first, each a link to its own pages.
  const years = page.getByRole("navigation", { name: "Years" });
  await expect(years.getByText("All years")).toHaveAttribute("aria-current", "page");
  const yearTexts = (await years.getByRole("listitem").allTextContents()).slice(1).map((t) => Number(t.slice(0, 4)));
  expect(yearTexts).toEqual([...yearTexts].sort((a, b) => b - a));
  expect(yearTexts).toEqual(expect.arrayContaining([2022, FILLER_YEAR, FILLER_YEAR - 1]));

  // Page 2 of all years, then back.
  const pagination = page.getByRole("navigation", { name: "Archive pages" });
  await pagination.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/\/issues\?page=2$/);
  await expect(page.getByRole("navigation", { name: "Archive pages" }).locator('[aria-current="page"]')).toHaveText("Page 2");
  await page.getByRole("navigation", { name: "Archive pages" }).getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(/\/issues$/);

  // A year, a page at a time: 24 on the first, the two oldest on the second.
  await page.getByRole("navigation", { name: "Years" }).getByRole("link", { name: new RegExp(`^${FILLER_YEAR}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/issues\\?year=${FILLER_YEAR}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Issues of ${FILLER_YEAR}` })).toBeVisible();
  await expect(page.getByText(`${FILLER_ISSUES} issues in ${FILLER_YEAR} · page 1 of 2`)).toBeVisible();
  const cards = page.locator(`section[aria-labelledby="year-${FILLER_YEAR}"] li`);
  await expect(cards).toHaveCount(24);
  await expect(cards.first()).toContainText(`Issue ${FILLER_ISSUES}, ${FILLER_YEAR}`);
  // Even-numbered filler issues have the demo's image as their cover; odd ones a placeholder.
  await expect(cards.first().locator("img")).toHaveAttribute("src", /^\/media\/[0-9a-f]{64}\/480\.webp$/);
  await expect(cards.nth(1).locator("img")).toHaveCount(0);
  await page.getByRole("navigation", { name: "Archive pages" }).getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues\\?year=${FILLER_YEAR}&page=2$`));
  await expect(cards).toHaveCount(2);
  await expect(page.getByRole("link", { name: `Issue 2, ${FILLER_YEAR}` })).toBeVisible();
  await page.getByRole("link", { name: `Issue 1, ${FILLER_YEAR}` }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/issue-1-${FILLER_YEAR}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Issue 1, ${FILLER_YEAR}` })).toBeVisible();

  // The demo issue, from its year in the archive; then its stories, one after the other.
  await nav.getByRole("link", { name: "Archive" }).click();
  await page.getByRole("navigation", { name: "Years" }).getByRole("link", { name: /^2022/ }).click();
  await page.getByRole("link", { name: "Issue 13, 2022" }).click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}$`));
  await page.getByRole("heading", { level: 2, name: LEAD.title }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/${LEAD.slug}$`));
  await expect(page.getByText(/September 29, 2022/).first()).toBeVisible();
  await expect(page.getByTestId("reading-time")).toHaveText(/\d+ min read/);
  await expect(page.locator(".speaker-card").first()).toBeVisible();
  const more = page.getByRole("navigation", { name: "More in this issue" });
  await expect(more.getByRole("link", { name: /Previous story/ })).toHaveCount(0);
  await more.getByRole("link", { name: new RegExp(`Next story → ${SECOND.title}`) }).click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/${SECOND.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: SECOND.title })).toBeVisible();
  await page.getByRole("navigation", { name: "More in this issue" }).getByRole("link", { name: new RegExp(`Previous story ${LEAD.title}`) }).click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/${LEAD.slug}$`));

  // The byline leads to the author's page, which lists the story and nothing personal.
  const byline = page.locator('a[rel="author"]');
  const name = (await byline.textContent())?.trim() ?? "";
  await byline.click();
  await expect(page).toHaveURL(/\/authors\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("link", { name: LEAD.title })).toBeVisible();
  expect(await page.content()).not.toMatch(/@example\.org/);
  await page.getByRole("link", { name: LEAD.title }).click();
  await expect(page).toHaveURL(new RegExp(`${ISSUE}/${LEAD.slug}$`));

  // About, from the masthead: the settings' about block.
  await page.getByRole("navigation", { name: "Reader" }).getByRole("link", { name: "About" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("main")).toContainText("was set up in Beijing, China, in 2017");

  // The search form in the masthead is a plain GET form.
  await page.getByRole("search", { name: "Site search" }).getByRole("searchbox").fill("mekong");
  await page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=mekong$/);

  // A 404 points the way back.
  await page.goto("/issues/no-such-issue");
  await page.getByRole("link", { name: "Browse the archive" }).click();
  await expect(page).toHaveURL(/\/issues$/);
  await page.context().close();
});

test("addresses that are no page answer 404 with the reader layout, and pages past the last too", async ({ request, browser }) => {
  const author = await leadAuthorPath(browser);
  const missing = [
    "/no-such-page",
    "/a/b/c",
    "/issues/no-such-issue",
    `${ISSUE}/no-such-story`,
    `/authors/${randomUUID()}`,
    "/authors/NOT-AN-ID",
    `${author.path}?page=2`,
    `${author.path}?page=0`,
    "/issues?page=999",
    "/issues?page=0",
    "/issues?page=abc",
    "/issues?page=1&page=2",
    "/issues?year=1800",
    "/issues?year=22",
    `/issues?year=${FILLER_YEAR}&page=3`,
  ];
  for (const url of missing) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    // Rendered by this server in the same request: the rewrite to the not-found route is
    // internal, not an outside address fetched over HTTP (which Next.js names here).
    expect(response.headers()["x-middleware-rewrite"] ?? "", url).not.toMatch(/^https?:/);
    const html = await response.text();
    expect(html, url).toContain("Page not found");
    // Rendered on the server (not an empty shell filled in by JavaScript), with one title.
    expect(html, url).not.toContain('id="__next_error__"');
    expect(html.match(/<title>[^<]*<\/title>/g), url).toEqual(["<title>Page not found · Newsletter</title>"]);
    expect(html, url).toContain('aria-label="Site search"');
    expect(html, url).toContain('href="/issues"');
  }
  // A 404 is never kept by the reader cache.
  const again = await request.get("/issues/no-such-issue");
  expect(again.headers()["x-reader-cache"]).not.toBe("hit");
});

test("the new pages are kept by the reader cache like the others", async ({ request, browser }) => {
  const author = await leadAuthorPath(browser);
  for (const url of ["/about", author.path, `/issues?year=${FILLER_YEAR}`, "/issues?page=2"]) {
    await expect(async () => {
      const response = await request.get(url);
      expect(response.status()).toBe(200);
      expect(response.headers()["x-reader-cache"], url).toBe("hit");
    }).toPass({ timeout: 15_000 });
  }
});
