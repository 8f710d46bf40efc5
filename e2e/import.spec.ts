import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { makeDocx } from "./fixtures/make-docx";
import { withDb } from "./support/db";
import { pageAs } from "./support/session";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const wordPaste = readFileSync(path.join(FIXTURES, "word-paste.html"), "utf8");

const storedBodyText = (storyId: string) =>
  withDb((db) => (db.prepare("SELECT body FROM stories WHERE id = ?").get(storyId) as { body: string } | undefined)?.body ?? "");

/** Pastes the way a browser delivers a paste from Word: text/html and text/plain on a ClipboardEvent. */
async function pasteHtml(page: Page, html: string, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Story text" }).evaluate(
    (el, data) => {
      const clipboard = new DataTransfer();
      clipboard.setData("text/html", data.html);
      clipboard.setData("text/plain", data.text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

test("a paste from Word keeps headings, emphasis, links and lists, drops Word's markup, and survives save and reload", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const title = `Pasted from Word ${randomUUID().slice(0, 8)}`;
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const storyId = new URL(page.url()).pathname.split("/").pop() ?? "";

  const body = page.getByRole("textbox", { name: "Story text" });
  await body.click();
  await pasteHtml(page, wordPaste, "Harbour council meets at dawn");
  await expect(page.getByRole("status").filter({ hasText: "1 image not pasted: add it with the image button. 1 comment removed." })).toBeVisible();
  await page.screenshot({ path: "/tmp/import-paste.png", fullPage: true });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(() => storedBodyText(storyId)).toContain("Publish the report");

  await page.reload();
  await expect(body.locator("h2").first()).toHaveText("Harbour council meets at dawn");
  await expect(body.locator("strong")).toHaveText(["Tuesday", "Route", "Sailings"]);
  await expect(body.locator("em")).toHaveText("at length");
  await expect(body.locator('a[href="https://harbour.example/minutes"]')).toHaveText("published minutes");
  await expect(body.locator("ul > li > ul > li")).toHaveText("Weekend sailings");
  await expect(body.locator("ul > li > p")).toHaveText(["New ferry timetable", "Weekend sailings", "Harbour lights repaired"]);
  await expect(body.locator("ol > li")).toHaveText(["Survey the quay", "Publish the report"]);
  await expect(body).toContainText("Island loop");
  await expect(body).toContainText("Reporters: Ana and Ben.");
  for (const gone of ["Hidden revision text", "Check spelling", "[A1]", "·", "window.pasted", "Font Definitions"]) {
    await expect(body).not.toContainText(gone);
  }
  const stored = storedBodyText(storyId);
  expect(stored).not.toMatch(/mso-|MsoNormal|font-family|style|class/);
  await page.context().close();
});

test("a Word document imported from the stories page becomes a draft, with a report of what was left out", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const title = `River commission report ${randomUUID().slice(0, 8)}`;
  await page.goto("/studio/stories");
  await page.screenshot({ path: "/tmp/import-stories-page.png" });
  await page.getByRole("link", { name: "Import Word document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import Word document" })).toBeVisible();

  const file = page.getByLabel("Word document");
  await file.setInputFiles({ name: "notes.txt.docx", mimeType: "application/octet-stream", buffer: Buffer.from("not a document") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("This file is not a Word document (.docx).")).toBeVisible();

  await file.setInputFiles({
    name: "river.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await makeDocx(title),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const done = page.getByRole("status").filter({ hasText: `Imported “${title}” as a draft.` });
  await expect(done).toBeVisible();
  await expect(page.getByTestId("import-report").getByRole("listitem")).toHaveText([
    "1 comment removed.",
    "An image was refused: This file is not a JPEG, PNG, WebP or GIF image (judged from its contents, not its name).",
  ]);
  await page.screenshot({ path: "/tmp/import-report.png", fullPage: true });

  await done.getByRole("link", { name: "Open the story" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const body = page.getByRole("textbox", { name: "Story text" });
  await expect(body.locator("h2")).toHaveText("Findings");
  await expect(body.locator("h3")).toHaveText("Next steps");
  await expect(body.locator("strong").first()).toHaveText("lower");
  await expect(body.locator("em")).toHaveText("expected");
  await expect(body.locator('a[href="https://river.example/data"]')).toHaveText("open data");
  await expect(body.locator("ul > li")).toHaveText(["Upstream stations", "Delta stations"]);
  await expect(body.locator("ol > li")).toHaveText(["Share the data", "Meet in June"]);
  await expect(body.locator("table tr")).toHaveCount(2);
  await expect(body.locator("table td")).toHaveText(["Station", "Level (m)", "Vientiane", "4.2"]);
  const gauge = body.locator('figure.story-image img[alt="The river gauge at Vientiane"]');
  await expect(gauge).toHaveAttribute("src", /^\/media\/[0-9a-f]{64}\/960\.webp$/);
  // Loaded from the media route (naturalWidth is scaled by the srcset choice, so only "loaded" is checked).
  await expect.poll(() => gauge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await page.screenshot({ path: "/tmp/import-story.png", fullPage: true });

  await page.goto("/studio/stories");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.context().close();
});

test("the import route refuses a visitor without a session and a file over 10 MB", async ({ browser, baseURL }) => {
  const anonymous = await fetch(new URL("/api/stories/import", baseURL), { method: "POST", body: new FormData() });
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "Sign in to import a document." });

  const page = await pageAs(browser, "contributor");
  const big = await page.request.post("/api/stories/import", {
    multipart: { file: { name: "big.docx", mimeType: "application/octet-stream", buffer: Buffer.alloc(11 * 1024 * 1024) } },
  });
  expect(big.status()).toBe(413);
  expect(await big.json()).toEqual({ error: "The document is larger than 10 MB." });
  const none = await page.request.post("/api/stories/import", { multipart: { other: "x" } });
  expect(none.status()).toBe(400);
  expect(await none.json()).toMatchObject({ error: "Choose a Word document (.docx) to import." });
  await page.context().close();
});
