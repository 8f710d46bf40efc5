import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { mailsTo, type SinkMail } from "./support/mail-sink";
import { withDb } from "./support/db";
import { pageAs, uniqueIssueNumber } from "./support/session";

const STORY_TITLES = [
  "2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation Held Online",
  "About the New Strategy and Action Framework 2023-2027",
];
const STORY_SLUGS = ["second-working-group-meeting-2022", "about-the-new-strategy-and-action-framework-2023-2027"];

const demoIssueId = () =>
  withDb((db) => (db.prepare("SELECT id FROM issues WHERE slug = ?").get("issue-13-2022") as { id: string }).id);

/** Every src and href in an HTML document. */
const addresses = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? "");

/** The email edition's promises: no script or stylesheet, every address absolute, every story there. */
function expectSelfContained(html: string, baseURL: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/<style\b/i);
  const found = addresses(html);
  expect(found.length).toBeGreaterThan(10);
  for (const address of found) expect(address).toMatch(/^(https?:\/\/|mailto:)/);
  for (const title of STORY_TITLES) expect(html).toContain(title);
  for (const slug of STORY_SLUGS) expect(found).toContain(`${baseURL}/issues/issue-13-2022/${slug}`);
  // Images as JPEG (PNG when see-through), never WebP: desktop Outlook shows no WebP.
  expect(found.filter((a) => /\/media\/[0-9a-f]{64}\/960\.jpg$/.test(a))).toHaveLength(1);
  expect(found.filter((a) => a.endsWith(".webp"))).toEqual([]);
}

/** Console messages that report a Content-Security-Policy violation, in the page or its frames. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** axe's verdict; the failure lists each rule and where it failed. */
async function expectNoAxeViolations(builder: AxeBuilder, testInfo: TestInfo, label: string) {
  const results = await builder.analyze();
  if (results.violations.length > 0)
    await testInfo.attach(`axe ${label}`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), label).toEqual([]);
}

test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

