import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createTestUser, withDb } from "./support/db";
import { DEMO_PASSWORD, pageAs, uniqueIssueNumber } from "./support/session";

async function createIssue(page: Page, number: number, year: number, title = `Issue ${number}, ${year}`): Promise<void> {
  await page.goto("/studio/issues");
  await page.getByLabel("Number").fill(String(number));
  await page.getByLabel("Year").fill(String(year));
  await page.getByLabel("Issue date").fill(`${year}-05-01`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create issue" }).click();
}

/** Creates a story through the UI and returns its studio URL. */
async function createStory(page: Page, title: string, body?: string): Promise<string> {
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  if (body) {
    const editor = page.getByRole("textbox", { name: "Story text" });
    await editor.click();
    await editor.pressSequentially(body);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  }
  return page.url();
}

test("a new story without a title is refused with a message, and nothing is created", async ({ browser }) => {
  const marker = `No title ${randomUUID()}`;
  const page = await pageAs(browser, "contributor");
  await page.goto("/studio/stories/new");
  await page.getByLabel("Standfirst").fill(marker);
  await page.getByRole("button", { name: "Create and start writing" }).click();

  await expect(page.getByTestId("form-error")).toHaveText("Give the story a title.");
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/studio\/stories\/new$/);

  // Only spaces is no title either.
  await page.getByLabel("Title").fill("   ");
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Give the story a title.");
  await expect(page).toHaveURL(/\/studio\/stories\/new$/);

  const created = withDb(
    (db) => db.prepare("SELECT count(*) AS n FROM stories WHERE standfirst = ?").get(marker) as { n: number },
  );
  expect(created.n).toBe(0);
});

test("unknown issues and stories are real 404 pages", async ({ page }) => {
  for (const url of ["/issues/no-such-issue-xyz", "/issues/issue-13-2022/no-such-story"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});

test("an issue with a story that is only a draft cannot be published", async ({ browser }) => {
  const number = uniqueIssueNumber();
  const title = `Unfinished draft ${randomUUID().slice(0, 8)}`;

  const contributor = await pageAs(browser, "contributor");
  await createStory(contributor, title, "A first paragraph that nobody has reviewed.");
  await expect(contributor.locator("[data-status]").first()).toHaveText("Draft");

  const editor = await pageAs(browser, "editor");
  await createIssue(editor, number, 2033);
  await expect(editor.getByRole("heading", { level: 1, name: `Issue ${number}, 2033` })).toBeVisible();
  await editor.getByLabel("Story to add").selectOption({ label: `${title} (Draft)` });
  await editor.getByRole("button", { name: "Add to issue" }).click();
  await expect(editor.getByRole("link", { name: title })).toBeVisible();

  await editor.getByRole("button", { name: "Publish issue" }).click();
  const error = editor.getByTestId("form-error");
  await expect(error).toContainText("Every story must be approved before the issue is published.");
  await expect(error).toContainText(title);
  await expect(editor.getByText("Published. Readers see this issue now.")).toHaveCount(0);

  // Still a draft after a reload, and nothing is live.
  await editor.reload();
  await expect(editor.locator("h1 + [data-status]")).toHaveText("Draft");
  const reader = await (await browser.newContext()).newPage();
  const response = await reader.goto(`/issues/issue-${number}-2033`);
  expect(response?.status()).toBe(404);
  await expect(reader.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("creating an issue whose number and year already exist is refused clearly", async ({ browser }) => {
  const number = uniqueIssueNumber();
  const title = `Issue ${number}, 2034`;
  const editor = await pageAs(browser, "editor");

  await createIssue(editor, number, 2034);
  await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await createIssue(editor, number, 2034, `${title} again`);
  await expect(editor.getByTestId("form-error")).toHaveText(`Issue ${number}, 2034 already exists.`);
  await expect(editor.getByText("This number is taken for that year.")).toBeVisible();
  await expect(editor).toHaveURL(/\/studio\/issues$/);

  await editor.reload();
  await expect(editor.getByRole("link", { name: title, exact: true })).toHaveCount(1);
  await expect(editor.getByRole("link", { name: `${title} again` })).toHaveCount(0);
});

test("a contributor is refused the issues page and other people's stories", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const editorsStory = await createStory(editor, `Editor's private draft ${randomUUID().slice(0, 8)}`);

  const contributor = await pageAs(browser, "contributor");
  const issues = await contributor.goto("/studio/issues");
  expect(issues?.status()).toBe(403);
  await expect(contributor.getByRole("heading", { level: 1, name: "Not for your role" })).toBeVisible();

  const story = await contributor.goto(editorsStory);
  expect(story?.status()).toBe(404);
  await expect(contributor.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("signed-out visitors are sent to sign in, and bad credentials get one neutral message", async ({ page }) => {
  // A wrong password counts towards the sign-in throttle: use an account of our own, never a demo account.
  const user = await createTestUser("contributor");
  await page.goto("/studio/stories");
  await expect(page).toHaveURL(/\/signin(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(`not-${user.password}`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);

  // A fresh form, so the message below is the answer to the unknown email.
  await page.goto("/signin");
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await page.getByLabel("Email").fill(`nobody-${randomUUID().slice(0, 8)}@example.org`);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
});
