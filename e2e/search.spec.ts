import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueIssueNumber } from "./support/session";
import { approve, issueOf, saveAndSubmit, startStory } from "./support/workflow";

const SHOTS = "/tmp/search-shots";

/**
 * axe runs as a script in the page, so it scans the same address in a context with
 * JavaScript on (the page is server-rendered: the same HTML), at phone and desktop widths.
 */
async function expectNoAxeViolations(browser: Browser, url: string): Promise<void> {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes[0]?.target)}: ${v.help}`), `${url} at ${viewport.width}px`).toEqual([]);
    } finally {
      await context.close();
    }
  }
}

/** A reader with JavaScript switched off: the header's plain GET form must do the work. */
async function readerWithoutJs(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

async function searchFromHeader(page: Page, query: string): Promise<void> {
  const header = page.getByRole("search", { name: "Site search" });
  await header.getByRole("searchbox", { name: "Search the stories of every issue" }).fill(query);
  await header.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
}

/** The result whose title link is `title`: its list item. */
const resultFor = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title }) });

test("the demo issue is searchable from the reader header with JavaScript off, marked, and the results page passes axe", async ({
  browser,
}) => {
  const reader = await readerWithoutJs(browser);
  await reader.goto("/");
  await searchFromHeader(reader, "lancang");
  await expect(reader.getByRole("status")).toContainText(/stor(y|ies) found for “lancang”/);
  const lead = resultFor(reader, "2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation Held Online");
  await expect(lead).toBeVisible();
  // The word is marked in the title and in the snippet, whatever its case in the text.
  await expect(lead.locator("mark").first()).toHaveText(/^lancang$/i);
  await expect(lead.locator(".search-snippet mark").first()).toBeVisible();
  await expect(lead.getByRole("link", { name: "Issue 13, 2022" })).toBeVisible();

  mkdirSync(SHOTS, { recursive: true });
  await reader.screenshot({ path: `${SHOTS}/results-demo.png`, fullPage: true });
  await expectNoAxeViolations(browser, reader.url());

  // The result links to the story itself.
  await lead.getByRole("link", { name: /Second Working-Group Meeting/ }).click();
  await expect(reader.getByRole("heading", { level: 1, name: /Second Working-Group Meeting/ })).toBeVisible();
});

test("empty, overlong and wordless searches get a clear message (and a 400), not an error", async ({ browser }) => {
  const reader = await readerWithoutJs(browser);
  let response = await reader.goto("/search");
  expect(response?.status()).toBe(200);
  await expect(reader.getByText(/Search the stories of every published issue/)).toBeVisible();

  response = await reader.goto(`/search?q=${"a".repeat(250)}`);
  expect(response?.status()).toBe(400);
  await expect(reader.getByRole("alert")).toHaveText("Please search for at most 200 characters.");

  response = await reader.goto("/search?q=%E2%80%94%21%3F&page=2");
  expect(response?.status()).toBe(400);
  await expect(reader.getByRole("alert")).toContainText("Please search for a word");

  response = await reader.goto("/search?q=lancang&page=nope");
  expect(response?.status()).toBe(400);
  await expect(reader.getByRole("alert")).toHaveText("The page number is not valid.");

  response = await reader.goto(`/search?q=zzqxv${randomUUID().slice(0, 4)}`);
  expect(response?.status()).toBe(200);
  await expect(reader.getByText(/No published story matches/)).toBeVisible();
  await expectNoAxeViolations(browser, reader.url());
});

test("a story published in Vietnamese, Chinese and Thai is found by words inside its sentences, and gone once unpublished", async ({
  browser,
}) => {
  const tag = `Voices ${randomUUID().slice(0, 8)}`;
  const title = `Mekong ${tag}`;
  const number = uniqueIssueNumber();

  // Written, reviewed and published through the studio.
  const { page: contributor, storyUrl } = await startStory(
    browser,
    title,
    "Cộng đồng ven sông bảo vệ môi trường. 我们加强区域合作，保护湄公河。ชาวบ้านช่วยกันปกป้องแม่น้ำโขง",
  );
  await saveAndSubmit(contributor);
  await approve(browser, storyUrl);
  const editor = await issueOf(browser, { number, year: 2031, date: "2031-04-01", title: `Issue ${number}, 2031`, titles: [title] });
  const issueUrl = editor.url();

  // A reader without JavaScript searches: Vietnamese without diacritics, a two-character
  // Chinese word and a Thai word, each inside a sentence.
  const reader = await readerWithoutJs(browser);
  await reader.goto("/issues");
  for (const [query, marked] of [
    ["moi truong", ["môi", "trường"]],
    ["合作", ["合作"]],
    ["แม่น้ำ", ["แม่น้ำ"]],
  ] as const) {
    await searchFromHeader(reader, query);
    const result = resultFor(reader, title);
    await expect(result).toBeVisible();
    await expect(result.locator(".search-snippet mark")).toHaveText([...marked]);
  }
  await reader.screenshot({ path: `${SHOTS}/results-thai.png`, fullPage: true });

  // Unpublished: gone from the results at once.
  await editor.goto(issueUrl);
  await editor.getByRole("button", { name: "Unpublish" }).click();
  await expect(editor.getByRole("button", { name: "Publish issue" })).toBeVisible();
  await reader.goto(`/search?q=${encodeURIComponent("合作")}`);
  await expect(reader.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(resultFor(reader, title)).toHaveCount(0);
});
