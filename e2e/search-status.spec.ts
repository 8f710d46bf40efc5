import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { indexText } from "../lib/search/tokenize";
import { withDb } from "./support/db";

const SHOTS = "/tmp/search-shots";

/**
 * Published stories written straight into the live snapshot (as scripts/bench-seed.ts
 * does; the studio would take minutes for a thousand): one old issue holding `count`
 * stories whose text is `textOf(i)`. The reader page cache does not see these writes:
 * each test searches for words of its own, never searched for before they were written.
 */
function publishStories(count: number, textOf: (i: number) => string): void {
  withDb((db) => {
    const issueId = randomUUID();
    const number = 1 + Math.floor(Math.random() * 9000);
    const year = 1990 + Math.floor(Math.random() * 9);
    const slug = `search-status-${number}-${year}-${issueId.slice(0, 6)}`;
    const title = `Search status ${number}, ${year}`;
    const now = Date.now();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO issues (id, number, year, slug, title, issue_date, editors_note, status, published_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '', 'published', ?, ?, ?)`,
      ).run(issueId, number, year, slug, title, `${year}-01-15`, now, now, now);
      db.prepare(
        `INSERT INTO published_issues (issue_id, slug, number, year, title, issue_date, editors_note, published_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?)`,
      ).run(issueId, slug, number, year, title, `${year}-01-15`, now);
      const story = db.prepare(
        `INSERT INTO published_stories (id, issue_id, story_id, slug, position, title, standfirst, author_name, html, plain_text,
           search_title, search_body, search_version)
         VALUES (?, ?, ?, ?, ?, ?, '', 'Search Tester', ?, ?, ?, ?, 1)`,
      );
      for (let i = 0; i < count; i++) {
        const storyTitle = `Field note ${i + 1}`;
        const text = textOf(i);
        story.run(randomUUID(), issueId, randomUUID(), `field-note-${i + 1}`, i, storyTitle, `<p>${text}</p>`, text, indexText(storyTitle), indexText(text));
      }
    })();
  });
}

/** The page's text as a reader sees it, without its markup. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes[0]?.target)}: ${v.help}`), label).toEqual([]);
}

async function readerWithoutJs(browser: Browser): Promise<Page> {
  return (await browser.newContext({ javaScriptEnabled: false })).newPage();
}

const BAD: { path: string; status: number; message: string | RegExp }[] = [
  { path: `/search?q=${"a".repeat(250)}`, status: 400, message: "Please search for at most 200 characters." },
  { path: "/search?q=lancang&page=abc", status: 400, message: "The page number is not valid." },
  { path: "/search?q=lancang&page=0", status: 400, message: "The page number is not valid." },
  { path: "/search?q=lancang&q=mekong", status: 400, message: /the address holds more than one search/ },
  { path: "/search?q=lancang&page=1&page=2", status: 400, message: /more than one page number/ },
  { path: "/search?q=%E2%80%94%21%3F", status: 400, message: /Please search for a word/ },
  { path: "/search?q=lancang&page=101", status: 404, message: "Results stop at page 100; please narrow the search." },
  // The demo issue holds one page of results for "lancang".
  { path: "/search?q=lancang&page=7", status: 404, message: "There is no page 7 of results for “lancang”. Go to the first page." },
];

