import { expect, type Browser, type Page } from "@playwright/test";
import { pageAs } from "./session";

/**
 * The newsroom's steps as its people take them in the studio, for specs whose subject
 * comes after them (what a reader, a feed or the search sees). The steps themselves,
 * request-changes included, are the subject of review-workflow.spec.ts.
 */

const SAVED_AT = /^Saved at \d{2}:\d{2}$/;

/** The demo contributor starts a story and types `text` into it; the page stays on the editor. */
export async function startStory(browser: Browser, title: string, text: string): Promise<{ page: Page; storyUrl: string }> {
  const page = await pageAs(browser, "contributor");
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const body = page.getByRole("textbox", { name: "Story text" });
  await body.click();
  await body.pressSequentially(text);
  return { page, storyUrl: page.url() };
}

/** Saves the story open on `page` and submits it for review. */
export async function saveAndSubmit(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(SAVED_AT);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("In review");
}

/** The demo reviewer approves the story at `storyUrl`. */
export async function approve(browser: Browser, storyUrl: string): Promise<void> {
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(storyUrl);
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.locator("[data-status]").first()).toHaveText("Approved");
}

/**
 * The demo editor creates issue `number` of `year` holding the approved stories `titles`,
 * and publishes it unless `publish` is false. Returns the editor's page, on the issue.
 */
export async function issueOf(
  browser: Browser,
  issue: { number: number; year: number; title?: string; date?: string; titles: string[]; publish?: boolean },
): Promise<Page> {
  const editor = await pageAs(browser, "editor");
  await editor.goto("/studio/issues");
  await editor.getByLabel("Number").fill(String(issue.number));
  await editor.getByLabel("Year").fill(String(issue.year));
  if (issue.date) await editor.getByLabel("Issue date").fill(issue.date);
  if (issue.title) await editor.getByLabel("Title", { exact: true }).fill(issue.title);
  await editor.getByRole("button", { name: "Create issue" }).click();
  await expect(editor.getByRole("heading", { level: 1, ...(issue.title ? { name: issue.title } : {}) })).toBeVisible();
  for (const title of issue.titles) {
    await editor.getByLabel("Story to add").selectOption({ label: `${title} (Approved)` });
    await editor.getByRole("button", { name: "Add to issue" }).click();
    await expect(editor.getByRole("link", { name: title })).toBeVisible();
  }
  if (issue.publish !== false) await publish(editor);
  return editor;
}

/** Publishes the issue open on the editor's page. */
export async function publish(editor: Page): Promise<void> {
  await editor.getByRole("button", { name: "Publish issue" }).click();
  await expect(editor.getByText("Published. Readers see this issue now.")).toBeVisible();
}
