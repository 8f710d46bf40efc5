import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { pageAs, uniqueIssueNumber } from "./support/session";

test("a story goes from draft through review to a published issue an anonymous reader can read", async ({ browser }) => {
  const title = `Mekong field notes ${randomUUID().slice(0, 8)}`;
  const number = uniqueIssueNumber();

  // The contributor writes and submits.
  const contributor = await pageAs(browser, "contributor");
  await contributor.goto("/studio/stories/new");
  await contributor.getByLabel("Title").fill(title);
  await contributor.getByRole("button", { name: "Create and start writing" }).click();
  await expect(contributor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const storyUrl = contributor.url();
  const editor = contributor.getByRole("textbox", { name: "Story text" });
  await editor.click();
  await editor.pressSequentially("Rangers counted twelve river dolphins near Kratie.");
  await contributor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(contributor.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.locator("[data-status]").first()).toHaveText("In review");

  // The reviewer asks for changes, with a comment.
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto("/studio/review");
  await reviewer.getByRole("link", { name: title }).click();
  await reviewer.getByLabel("Comment for the author").fill("Please say when the count took place.");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.locator("[data-status]").first()).toHaveText("Changes requested");

  // The contributor sees the comment, revises and resubmits (submitting saves first).
  await contributor.goto(storyUrl);
  await expect(contributor.getByTestId("review-history")).toContainText("Please say when the count took place.");
  const revised = contributor.getByRole("textbox", { name: "Story text" });
  await revised.click();
  await contributor.keyboard.press("End");
  await revised.pressSequentially(" The count took place in March.");
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.locator("[data-status]").first()).toHaveText("In review");

  // The reviewer approves.
  await reviewer.goto(storyUrl);
  await expect(reviewer.getByRole("textbox", { name: "Story text" })).toContainText("The count took place in March.");
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.locator("[data-status]").first()).toHaveText("Approved");

  // The editor creates an issue, adds the story and publishes.
  const editorPage = await pageAs(browser, "editor");
  await editorPage.goto("/studio/issues");
  await editorPage.getByLabel("Number").fill(String(number));
  await editorPage.getByLabel("Year").fill("2031");
  await editorPage.getByLabel("Issue date").fill("2031-03-15");
  await editorPage.getByLabel("Title", { exact: true }).fill(`Issue ${number}, 2031`);
  await editorPage.getByRole("button", { name: "Create issue" }).click();
  await expect(editorPage.getByRole("heading", { level: 1, name: `Issue ${number}, 2031` })).toBeVisible();
  await editorPage.getByLabel("Story to add").selectOption({ label: `${title} (Approved)` });
  await editorPage.getByRole("button", { name: "Add to issue" }).click();
  await expect(editorPage.getByRole("link", { name: title })).toBeVisible();
  await editorPage.getByRole("button", { name: "Publish issue" }).click();
  await expect(editorPage.getByText("Published. Readers see this issue now.")).toBeVisible();

  // An anonymous reader reads it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/issues/issue-${number}-2031`);
  await expect(reader.getByRole("heading", { level: 1, name: `Issue ${number}, 2031` })).toBeVisible();
  await reader.getByRole("link", { name: title }).click();
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.locator(".story-body")).toContainText(
    "Rangers counted twelve river dolphins near Kratie. The count took place in March.",
  );
  // The reader page ships no editor code.
  const scripts = await reader.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  const bodies = await Promise.all(scripts.map(async (src) => (await reader.request.get(src)).text()));
  expect(bodies.some((js) => js.includes("ProseMirror"))).toBe(false);
});
