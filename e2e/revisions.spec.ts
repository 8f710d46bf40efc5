import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { pageAs } from "./support/session";

test("an author sees what changed since submitting, as highlighted words, and restores the submitted text", async ({ browser }) => {
  const title = `Mekong talks ${randomUUID().slice(0, 8)}`;

  // The contributor writes a heading and a paragraph, and submits.
  const author = await pageAs(browser, "contributor");
  await author.goto("/studio/stories/new");
  await author.getByLabel("Title").fill(title);
  await author.getByRole("button", { name: "Create and start writing" }).click();
  await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const storyUrl = author.url();
  const editor = author.getByRole("textbox", { name: "Story text" });
  await editor.click();
  await editor.pressSequentially("## Ministers meet in Vientiane");
  await author.keyboard.press("Enter");
  await editor.pressSequentially("The talks opened on Monday.");
  await author.getByRole("button", { name: "Save", exact: true }).click();
  await expect(author.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.locator("[data-status]").first()).toHaveText("In review");

  // The reviewer asks for changes; on a story they may not edit now, history shows no restore.
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(storyUrl);
  await reviewer.getByLabel("Comment for the author").fill("Which day did they open?");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.locator("[data-status]").first()).toHaveText("Changes requested");
  await reviewer.getByRole("button", { name: "History" }).click();
  await expect(reviewer.getByRole("dialog", { name: "Story history" })).toBeVisible();
  await expect(reviewer.getByTestId("revision-diff")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Restore this version…" })).toHaveCount(0);

  // The author rewrites the end of the paragraph and saves.
  await author.goto(storyUrl);
  const revised = author.getByRole("textbox", { name: "Story text" });
  await revised.getByText("The talks opened on Monday.").click();
  await author.keyboard.press("End");
  for (let i = 0; i < "Monday.".length; i++) await author.keyboard.press("Backspace");
  await revised.pressSequentially("Tuesday, with delegates from Thailand.");
  await author.getByRole("button", { name: "Save", exact: true }).click();
  await expect(author.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);

  // History: the submitted version against the current text, words marked in the rendered text.
  await author.screenshot({ path: "/tmp/revisions-editor.png" });
  await author.getByRole("button", { name: "History" }).click();
  const panel = author.getByRole("dialog", { name: "Story history" });
  const list = panel.getByTestId("revision-list");
  await expect(list.getByRole("button")).toHaveCount(2);
  await expect(list.getByRole("button").first()).toContainText("Submitted for review");
  await expect(list.getByRole("button").first()).toHaveAttribute("aria-pressed", "true");
  const diff = panel.getByTestId("revision-diff");
  await expect(diff.locator("h2")).toHaveText("Ministers meet in Vientiane");
  await expect(diff.locator("p del")).toHaveText(["Monday"]);
  await expect(diff.locator("p ins")).toHaveText(["Tuesday, with delegates from Thailand"]);
  await expect(panel.getByTestId("diff-summary")).toHaveText("5 words added 1 removed");
  await author.screenshot({ path: "/tmp/revisions-panel.png" });

  // Restore the submitted text: the editor shows it, saved, and the history says what happened.
  await panel.getByRole("button", { name: "Restore this version…" }).click();
  await panel.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(author.getByRole("dialog")).toHaveCount(0);
  const restored = author.getByRole("textbox", { name: "Story text" });
  await expect(restored).toContainText("The talks opened on Monday.");
  await expect(restored).not.toContainText("Thailand");
  await expect(author.getByTestId("save-state")).toHaveText("All changes saved");

  // The restored version is the one the editor now saves on top of.
  await restored.getByText("The talks opened on Monday.").click();
  await author.keyboard.press("End");
  await restored.pressSequentially(" Talks ran late.");
  await author.getByRole("button", { name: "Save", exact: true }).click();
  await expect(author.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);

  await author.getByRole("button", { name: "History" }).click();
  const reasons = author.getByRole("dialog", { name: "Story history" }).getByTestId("revision-list").getByRole("button");
  await expect(reasons).toHaveCount(4);
  await expect(reasons.nth(0)).toContainText("Restored an earlier version");
  await expect(reasons.nth(1)).toContainText("Text before a restore");
  await expect(author.getByTestId("revision-diff").locator("ins")).toHaveText(["Talks ran late."]);

  // The text replaced by the restore is kept: compare it with the current text.
  await reasons.nth(1).click();
  await expect(author.getByTestId("revision-diff").locator("del")).toContainText(["Tuesday, with delegates from Thailand"]);
});