test("bad search addresses answer 400, a page past the end 404, each with its message; a visit without a query is 200", async ({ request }) => {
  for (const { path, status, message } of BAD) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(response.headers()["content-type"], path).toMatch(/^text\/html/);
    const text = textOf(await response.text());
    if (typeof message === "string") expect(text, path).toContain(message);
    else expect(text, path).toMatch(message);
  }
  for (const path of ["/search", "/search?q=", "/search?q=lancang", `/search?q=zzqv${randomUUID().slice(0, 4)}`]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test("with JavaScript off, a bad search shows its message in the page, with the query kept in the form", async ({ browser }) => {
  const reader = await readerWithoutJs(browser);
  for (const { path, status, message } of BAD) {
    const response = await reader.goto(path);
    expect(response?.status(), path).toBe(status);
    await expect(reader.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(reader.getByRole("alert")).toHaveText(message);
  }
  await reader.goto("/search?q=lancang&page=7");
  await expect(reader.getByRole("searchbox", { name: "Search the stories of every issue" }).last()).toHaveValue("lancang");
  mkdirSync(SHOTS, { recursive: true });
  await reader.screenshot({ path: `${SHOTS}/past-end.png`, fullPage: true });
  // The way back works without JavaScript.
  await reader.getByRole("link", { name: "Go to the first page" }).click();
  await expect(reader).toHaveURL(/\/search\?q=lancang$/);
  await expect(reader.getByRole("status")).toContainText(/found for “lancang”/);

  await reader.goto("/search?q=%E2%80%94%21%3F");
  await reader.screenshot({ path: `${SHOTS}/bad-query.png`, fullPage: true });
  await reader.context().close();
});

test("many results: counted up to 1,000+, paged by plain links with JavaScript off and on; results and error pages pass axe", async ({ browser }) => {
  const tag = randomUUID().replaceAll("-", "").slice(0, 6);
  const many = `zqmany${tag}`;
  const few = `zqfew${tag}`;
  // 1,005 stories hold `many`; 23 of them also `few` (three pages).
  publishStories(1005, (i) => `Counted ${many} near the river${i < 23 ? `, with ${few} this time` : ""}.`);

  const reader = await readerWithoutJs(browser);
  await reader.goto(`/search?q=${many}`);
  await expect(reader.getByRole("status")).toHaveText(`1,000+ stories found for “${many}” · showing 1–10, page 1 of 100`);
  const pages = reader.getByRole("navigation", { name: "Search result pages" });
  await pages.getByRole("link", { name: "Page 100" }).click();
  await expect(reader).toHaveURL(new RegExp(`/search\\?q=${many}&page=100$`));
  await expect(reader.getByRole("status")).toContainText("showing 991–1000, page 100 of 100");
  await expect(reader.locator("main ol").getByRole("heading", { level: 2 })).toHaveCount(10);

  await reader.goto(`/search?q=${few}`);
  await expect(reader.getByRole("status")).toHaveText(`23 stories found for “${few}” · showing 1–10, page 1 of 3`);
  const resultTitles = () => reader.locator("main ol").getByRole("heading", { level: 2 }).allTextContents();
  const firstPage = await resultTitles();
  await pages.getByRole("link", { name: "Next →" }).click();
  await reader.waitForURL(/page=2$/);
  await expect(reader.getByRole("status")).toContainText("showing 11–20, page 2 of 3");
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 2");
  const secondPage = await resultTitles();
  expect(secondPage).toHaveLength(10);
  expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
  await pages.getByRole("link", { name: "Page 3" }).click();
  await expect(reader.getByRole("status")).toContainText("showing 21–23, page 3 of 3");
  await reader.screenshot({ path: `${SHOTS}/page-3.png`, fullPage: true });
  await reader.context().close();

  // With JavaScript on (the client router follows the same links), and axe on each kind of page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/search?q=${few}`);
  await expectNoAxeViolations(page, "results");
  await page.getByRole("navigation", { name: "Search result pages" }).getByRole("link", { name: "Page 2" }).click();
  await expect(page.getByRole("status")).toContainText("showing 11–20, page 2 of 3");
  await expectNoAxeViolations(page, "results, page 2");
  expect((await page.goto(`/search?q=${few}&page=4`))?.status()).toBe(404);
  // (In <main>: with JavaScript on, Next.js's route announcer is an alert too.)
  await expect(page.locator("main").getByRole("alert")).toHaveText(`There is no page 4 of results for “${few}”. Go to the first page.`);
  await expectNoAxeViolations(page, "past the end (404)");
  expect((await page.goto("/search?q=lancang&page=abc"))?.status()).toBe(400);
  await expect(page.locator("main").getByRole("alert")).toHaveText("The page number is not valid.");
  await expectNoAxeViolations(page, "bad page number (400)");
  await context.close();
});
