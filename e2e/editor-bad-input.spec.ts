import { randomUUID } from "node:crypto";
import { expect, test, type Page, type Request } from "@playwright/test";
import { withDb } from "./support/db";
import { pageAs } from "./support/session";

/**
 * Issue 7, "Bad input": a body that does not fit the schema sent straight to the server, a
 * javascript: link, an image from another site, a 5 MB body. Each gets a clear message and
 * is refused, nothing of it is stored, and the author's text is still in the editor.
 */

const AUTHOR_TEXT = "The author's opening paragraph, saved before anything went wrong.";
const SAVED = /^(Saved at \d{2}:\d{2}|All changes saved)$/;

interface Stored {
  plainText: string;
  version: number;
  body: string;
}
const stored = (storyId: string): Stored =>
  withDb((db) => {
    const row = db.prepare("SELECT plain_text AS plainText, version, body FROM stories WHERE id = ?").get(storyId) as Stored | undefined;
    if (!row) throw new Error(`no story ${storyId}`);
    return row;
  });

const isSave = (request: Request) => request.method() === "PUT" && new URL(request.url()).pathname.startsWith("/api/stories/");
const body = (page: Page) => page.getByRole("textbox", { name: "Story text" });

/** A new story with AUTHOR_TEXT saved; returns its id and the save request the editor sent. */
async function storyWithText(page: Page): Promise<{ id: string; save: Request }> {
  await page.goto("/studio/stories/new");
  const title = `Bad input ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await body(page).click();
  const save = page.waitForRequest(isSave);
  await page.keyboard.type(AUTHOR_TEXT);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(SAVED);
  return { id: new URL(page.url()).pathname.split("/").pop() ?? "", save: await save };
}

/** The editor still holds the author's words, says they are saved, and the store agrees. */
async function expectAuthorTextKept(page: Page, storyId: string, version: number): Promise<void> {
  await expect(body(page).locator("p").first()).toHaveText(AUTHOR_TEXT);
  await expect(page.getByTestId("save-state")).toHaveText(SAVED);
  const now = stored(storyId);
  expect(now.plainText).toBe(AUTHOR_TEXT);
  expect(now.version).toBe(version);
}

const doc = (...content: object[]) => JSON.stringify({ type: "doc", content });
const paragraph = (text: string, marks?: object[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });
const bigBody = (bytes: number) => doc(paragraph("River words. ".repeat(Math.ceil(bytes / 13))));

test("bodies that do not fit, script links, foreign images and 5 MB, sent straight to the save route, get a 4xx with a message", async ({ browser, baseURL }) => {
  const page = await pageAs(browser, "contributor");
  const { id, save } = await storyWithText(page);
  const { version } = stored(id);
  const sent = JSON.parse(save.postData() ?? "{}") as Record<string, unknown>;
  expect(sent).toMatchObject({ title: expect.any(String), body: expect.any(String) });
  /** The editor's own save request, replayed with another body at the current version. */
  const replay = (bodyText: string) =>
    page.request.put(save.url(), { headers: { "content-type": "application/json" }, data: JSON.stringify({ ...sent, version, body: bodyText }), maxRedirects: 0 });

  for (const { label, bodyText, says } of [
    { label: "HTML instead of a document", bodyText: "<p>Hello</p>", says: "The story body is not a document." },
    { label: "a node the editor does not have", bodyText: doc({ type: "script", content: [{ type: "text", text: "alert(1)" }] }), says: "The story body contains content the editor does not support." },
    { label: "a heading inside a paragraph", bodyText: doc({ type: "paragraph", content: [{ type: "heading", attrs: { level: 2 } }] }), says: "The story body contains content the editor does not support." },
    { label: "a heading of level 1", bodyText: doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }), says: "only levels 2, 3 and 4 are allowed" },
    {
      label: "a javascript: link",
      bodyText: doc(paragraph("click", [{ type: "link", attrs: { href: "javascript:alert(document.cookie)" } }])),
      says: 'A link points at "javascript:alert(document.cookie)"; only http, https, mailto and same-site links are allowed.',
    },
    {
      label: "an image from another site",
      bodyText: doc({ type: "image", attrs: { src: "https://elsewhere.example/boat.jpg", alt: "A boat" } }),
      says: 'An image points at "https://elsewhere.example/boat.jpg"; images must come from the media library.',
    },
    { label: "800 KB of text", bodyText: bigBody(800 * 1024), says: "The story is too long to save (over 512 KB)." },
  ]) {
    const response = await replay(bodyText);
    expect(response.status(), label).toBe(400);
    expect(await response.json(), label).toMatchObject({ error: expect.stringContaining(says) });
  }

  // Not JSON, a stale version, a signed-out sender, a story that does not exist.
  const form = await page.request.put(save.url(), { form: { body: "x" } });
  expect(form.status()).toBe(415);
  expect(await form.json()).toEqual({ error: "Send the story as JSON." });
  const stale = await page.request.put(save.url(), { headers: { "content-type": "application/json" }, data: JSON.stringify({ ...sent, version: version - 1 }) });
  expect(stale.status()).toBe(409);
  const anonymous = await fetch(save.url(), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...sent, version }) });
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "You are signed out. Sign in again, then retry." });
  const missing = await page.request.put(new URL(`/api/stories/${randomUUID()}`, baseURL).href, { headers: { "content-type": "application/json" }, data: JSON.stringify({ ...sent, version }) });
  expect(missing.status()).toBe(404);

  // 5 MB is refused before it is parsed: by its Content-Length…
  const huge = await replay(bigBody(5 * 1024 * 1024));
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toEqual({ error: "This is too large to save (over 1 MB). Nothing was saved." });
  // …and without one (sent in chunks), measured as it arrives.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let streamed = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (streamed >= 5 * 1024 * 1024) controller.close();
      else {
        streamed += chunk.byteLength;
        controller.enqueue(chunk);
      }
    },
  });
  const chunked = await fetch(save.url(), {
    method: "PUT",
    headers: { "content-type": "application/json", cookie },
    body: stream,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  expect(chunked.status).toBe(413);
  expect(await chunked.json()).toEqual({ error: "This is too large to save (over 1 MB). Nothing was saved." });

  // Nothing was stored; the open editor still holds the text, and its next save goes through.
  await expectAuthorTextKept(page, id, version);
  await body(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Still writing.");
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  expect(stored(id)).toMatchObject({ plainText: `${AUTHOR_TEXT} Still writing.`, version: version + 1 });
});

test("5 MB pasted into the editor: it says the story is too long, sends nothing, keeps the text; undoing the paste saves again", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const { id } = await storyWithText(page);
  const { version } = stored(id);
  const sentSizes: number[] = [];
  page.on("request", (request) => {
    if (isSave(request)) sentSizes.push(request.postDataBuffer()?.byteLength ?? 0);
  });

  // A fresh page: its undo history starts after the saved text, so one undo takes back the paste only.
  await page.reload();
  await expect(body(page).locator("p").first()).toHaveText(AUTHOR_TEXT);
  await body(page).click();
  await page.keyboard.press("Control+End");
  const pasted = "Pasted minutes of a very long meeting. ".repeat(Math.ceil((5 * 1024 * 1024) / 39));
  // One edit only (no Enter first, which autosave could save on its own): the leading line
  // break puts the paste in a paragraph of its own.
  await body(page).evaluate((el, text) => {
    const clipboard = new DataTransfer();
    clipboard.setData("text/plain", `\n${text}`);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, pasted);

  await expect(page.getByTestId("save-state")).toHaveText("Not saved");
  await expect(page.getByTestId("form-error")).toHaveText(
    "The story is too long to save (over 512 KB). Shorten it, or split it into two stories; it is saved again once it fits.",
  );
  // The author's paragraph and the whole paste are still in the editor.
  await expect(body(page).locator("p").first()).toHaveText(AUTHOR_TEXT);
  expect(await body(page).evaluate((el) => el.textContent?.length ?? 0)).toBeGreaterThanOrEqual(AUTHOR_TEXT.length + pasted.trim().length);
  expect(sentSizes.filter((size) => size > 1024 * 1024)).toEqual([]);
  expect(stored(id)).toMatchObject({ plainText: AUTHOR_TEXT, version });

  // Undo takes the paste away, and the story saves again.
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await expect(body(page).locator("p").first()).toHaveText(AUTHOR_TEXT);
  expect(stored(id).plainText).toBe(AUTHOR_TEXT);
  expect(errors).toEqual([]);
});

test("a javascript: link is refused in the link form, typed or pasted; the words stay, unlinked, and nothing unsafe is saved", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const { id } = await storyWithText(page);
  const kb = page.keyboard;
  await body(page).click();
  await kb.press("Control+End");
  await kb.press("Enter");
  await kb.type("Read the minutes here");
  for (let i = 0; i < "here".length; i++) await kb.press("Shift+ArrowLeft");

  const dialog = page.getByRole("dialog", { name: "Link" });
  const address = dialog.getByLabel("Link address");
  await kb.press("Control+k");
  for (const href of ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "  javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "//elsewhere.example/x"]) {
    await address.fill(href);
    await kb.press("Enter");
    await expect(dialog.getByText("Use a web address (https://…), an email (mailto:…) or a path on this site (/…)."), href).toBeVisible();
    await expect(address, href).toHaveAttribute("aria-invalid", "true");
  }
  await kb.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(body(page)).toBeFocused();
  await expect(body(page).locator("p").nth(1)).toHaveText("Read the minutes here");

  // Typed as text it stays text: the autolink only links safe addresses.
  await kb.press("End");
  await kb.type(". Or javascript:alert(1) and https://lmec.org/minutes today.");
  await kb.press("Enter");
  // Pasted from a page, the link goes and its words stay.
  await body(page).evaluate((el) => {
    const clipboard = new DataTransfer();
    clipboard.setData("text/html", '<p>See <a href="javascript:alert(1)">the agenda</a> and <a href="JAVASCRIPT:void(0)" onclick="alert(2)">the annex</a> too.</p>');
    clipboard.setData("text/plain", "See the agenda and the annex too.");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
  });
  await expect(body(page)).toContainText("See the agenda and the annex too.");
  await expect(body(page).locator("p").first()).toHaveText(AUTHOR_TEXT);
  await expect(body(page).locator('a[href^="javascript" i], a[href^="vbscript" i], a[href^="data" i], a[href^="//"]')).toHaveCount(0);
  await expect(body(page).locator("[onclick]")).toHaveCount(0);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  const saved = stored(id);
  expect(saved.plainText).toContain("Read the minutes here. Or javascript:alert(1) and https://lmec.org/minutes today.");
  expect(saved.plainText).toContain("See the agenda and the annex too.");
  // The only link is the autolinked web address.
  const hrefs = [...saved.body.matchAll(/"href":"([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs).toEqual(["https://lmec.org/minutes"]);
  await page.reload();
  await expect(body(page)).toContainText("See the agenda and the annex too.");
  expect(errors).toEqual([]);
});

test("an image from another site is not pasted: a notice says so, and the text around it stays", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const { id } = await storyWithText(page);
  await body(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  const ours = `/media/${"c".repeat(64)}/960.webp`;
  await body(page).evaluate(
    (el, { ours }) => {
      const clipboard = new DataTransfer();
      clipboard.setData(
        "text/html",
        '<p>Before the photos.<img src="https://elsewhere.example/boat.jpg" alt="A boat" onerror="window.pwned = 1"></p>' +
          `<figure class="story-image"><img src="https://elsewhere.example${ours}" alt="Our path on their host"></figure>` +
          '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="Inline"></p>' +
          '<p>After the photos.</p>',
      );
      clipboard.setData("text/plain", "Before the photos.\nAfter the photos.");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
    },
    { ours },
  );
  await expect(page.getByRole("status").filter({ hasText: "3 images not pasted: add them with the image button." })).toBeVisible();
  await expect(body(page).locator("img, figure")).toHaveCount(0);
  await expect(body(page).locator("p").first()).toHaveText(AUTHOR_TEXT);
  await expect(body(page)).toContainText("Before the photos.");
  await expect(body(page)).toContainText("After the photos.");
  expect(await page.evaluate(() => (window as Window & { pwned?: number }).pwned)).toBeUndefined();

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  const saved = stored(id);
  expect(saved.body).not.toContain('"type":"image"');
  expect(saved.body).not.toContain("elsewhere.example");
  expect(saved.plainText).toContain("After the photos.");
});
