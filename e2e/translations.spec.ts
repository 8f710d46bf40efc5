import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { pageAs, uniqueIssueNumber } from "./support/session";
import { approve, issueOf, saveAndSubmit, startStory } from "./support/workflow";

const SHOTS = "/tmp/translation-shots";
const DEMO_LEAD = "/issues/issue-13-2022/second-working-group-meeting-2022";
const DEMO_LEAD_ZH_TITLE = "2022年澜湄环境合作第二次工作组会议在线召开";

/** A reader with JavaScript off: the language links are plain links. */
async function reader(browser: Browser): Promise<Page> {
  return (await browser.newContext({ javaScriptEnabled: false })).newPage();
}

async function expectNoAxeViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} at ${JSON.stringify(v.nodes[0]?.target)}: ${v.help}`), label).toEqual([]);
}

/** The story page's "Read in" switch. */
const readIn = (page: Page) => page.getByRole("navigation", { name: "Languages of this story" });

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test("a Thai translation is written, reviewed and published with its issue, and the reader switches between the languages", async ({
  browser,
  baseURL,
}) => {
  const site = new URL(baseURL!).origin;
  const tag = randomUUID().slice(0, 6);
  const title = `River dolphins counted ${tag}`;
  const thaiTitle = `นับโลมาแม่น้ำ ${tag}`;
  const thaiText = "ชาวประมงช่วยกันนับโลมาในแม่น้ำโขงช่วงฤดูแล้ง";

  // The English story, written and approved.
  const { page: writer, storyUrl } = await startStory(browser, title, "Fishers counted river dolphins near Kratie.");
  await saveAndSubmit(writer);
  await approve(browser, storyUrl);

  // Its writer adds a Thai translation: a new draft, in Thai, starting from the English text.
  await writer.reload();
  const languages = writer.getByRole("region", { name: "Languages" });
  await expect(languages).toContainText("This story has no translations yet.");
  const choice = languages.getByLabel("Translate into");
  await expect(choice.locator("option")).toHaveText([
    "中文 (Chinese)",
    "ខ្មែរ (Khmer)",
    "ລາວ (Lao)",
    "မြန်မာ (Burmese)",
    "ไทย (Thai)",
    "Tiếng Việt (Vietnamese)",
  ]);
  await languages.screenshot({ path: `${SHOTS}/studio-add-translation.png` });
  await choice.selectOption("th");
  await languages.getByRole("button", { name: "Add translation" }).click();
  await expect(writer).not.toHaveURL(storyUrl);
  const thaiUrl = writer.url();
  await expect(writer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(writer.getByTestId("story-language")).toHaveText("ไทย (Thai)");
  await expect(writer.locator("[data-status]").first()).toHaveText("Draft");
  const body = writer.getByRole("textbox", { name: "Story text" });
  await expect(body).toHaveAttribute("lang", "th");
  await expect(body).toContainText("Fishers counted river dolphins near Kratie.");
  await expect(writer.getByRole("region", { name: "Languages" }).getByRole("link", { name: title })).toHaveAttribute(
    "href",
    new URL(storyUrl).pathname,
  );

  // Written over in Thai, then submitted and approved like any story.
  await writer.getByLabel("Title", { exact: true }).fill(thaiTitle);
  await body.click();
  await writer.keyboard.press("ControlOrMeta+A");
  await writer.keyboard.insertText(thaiText);
  await saveAndSubmit(writer);
  await approve(browser, thaiUrl);

  // The English story lists its Thai version; so does the story list.
  await writer.goto(storyUrl);
  const list = writer.getByRole("region", { name: "Languages" });
  await expect(list.getByRole("link", { name: thaiTitle })).toHaveAttribute("href", new URL(thaiUrl).pathname);
  await expect(list.getByLabel("Translate into").locator("option", { hasText: "ไทย" })).toHaveCount(0);
  await list.screenshot({ path: `${SHOTS}/studio-languages.png` });
  await writer.goto("/studio/stories");
  await expect(writer.getByRole("row", { name: new RegExp(thaiTitle) }).getByRole("cell", { name: "ไทย", exact: true })).toBeVisible();

  // Published together.
  const number = uniqueIssueNumber();
  await issueOf(browser, { number, year: 2035, date: "2035-05-01", titles: [title, thaiTitle] });
  const issuePath = `/issues/issue-${number}-2035`;

  // The issue lists the pair once, by the English story, with "Also in: ไทย".
  const page = await reader(browser);
  await page.goto(issuePath);
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: thaiTitle })).toHaveCount(0);
  const alsoIn = page.getByTestId("also-in");
  await expect(alsoIn).toHaveText("Also in: ไทย");
  await expect(alsoIn.getByRole("link", { name: "ไทย" })).toHaveAttribute("hreflang", "th");

  // The English story page: "Read in", hreflang alternates with absolute URLs, its language on its text.
  await page.getByRole("link", { name: title }).click();
  const englishPath = new URL(page.url()).pathname;
  const thaiPath = `${englishPath}-th`;
  await expect(readIn(page)).toHaveText("Read in: English · ไทย");
  await expect(readIn(page).locator("[aria-current=page]")).toHaveText("English");
  const head = page.locator("head");
  await expect(head.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", `${site}${englishPath}`);
  await expect(head.locator('link[rel="alternate"][hreflang="th"]')).toHaveAttribute("href", `${site}${thaiPath}`);
  await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", `${site}${englishPath}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");

  // To the Thai story and back.
  await readIn(page).getByRole("link", { name: "ไทย" }).click();
  await expect(page).toHaveURL(`${site}${thaiPath}`);
  const heading = page.getByRole("heading", { level: 1, name: thaiTitle });
  await expect(heading).toHaveAttribute("lang", "th");
  await expect(page.locator(".story-body")).toHaveAttribute("lang", "th");
  await expect(page.locator(".story-body")).toContainText(thaiText);
  await expect(readIn(page).locator("[aria-current=page]")).toHaveText("ไทย");
  await expect(head.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", `${site}${englishPath}`);
  await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", `${site}${englishPath}`);
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", `${site}${thaiPath}`);
  await page.screenshot({ path: `${SHOTS}/reader-thai-story.png` });
  await readIn(page).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(`${site}${englishPath}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("the demo's Chinese lead story is a language away from the English one, found by search, and passes axe", async ({ browser, baseURL }) => {
  const site = new URL(baseURL!).origin;
  const page = await reader(browser);
  await page.goto("/issues/issue-13-2022");
  await expect(page.getByRole("heading", { level: 2, name: DEMO_LEAD_ZH_TITLE })).toHaveCount(0);
  await expect(page.getByTestId("also-in")).toHaveText("Also in: 中文");

  await page.goto(DEMO_LEAD);
  await expect(page.locator('head link[rel="alternate"][hreflang="zh"]')).toHaveAttribute("href", `${site}${DEMO_LEAD}-zh`);
  await readIn(page).getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(`${site}${DEMO_LEAD}-zh`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_LEAD_ZH_TITLE })).toHaveAttribute("lang", "zh");
  await expect(page.locator(".story-body")).toContainText("合作");
  await page.screenshot({ path: `${SHOTS}/reader-demo-zh.png` });

  // Search finds it by a two-character word, and says its language.
  await page.goto(`/search?q=${encodeURIComponent("合作")}`);
  const result = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: DEMO_LEAD_ZH_TITLE }) });
  await expect(result.getByTestId("result-language")).toHaveText("中文");
  await result.getByRole("link", { name: DEMO_LEAD_ZH_TITLE }).click();
  await expect(page).toHaveURL(`${site}${DEMO_LEAD}-zh`);

  // axe runs as a script: the same pages in a context with JavaScript on, at phone and desktop widths.
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const scan = await context.newPage();
    for (const path of [`${DEMO_LEAD}-zh`, DEMO_LEAD, "/issues/issue-13-2022", `/search?q=${encodeURIComponent("合作")}`]) {
      await scan.goto(path);
      await expectNoAxeViolations(scan, `${path} at ${width}px`);
    }
    await context.close();
  }
});

test("the studio's translation form refuses a language the story has already", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  await editor.goto("/studio/stories?scope=all");
  await editor.getByRole("link", { name: "2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation Held Online" }).click();
  const languages = editor.getByRole("region", { name: "Languages" });
  await expect(languages.getByRole("link", { name: DEMO_LEAD_ZH_TITLE })).toBeVisible();
  // The form offers only the languages the story lacks; a hand-made request for one it has is refused.
  await expect(languages.getByLabel("Translate into").locator("option", { hasText: "中文" })).toHaveCount(0);
  await languages.getByLabel("Translate into").evaluate((select: HTMLSelectElement) => {
    const option = document.createElement("option");
    option.value = "zh";
    option.text = "zh";
    select.append(option);
    select.value = "zh";
  });
  await languages.getByRole("button", { name: "Add translation" }).click();
  await expect(languages.getByTestId("form-error")).toHaveText("This story already has a 中文 (Chinese) version.");
  await expect(editor).toHaveURL(/\/studio\/stories\/[0-9a-f-]{36}$/);
});

test("a story started in Tiếng Việt from the new-story form is saved in that language and read in it", async ({ browser }) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Cá heo sông Mê Kông ${tag}`;
  const writer = await pageAs(browser, "contributor");
  await writer.goto("/studio/stories/new");
  await writer.getByLabel("Title").fill(title);
  await writer.getByLabel("Language").selectOption("vi");
  await writer.getByRole("button", { name: "Create and start writing" }).click();
  await expect(writer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const storyUrl = writer.url();
  const storyId = storyUrl.split("/").at(-1)!;
  const body = writer.getByRole("textbox", { name: "Story text" });
  await expect(body).toHaveAttribute("lang", "vi");
  await body.click();
  await body.pressSequentially("Ngư dân đếm cá heo gần Kratie.");
  await saveAndSubmit(writer);
  expect(withDb((db) => db.prepare("SELECT locale, translation_group FROM stories WHERE id = ?").get(storyId))).toEqual({
    locale: "vi",
    translation_group: null,
  });

  await approve(browser, storyUrl);
  const editor = await issueOf(browser, { number: uniqueIssueNumber(), year: 2031, titles: [title] });
  const storyLink = editor.getByRole("link", { name: title });
  await expect(storyLink).toBeVisible();

  // The reader: the story's text in Vietnamese, with its lang, and no "Read in" (it has no translation).
  const page = await reader(browser);
  const published = withDb(
    (db) =>
      db
        .prepare("SELECT pi.slug AS issue, ps.slug AS story, ps.locale FROM published_stories ps JOIN published_issues pi ON pi.issue_id = ps.issue_id WHERE ps.story_id = ?")
        .get(storyId) as { issue: string; story: string; locale: string },
  );
  expect(published.locale).toBe("vi");
  await page.goto(`/issues/${published.issue}/${published.story}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toHaveAttribute("lang", "vi");
  await expect(page.locator(".story-body")).toHaveAttribute("lang", "vi");
  await expect(page.locator(".story-body")).toContainText("Ngư dân đếm cá heo gần Kratie.");
  await expect(readIn(page)).toHaveCount(0);
});
