import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signInWith } from "./support/accounts";
import { createTestUser, setUserStatus, withDb } from "./support/db";
import { mediaRowsFor, picture, SCRIPTED_SVG, sha256 } from "./support/pictures";
import { pageAs } from "./support/session";

/**
 * Issue 7: an upload the server refuses — a file that is not a safe image, too big, sent
 * without a session, or for a story its sender may not edit — gets a clear message and a
 * 4xx, stores nothing, and leaves the author's text in the editor as it was.
 */

const AUTHOR_TEXT = "The author's paragraph about the river, written before any picture.";

const storedText = (storyId: string): string =>
  withDb((db) => (db.prepare("SELECT plain_text AS t FROM stories WHERE id = ?").get(storyId) as { t: string } | undefined)?.t ?? "");

/** A new story with AUTHOR_TEXT saved in it; the page stays in its editor. */
async function storyWithText(page: Page): Promise<{ id: string; url: string }> {
  await page.goto("/studio/stories/new");
  const title = `Upload refusals ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const body = page.getByRole("textbox", { name: "Story text" });
  await body.click();
  await page.keyboard.type(AUTHOR_TEXT);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  return { id: new URL(page.url()).pathname.split("/").pop() ?? "", url: page.url() };
}

/** Picks a file with the toolbar's Image button, as an author does. */
async function chooseImage(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image", exact: true }).click();
  await (await chooser).setFiles(file);
}

/** The refusal listed under the toolbar for the file called `name`. */
const refusalOf = (page: Page, name: string) =>
  page.getByRole("list", { name: "Uploads" }).getByRole("listitem").filter({ hasText: name }).getByRole("alert");

/** The author's text is in the editor exactly as it was, with no image added, and saved. */
async function expectTextIntact(page: Page, storyId: string): Promise<void> {
  const body = page.getByRole("textbox", { name: "Story text" });
  await expect(body).toHaveText(AUTHOR_TEXT);
  await expect(body.locator("figure, img")).toHaveCount(0);
  await expect(page.getByTestId("save-state")).toHaveText(/^(Saved at \d{2}:\d{2}|All changes saved)$/);
  expect(storedText(storyId)).toBe(AUTHOR_TEXT);
}

test("SVG, 11 MB, text named .png and a JPEG named .gif are refused in the editor, each saying why; nothing is stored or inserted", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const story = await storyWithText(page);

  const huge = Buffer.alloc(11 * 1024 * 1024);
  (await picture("jpeg", 16, 16)).copy(huge);
  const refused = [
    { name: "logo.svg", mimeType: "image/svg+xml", buffer: SCRIPTED_SVG, says: "SVG images are not accepted: they can carry scripts." },
    { name: "huge.jpg", mimeType: "image/jpeg", buffer: huge, says: "This image is larger than 10 MB. Make it smaller and upload it again." },
    {
      name: "minutes.png",
      mimeType: "image/png",
      buffer: Buffer.from("Minutes of the meeting, not a picture."),
      says: "This file is not a JPEG, PNG, WebP or GIF image (judged from its contents, not its name).",
    },
    { name: "animation.gif", mimeType: "image/gif", buffer: await picture("jpeg"), says: "“animation.gif” is named as GIF but is really a JPEG image." },
  ];
  for (const file of refused) {
    await chooseImage(page, file);
    await expect(refusalOf(page, file.name), file.name).toContainText(file.says);
    await expectTextIntact(page, story.id);
    expect(mediaRowsFor(file.buffer), `${file.name} stored`).toBe(0);
  }
  // Every refusal stays listed with its file's name until dismissed.
  await expect(page.getByRole("list", { name: "Uploads" }).getByRole("alert")).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath("refusals.png"), fullPage: true });

  // The editor goes on working: a real picture after the refusals goes in.
  const good = await picture("png");
  await chooseImage(page, { name: "good.png", mimeType: "image/png", buffer: good });
  await expect(page.getByRole("textbox", { name: "Story text" }).locator("figure.story-image img")).toHaveAttribute("src", `/media/${sha256(good)}/960.webp`);
  await expect(page.getByRole("textbox", { name: "Story text" })).toContainText(AUTHOR_TEXT);
  expect(errors).toEqual([]);
});

test("the upload route answers each refusal with a 4xx and its message", async ({ browser, playwright, baseURL }) => {
  const page = await pageAs(browser, "contributor");
  const upload = (file: { name: string; mimeType: string; buffer: Buffer }, fields: Record<string, string> = {}) =>
    page.request.post("/api/media", { multipart: { file, ...fields } });

  const svg = await upload({ name: "logo.svg", mimeType: "image/svg+xml", buffer: SCRIPTED_SVG });
  expect(svg.status()).toBe(415);
  expect((await svg.json()).error).toContain("SVG images are not accepted");
  // Named as a PNG, it is still an SVG.
  const svgAsPng = await upload({ name: "logo.png", mimeType: "image/png", buffer: SCRIPTED_SVG });
  expect(svgAsPng.status()).toBe(415);
  expect((await svgAsPng.json()).error).toContain("SVG images are not accepted");
  expect(mediaRowsFor(SCRIPTED_SVG)).toBe(0);

  // Not a form at all.
  const json = await page.request.post("/api/media", { data: { file: "x" } });
  expect(json.status()).toBe(400);
  expect((await json.json()).error).toContain("multipart/form-data");

  // An account deactivated after signing in: its session no longer counts.
  const user = await createTestUser("contributor");
  const context = await browser.newContext();
  const gone = await context.newPage();
  await signInWith(gone, user.email, user.password);
  setUserStatus(user.id, "deactivated");
  const png = await picture("png");
  const deactivated = await gone.request.post("/api/media", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: png } } });
  expect(deactivated.status()).toBe(401);
  expect((await deactivated.json()).error).toBe("You are signed out. Sign in again, then retry.");
  // A cookie that was never issued.
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: "authjs.session-token=forged; __Secure-authjs.session-token=forged" },
  });
  const forgedAnswer = await forged.post("/api/media", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: png } } });
  expect(forgedAnswer.status()).toBe(401);
  expect(mediaRowsFor(png)).toBe(0);
  await forged.dispose();
  await context.close();
});

test("an upload for a story its sender may not edit is refused with a 4xx, and stores nothing", async ({ browser }) => {
  const author = await pageAs(browser, "contributor");
  const story = await storyWithText(author);
  const send = (page: Page, storyId: string, buffer: Buffer) =>
    page.request.post("/api/media", { multipart: { file: { name: "for-a-story.png", mimeType: "image/png", buffer }, storyId } });

  // Another writer: the story is not theirs, and its existence is not told.
  const other = await createTestUser("contributor");
  const otherPage = await (await browser.newContext()).newPage();
  await signInWith(otherPage, other.email, other.password);
  const otherBytes = await picture("png");
  const notTheirs = await send(otherPage, story.id, otherBytes);
  expect(notTheirs.status()).toBe(404);
  expect((await notTheirs.json()).error).toBe("No such story.");
  expect(mediaRowsFor(otherBytes)).toBe(0);

  // A reviewer sees the draft but may not change it before it is submitted.
  const reviewer = await pageAs(browser, "reviewer");
  const reviewerBytes = await picture("png");
  const draft = await send(reviewer, story.id, reviewerBytes);
  expect(draft.status()).toBe(403);
  expect((await draft.json()).error).toBe("You can't add images to this story while it is “Draft”.");
  expect(mediaRowsFor(reviewerBytes)).toBe(0);

  // A story that does not exist, and an id that is not one.
  const unknown = await send(author, randomUUID(), await picture("png"));
  expect(unknown.status()).toBe(404);
  const malformed = await send(author, "not-a-story", await picture("png"));
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toBe("Unknown story.");

  // The author, for their own draft: accepted.
  const ownBytes = await picture("png");
  const own = await send(author, story.id, ownBytes);
  expect(own.status()).toBe(201);
  expect(mediaRowsFor(ownBytes)).toBe(1);
});

test("an upload from an editor whose session ended says so, inserts nothing, and keeps the text", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const story = await storyWithText(page);
  // Signed out elsewhere (or the session expired) while the editor stayed open.
  await page.context().clearCookies();
  const png = await picture("png");
  await chooseImage(page, { name: "after-sign-out.png", mimeType: "image/png", buffer: png });
  await expect(refusalOf(page, "after-sign-out.png")).toHaveText("You are signed out. Sign in again, then retry.");
  await expectTextIntact(page, story.id);
  expect(mediaRowsFor(png)).toBe(0);
});

test("an upload into a story that was submitted from another tab is refused there, and the text stays", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const story = await storyWithText(page);
  // The same author submits the story from a second tab; the first still shows the editor.
  const second = await page.context().newPage();
  await second.goto(story.url);
  await second.getByRole("button", { name: "Submit for review" }).click();
  await expect(second.locator("[data-status]").first()).toHaveText("In review");
  await second.close();

  const png = await picture("png");
  await chooseImage(page, { name: "too-late.png", mimeType: "image/png", buffer: png });
  await expect(refusalOf(page, "too-late.png")).toHaveText("You can't add images to this story while it is “In review”.");
  await expectTextIntact(page, story.id);
  expect(mediaRowsFor(png)).toBe(0);
});
