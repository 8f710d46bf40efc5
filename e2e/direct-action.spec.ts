import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { pageAs, uniqueIssueNumber } from "./support/session";

/** Everything a browser without JavaScript would POST for this form. */
async function formFields(page: Page, buttonName: string): Promise<Record<string, string>> {
  const form = page.locator("form", { has: page.getByRole("button", { name: buttonName }) });
  return form.evaluate((el) => {
    const out: Record<string, string> = {};
    new FormData(el as HTMLFormElement).forEach((value, key) => {
      out[key] = String(value);
    });
    return out;
  });
}

test("a contributor who calls the publish action directly is refused by the server", async ({ browser }) => {
  const number = uniqueIssueNumber();
  const title = `Direct action ${randomUUID().slice(0, 8)}`;

  // An editor prepares an issue with one approved story: only the publish step is left.
  const contributor = await pageAs(browser, "contributor");
  await contributor.goto("/studio/stories/new");
  await contributor.getByLabel("Title").fill(title);
  await contributor.getByRole("button", { name: "Create and start writing" }).click();
  const body = contributor.getByRole("textbox", { name: "Story text" });
  await body.click();
  await body.pressSequentially("Text that must not go live without an editor.");
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.locator("[data-status]").first()).toHaveText("In review");
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(contributor.url());
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.locator("[data-status]").first()).toHaveText("Approved");

  const editor = await pageAs(browser, "editor");
  await editor.goto("/studio/issues");
  await editor.getByLabel("Number").fill(String(number));
  await editor.getByLabel("Year").fill("2032");
  await editor.getByRole("button", { name: "Create issue" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toBeVisible();
  await editor.getByLabel("Story to add").selectOption({ label: `${title} (Approved)` });
  await editor.getByRole("button", { name: "Add to issue" }).click();
  await expect(editor.getByRole("link", { name: title })).toBeVisible();
  await editor.reload();
  const issueUrl = editor.url();
  const fields = await formFields(editor, "Publish issue");
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);

  // The contributor replays the publish form with their own session: refused.
  const origin = new URL(issueUrl).origin;
  const refused = await contributor.request.post(issueUrl, { multipart: fields, headers: { Origin: origin }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Only editors can publish issues.");
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/issues/issue-${number}-2032`)).status()).toBe(404);

  // The very same request from the editor publishes: the refusal was the policy, not a broken replay.
  const accepted = await editor.request.post(issueUrl, { multipart: fields, headers: { Origin: origin }, maxRedirects: 0 });
  expect(accepted.status()).toBe(200);
  expect(await accepted.text()).toContain("Published. Readers see this issue now.");
  expect((await anonymous.request.get(`/issues/issue-${number}-2032`)).status()).toBe(200);
});
