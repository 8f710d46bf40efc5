import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { DEMO_PASSWORD, pageAs, uniqueIssueNumber } from "./support/session";

const DEMO_ISSUE = "/issues/issue-13-2022";
const LEAD_STORY = `${DEMO_ISSUE}/second-working-group-meeting-2022`;

type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

/** One line per violation: rule, impact, how many nodes, the first node's selector. */
function summarize(violations: Violations): string {
  return violations
    .map((v) => {
      const first = v.nodes[0];
      const target = first ? JSON.stringify(first.target) : "(no node)";
      return `  - ${v.id} [${v.impact ?? "?"}] ×${v.nodes.length} at ${target}: ${v.help}`;
    })
    .join("\n");
}

/** Scans the page as it is now; the failure message lists the violations compactly. */
async function expectNoAxeViolations(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  if (results.violations.length > 0) {
    await testInfo.attach(`axe ${label}`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  }
  expect(results.violations, `axe violations on ${label} (${page.url()}):\n${summarize(results.violations)}\n`).toEqual([]);
}

async function createStory(page: Page, title: string, body: string): Promise<string> {
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const editor = page.getByRole("textbox", { name: "Story text" });
  await editor.click();
  await editor.pressSequentially(body);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  return page.url();
}

test.describe("reader pages have no axe violations", () => {
  const pages: Array<{ label: string; url: string; heading: string | RegExp; status?: number }> = [
    { label: "latest issue", url: "/", heading: "Issue 13, 2022" },
    { label: "archive", url: "/issues", heading: "Archive" },
    { label: "demo issue", url: DEMO_ISSUE, heading: "Issue 13, 2022" },
    { label: "lead story", url: LEAD_STORY, heading: /Second Working-Group Meeting/ },
    { label: "print edition", url: `${DEMO_ISSUE}/print`, heading: "Issue 13, 2022" },
    { label: "404 page (unknown issue)", url: "/issues/no-such-issue-xyz", heading: "Page not found", status: 404 },
    { label: "404 page (unknown address)", url: "/no-such-page-xyz", heading: "Page not found", status: 404 },
    { label: "sign-in page", url: "/signin", heading: "Sign in" },
  ];
  for (const { label, url, heading, status } of pages) {
    test(label, async ({ page }, testInfo) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(status ?? 200);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, label);
    });
  }
});

