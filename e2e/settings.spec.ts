import { randomUUID } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { pageAs, uniqueIssueNumber } from "./support/session";
import { approve, issueOf, saveAndSubmit, startStory } from "./support/workflow";

// The settings are one row that every reader page shows. Other specs read the newsletter's
// name (the email edition's subject) while this one runs, so this spec changes only the
// contact block, and puts it back.

/** Asks until the page comes from the reader cache (a publish by a parallel test empties it). */
async function cached(request: APIRequestContext, pathname: string) {
  await expect.poll(async () => (await request.get(pathname)).headers()["x-reader-cache"]).toBe("hit");
}

async function expectNoAxeViolations(page: Page, testInfo: TestInfo, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  if (results.violations.length > 0)
    await testInfo.attach(`axe ${label}`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), label).toEqual([]);
}

/** Everything a browser without JavaScript would POST for the settings form. */
async function formFields(page: Page): Promise<Record<string, string>> {
  const form = page.locator("form", { has: page.getByRole("button", { name: "Save settings" }) });
  return form.evaluate((el) => {
    const out: Record<string, string> = {};
    new FormData(el as HTMLFormElement).forEach((value, key) => {
      out[key] = String(value);
    });
    return out;
  });
}

test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

test("an admin changes the contact block with the keyboard, and the cached reader home shows it at once", async ({ browser, request }, testInfo) => {
  const line = `Settings check ${randomUUID().slice(0, 8)}`;
  await cached(request, "/");
  expect(await (await request.get("/")).text()).not.toContain(line);

  const admin = await pageAs(browser, "admin");
  await admin.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Settings" }).click();
  await expect(admin).toHaveURL(/\/studio\/settings$/);
  await expect(admin.getByRole("heading", { level: 1, name: "Site settings" })).toBeVisible();
  await expectNoAxeViolations(admin, testInfo, "the settings page");
  const shots = process.env.SETTINGS_SHOTS_DIR;
  if (shots) await admin.screenshot({ path: path.join(shots, "settings-page.png"), fullPage: true });

  // A second admin opens the page now, before the first one saves.
  const other = await pageAs(browser, "admin");
  await other.goto("/studio/settings");

  // Keyboard only: into the contact block, a new last line, then Tab on to the button.
  const contact = admin.getByLabel("Contact block");
  const original = await contact.inputValue();
  await contact.focus();
  await admin.keyboard.press("Control+End");
  await admin.keyboard.press("Enter");
  await admin.keyboard.type(line);
  await admin.keyboard.press("Tab");
  await expect(admin.getByLabel("About text")).toBeFocused();
  await admin.keyboard.press("Tab");
  await expect(admin.getByRole("button", { name: "Save settings" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(admin.getByText("Saved. Every reader page shows the new settings now.")).toBeVisible();

  // The reader home, answered from the cache a moment ago, has the new line now.
  const home = await request.get("/");
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain(line);
  const reader = await browser.newPage();
  await reader.goto("/");
  await expect(reader.getByRole("contentinfo")).toContainText(line);

  // The second admin's save was made from the older settings: refused, their text kept.
  const theirs = `Overwrite ${randomUUID().slice(0, 8)}`;
  await other.getByLabel("Contact block").fill(theirs);
  await other.getByRole("button", { name: "Save settings" }).click();
  await expect(other.getByTestId("form-error")).toContainText("Someone else changed the settings after you opened this page.");
  await expect(other.getByLabel("Contact block")).toHaveValue(theirs);
  expect(await (await request.get("/")).text()).toContain(line);

  // Put it back as it was.
  await admin.reload();
  await admin.getByLabel("Contact block").fill(original);
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Saved. Every reader page shows the new settings now.")).toBeVisible();
  expect(await (await request.get("/")).text()).not.toContain(line);
});

test("bad input shows the field's message, keeps what was typed and changes nothing", async ({ browser }, testInfo) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/studio/settings");
  const typed = `Typed ${randomUUID().slice(0, 8)}\nsecond line`;
  await admin.getByLabel("Contact block").fill(typed);
  await admin.getByLabel("Newsletter name").fill("   ");
  await admin.getByRole("button", { name: "Save settings" }).click();

  const message = "Give the newsletter a name: it is shown under the masthead and in feeds and mails.";
  await expect(admin.getByTestId("form-error")).toHaveText(message);
  const name = admin.getByLabel("Newsletter name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(new RegExp(message.replace(/[.:]/g, "\\$&")));
  await expect(admin.getByLabel("Contact block")).toHaveValue(typed);
  await expectNoAxeViolations(admin, testInfo, "the settings page with a refused save");
  const shots = process.env.SETTINGS_SHOTS_DIR;
  if (shots) await admin.screenshot({ path: path.join(shots, "settings-refused.png"), fullPage: true });

  await admin.reload();
  await expect(admin.getByLabel("Contact block")).not.toHaveValue(typed);
  await expect(admin.getByLabel("Newsletter name")).not.toHaveValue("");
});

test("an editor gets the 403 page and no Settings link, and the server refuses the editor's save", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/studio/settings");
  const fields = await formFields(admin);
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);

  const editor = await pageAs(browser, "editor");
  await expect(editor.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await editor.goto("/studio/settings");
  expect(response?.status()).toBe(403);
  await expect(editor.getByRole("heading", { level: 1, name: "Not for your role" })).toBeVisible();

  // The editor replays the admin's form with their own session: refused, nothing saved.
  const url = new URL("/studio/settings", admin.url());
  const changed = { ...fields, contactBlock: `By the editor ${randomUUID().slice(0, 8)}` };
  const refused = await editor.request.post(url.toString(), { multipart: changed, headers: { Origin: url.origin }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Only admins can change the site settings.");
  await admin.reload();
  await expect(admin.getByLabel("Contact block")).toHaveValue(fields.contactBlock ?? "");
  expect(await (await editor.request.get("/")).text()).not.toContain(changed.contactBlock);
});

test("after Unpublish the issue page says so, not the earlier 'Published'", async ({ browser }) => {
  const title = `Message check ${randomUUID().slice(0, 8)}`;
  const { page, storyUrl } = await startStory(browser, title, "A story that goes live and comes back.");
  await saveAndSubmit(page);
  await approve(browser, storyUrl);
  // issueOf publishes and waits for "Published. Readers see this issue now."
  const editor = await issueOf(browser, { number: uniqueIssueNumber(), year: 2034, titles: [title] });
  const publishing = editor.getByRole("complementary", { name: "Publishing" });

  await publishing.getByRole("button", { name: "Unpublish" }).click();
  await expect(publishing.getByRole("button", { name: "Publish issue" })).toBeVisible();
  await expect(publishing.getByRole("status")).toHaveText("Unpublished. Readers no longer see this issue.");
  await expect(editor.getByText("Published. Readers see this issue now.")).toHaveCount(0);
  const shots = process.env.SETTINGS_SHOTS_DIR;
  if (shots) await editor.screenshot({ path: path.join(shots, "issue-unpublished.png") });

  await publishing.getByRole("button", { name: "Publish issue" }).click();
  await expect(publishing.getByRole("status")).toHaveText("Published. Readers see this issue now.");
  await expect(editor.getByText("Unpublished. Readers no longer see this issue.")).toHaveCount(0);
});