test("an editor previews, downloads, copies and mails themselves the email edition of Issue 13", async ({ browser, baseURL }, testInfo) => {
  const page = await pageAs(browser, "editor");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const csp = watchCsp(page);

  await page.goto(`/studio/issues/${demoIssueId()}`);
  await page.getByRole("link", { name: "Email version" }).click();
  await expect(page).toHaveURL(/\/studio\/issues\/[0-9a-f-]{36}\/email$/);
  await expect(page.getByRole("heading", { level: 1, name: "Email version" })).toBeVisible();
  await expect(page.getByTestId("email-subject")).toHaveText("Newsletter — Issue 13, 2022");

  // The preview: the mail's own document in a sandboxed frame, drawn with its inline styles.
  const preview = page.frameLocator('iframe[title^="Email preview"]');
  await expect(preview.getByRole("heading", { level: 1, name: "Issue 13, 2022" })).toBeVisible();
  for (const title of STORY_TITLES) await expect(preview.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(preview.getByText("澜沧江-湄公河环境合作中心")).toBeVisible();
  await expect(preview.getByRole("img", { name: "Portrait of Mr. ZHOU Jun" })).toBeVisible();
  const heading = preview.getByRole("heading", { level: 1, name: "Issue 13, 2022" });
  expect(await heading.evaluate((el) => getComputedStyle(el).fontSize)).toBe("28px");
  // Its images come from the site: the illustration and seven portraits, every one served.
  // (Read from the frame itself: whether a sandboxed frame's loads reach page.on("response")
  // differs between Chromium builds.)
  const images = preview.locator("img");
  await expect(images).toHaveCount(8);
  await expect
    .poll(() => images.evaluateAll((all: HTMLImageElement[]) => all.filter((img) => img.complete && img.naturalWidth > 0).length))
    .toBe(8);
  const sources = await images.evaluateAll((all: HTMLImageElement[]) => all.map((img) => img.getAttribute("src") ?? ""));
  for (const src of sources) {
    const extension = new RegExp(`^${baseURL}/media/[0-9a-f]{64}/(480|960)\\.(jpg|png)$`).exec(src)?.[2];
    expect(extension, src).toBeDefined();
    const response = await page.request.get(src);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(extension === "jpg" ? "image/jpeg" : "image/png");
  }
  // axe cannot run inside the sandbox (no scripts there): the page is scanned around the
  // frame, and the email's own document is scanned below, opened on its own.
  await expectNoAxeViolations(new AxeBuilder({ page }).exclude('iframe[title^="Email preview"]'), testInfo, "the Email version page");
  const iframe = page.locator('iframe[title^="Email preview"]');
  expect(await iframe.getAttribute("sandbox")).toBe("allow-popups allow-popups-to-escape-sandbox");
  const shots = process.env.EMAIL_SHOTS_DIR;
  if (shots) await page.screenshot({ path: path.join(shots, "email-page.png") });

  // The plain-text part, shown on the page.
  await page.getByText("Plain-text part", { exact: true }).click();
  const text = page.getByTestId("email-text");
  for (const title of STORY_TITLES) await expect(text).toContainText(title);
  await expect(text).toContainText(`${baseURL}/issues/issue-13-2022/${STORY_SLUGS[0]}`);

  // Download: one self-contained .html file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download .html" }).click()]);
  expect(download.suggestedFilename()).toBe("issue-13-2022-email.html");
  const file = readFileSync(await download.path(), "utf8");
  expectSelfContained(file, baseURL ?? "");
  // The downloaded file on its own, as a mail client would lay it out.
  const view = await (await browser.newContext({ viewport: { width: 680, height: 900 } })).newPage();
  await view.setContent(file, { waitUntil: "load" });
  // WCAG rules only: landmark best practices do not apply to a document a mail client embeds in its own page.
  await expectNoAxeViolations(
    new AxeBuilder({ page: view }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]),
    testInfo,
    "the email itself",
  );
  if (shots) await view.screenshot({ path: path.join(shots, "email-file.png"), fullPage: true });
  // On a phone the 600 px layout narrows to the screen: nothing sticks out sideways.
  await view.setViewportSize({ width: 360, height: 740 });
  expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  if (shots) await view.screenshot({ path: path.join(shots, "email-phone.png") });

  // Copy: the same HTML on the clipboard.
  await page.getByRole("button", { name: "Copy HTML" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied the HTML to the clipboard." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(file);

  // A test mail to the editor: through the real SMTP sink, with both parts.
  const testMails = () => mailsTo("editor@example.org").filter((m) => m.subject.startsWith("[Test] "));
  const before = testMails().length;
  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent a test to editor@example.org." })).toBeVisible();
  await expect.poll(() => testMails().length).toBe(before + 1);
  const mail = testMails().at(-1) as SinkMail;
  expect(mail.subject).toBe("[Test] Newsletter — Issue 13, 2022");
  expect(mail.contentType).toBe("multipart/alternative");
  expectSelfContained(mail.html, baseURL ?? "");
  for (const title of STORY_TITLES) expect(mail.text).toContain(title);
  for (const slug of STORY_SLUGS) expect(mail.text).toContain(`${baseURL}/issues/issue-13-2022/${slug}`);

  expect(csp).toEqual([]);
});

test("contributors are refused the email edition; bad ids get a clear 4xx", async ({ browser }) => {
  const id = demoIssueId();
  const contributor = await pageAs(browser, "contributor");
  const page = await contributor.goto(`/studio/issues/${id}/email`);
  expect(page?.status()).toBe(403);
  await expect(contributor.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  const refused = await contributor.request.get(`/studio/issues/${id}/email/download`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "Only editors and admins can make the email edition of an issue." });

  const editor = await pageAs(browser, "editor");
  const bad = await editor.request.get("/studio/issues/not-an-issue/email/download");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: "Unknown issue." });
  const unknown = await editor.request.get("/studio/issues/00000000-0000-4000-8000-000000000000/email/download");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "No such issue." });
  expect((await editor.goto("/studio/issues/not-an-issue/email"))?.status()).toBe(404);

  // Signed out: the studio sends the visitor to sign in, and the file is not served.
  const visitor = await (await browser.newContext()).newPage();
  const anonymous = await visitor.request.get(`/studio/issues/${id}/email/download`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/signin");
});

test("an unpublished issue offers no email version and says why", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const number = uniqueIssueNumber();
  await editor.goto("/studio/issues");
  await editor.getByLabel("Number").fill(String(number));
  await editor.getByLabel("Year").fill("2035");
  await editor.getByLabel("Title", { exact: true }).fill(`Issue ${number}, 2035`);
  await editor.getByRole("button", { name: "Create issue" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: `Issue ${number}, 2035` })).toBeVisible();
  await expect(editor.getByRole("link", { name: "Email version" })).toHaveCount(0);
  const issueUrl = editor.url();

  const page = await editor.goto(`${issueUrl}/email`);
  expect(page?.status()).toBe(200);
  await expect(editor.getByText(/^This issue is not published\. The email edition is made from the published issue/)).toBeVisible();
  await expect(editor.locator("iframe")).toHaveCount(0);
  const refused = await editor.request.get(`${issueUrl}/email/download`);
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatch(/^This issue is not published\./);
});