test.describe("studio pages have no axe violations", () => {
  test("new story form, empty and with an error (editor)", async ({ browser }, testInfo) => {
    const editor = await pageAs(browser, "editor");
    await editor.goto("/studio/stories/new");
    await expect(editor.getByRole("heading", { level: 1, name: "New story" })).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "new story");

    // After a refused submission: the form error and the field error wired to the input.
    await editor.getByRole("button", { name: "Create and start writing" }).click();
    await expect(editor.getByTestId("form-error")).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "new story with an error");
  });

  test("story editor (editor)", async ({ browser }, testInfo) => {
    // Five axe scans of a full editor page on a shared 2-core machine.
    test.slow();
    const editor = await pageAs(browser, "editor");
    await createStory(editor, `Axe story ${randomUUID().slice(0, 8)}`, "Some text, so the editor has content to check.");
    await expect(editor.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "story editor");

    // Each of the editor's small forms, open; the table menu with the cursor in a table.
    const tool = (name: string) => editor.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name, exact: true });
    for (const name of ["Link", "Speaker card", "Table"]) {
      await tool(name).click();
      await expect(editor.getByRole("dialog", { name })).toBeVisible();
      await expectNoAxeViolations(editor, testInfo, `story editor, ${name} open`);
      await editor.keyboard.press("Escape");
      await expect(editor.getByRole("dialog", { name })).toHaveCount(0);
    }
    await tool("Table").click();
    await editor.getByRole("button", { name: "Insert table" }).click();
    // The header row filled in, as an author would (an empty header cell is a real finding).
    const body = editor.getByRole("textbox", { name: "Story text" });
    await expect(body.locator("th")).toHaveCount(3);
    await editor.keyboard.type("Station");
    await editor.keyboard.press("Tab");
    await editor.keyboard.type("Level");
    await editor.keyboard.press("Tab");
    await editor.keyboard.type("Date");
    await expect(body.locator("th")).toHaveText(["Station", "Level", "Date"]);
    await tool("Table").click();
    await expect(editor.getByRole("group", { name: "Change table" })).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "story editor, table menu in a table");
  });

  test("stories lists (editor)", async ({ browser }, testInfo) => {
    const editor = await pageAs(browser, "editor");
    const title = `Axe list ${randomUUID().slice(0, 8)}`;
    await createStory(editor, title, "A story, so the list is not empty.");

    await editor.goto("/studio/stories");
    await expect(editor.getByRole("link", { name: title })).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "my stories");

    await editor.goto("/studio/stories?scope=all");
    await expect(editor.getByRole("link", { name: title })).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "all stories");
  });

  test("review queue and a story in review (reviewer)", async ({ browser }, testInfo) => {
    const title = `Axe review ${randomUUID().slice(0, 8)}`;
    const contributor = await pageAs(browser, "contributor");
    const storyUrl = await createStory(contributor, title, "Text waiting for a reviewer.");
    await contributor.getByRole("button", { name: "Submit for review" }).click();
    await expect(contributor.locator("[data-status]").first()).toHaveText("In review");

    const reviewer = await pageAs(browser, "reviewer");
    await reviewer.goto("/studio/review");
    await expect(reviewer.getByRole("link", { name: title })).toBeVisible();
    await expectNoAxeViolations(reviewer, testInfo, "review queue");

    await reviewer.goto(storyUrl);
    await expect(reviewer.getByRole("button", { name: "Approve" })).toBeVisible();
    await expect(reviewer.getByRole("textbox", { name: "Story text" })).toBeVisible();
    await expectNoAxeViolations(reviewer, testInfo, "story in review");
  });

  test("issues list and an issue's studio page (editor)", async ({ browser }, testInfo) => {
    const editor = await pageAs(browser, "editor");
    const number = uniqueIssueNumber();

    await editor.goto("/studio/issues");
    await expect(editor.getByRole("heading", { level: 1, name: "Issues" })).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "issues");

    await editor.getByLabel("Number").fill(String(number));
    await editor.getByLabel("Year").fill("2035");
    await editor.getByLabel("Title", { exact: true }).fill(`Issue ${number}, 2035`);
    await editor.getByRole("button", { name: "Create issue" }).click();
    await expect(editor.getByRole("heading", { level: 1, name: `Issue ${number}, 2035` })).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "issue studio page (empty)");

    // With a story in it, and the publish error shown.
    const title = `Axe issue story ${randomUUID().slice(0, 8)}`;
    const writer = await pageAs(browser, "contributor");
    await createStory(writer, title, "A draft in an issue.");
    await editor.reload();
    await editor.getByLabel("Story to add").selectOption({ label: `${title} (Draft)` });
    await editor.getByRole("button", { name: "Add to issue" }).click();
    await expect(editor.getByRole("link", { name: title })).toBeVisible();
    await editor.getByRole("button", { name: "Publish issue" }).click();
    await expect(editor.getByTestId("form-error")).toBeVisible();
    await expectNoAxeViolations(editor, testInfo, "issue studio page (with a story)");
  });

  test("the studio's 403 and 404 pages (contributor)", async ({ browser }, testInfo) => {
    const contributor = await pageAs(browser, "contributor");
    const forbidden = await contributor.goto("/studio/issues");
    expect(forbidden?.status()).toBe(403);
    await expect(contributor.getByRole("heading", { level: 1, name: "Not for your role" })).toBeVisible();
    await expectNoAxeViolations(contributor, testInfo, "studio 403 page");

    const missing = await contributor.goto(`/studio/stories/${randomUUID()}`);
    expect(missing?.status()).toBe(404);
    await expect(contributor.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectNoAxeViolations(contributor, testInfo, "studio 404 page");
    // In the studio's own layout (its navigation, the way back to work), not the reader's.
    await expect(contributor.getByTestId("current-user")).toBeVisible();
    await expect(contributor.getByRole("navigation", { name: "Reader" })).toHaveCount(0);
    await contributor.screenshot({ path: testInfo.outputPath("studio-404.png"), fullPage: true });
    // An address under /studio that names no page at all: the same.
    const unknown = await contributor.goto("/studio/no-such-page/at-all");
    expect(unknown?.status()).toBe(404);
    await expect(contributor.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(contributor.getByTestId("current-user")).toBeVisible();
    await contributor.getByRole("main").getByRole("link", { name: "Your stories" }).click();
    await expect(contributor).toHaveURL(/\/studio\/stories$/);
  });
});

test("the sign-in form works with the keyboard alone", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  const email = page.getByLabel("Email");
  const password = page.getByLabel("Password");
  const submit = page.getByRole("button", { name: "Sign in" });

  await page.keyboard.press("Tab");
  await expect(email).toBeFocused();
  await page.keyboard.type("reviewer@example.org");
  await page.keyboard.press("Tab");
  await expect(password).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/studio\/stories/);
  await expect(page.getByTestId("current-user")).toBeVisible();
});
