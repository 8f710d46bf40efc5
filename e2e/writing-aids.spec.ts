import { createHash, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { readingMinutes } from "../lib/text/words";
import { withDb } from "./support/db";
import { pageAs } from "./support/session";

/** Screenshots to look at, kept out of the repository. */
const SHOTS = "/tmp/aids-shots";

/** A generated picture (never a committed photo); each call gives new bytes. */
async function picture(width = 600, height = 600): Promise<Buffer> {
  const colour = () => Math.floor(Math.random() * 256);
  return sharp({ create: { width, height, channels: 3, background: { r: colour(), g: colour(), b: colour() } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="white"/></svg>`) }])
    .png()
    .toBuffer();
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const times = (text: string, n: number, separator = "") => Array.from({ length: n }, () => text).join(separator);

// 10 English words; 60 Chinese sentences of 10 characters (4 words each); 50 Thai sentences of 7 words.
const ENGLISH = "The delegates met in Kunming to plan the next year.";
const CHINESE = times("澜沧江湄公河环境合作。", 60);
const THAI = times("การประชุมคณะทำงานครั้งที่สอง", 50, " ");

async function newStory(page: Page, title: string): Promise<string> {
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

const storedCount = (storyId: string) =>
  withDb((db) => (db.prepare("SELECT word_count AS n FROM stories WHERE id = ?").get(storyId) as { n: number }).n);

const loaded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;

test("the editor counts words and reading time in every script, and the standfirst's characters", async ({ browser }) => {
  test.slow();
  mkdirSync(SHOTS, { recursive: true });
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const storyId = await newStory(page, `Writing aids ${randomUUID().slice(0, 8)}`);
  const body = page.getByRole("textbox", { name: "Story text" });
  const length = page.getByRole("complementary", { name: "Save and workflow" }).getByTestId("story-length");

  await expect(length).toHaveText("0 words");

  // English, typed key by key.
  await body.click();
  await page.keyboard.type(ENGLISH);
  await expect(length).toHaveText("10 words · 1 min read");

  // Chinese has no spaces: 240 words by the dictionary, read as 600 characters (2 minutes).
  await page.keyboard.press("Enter");
  await page.keyboard.type("合作");
  await expect(length).toHaveText("11 words · 1 min read");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.insertText(CHINESE);
  await expect(length).toHaveText("250 words · 2 min read");

  // Thai neither: 350 words, at the English rate.
  await page.keyboard.press("Enter");
  await page.keyboard.insertText(THAI);
  await expect(length).toHaveText("600 words · 4 min read");

  // The standfirst's counter, wired to the field, counts as its maxLength does.
  const standfirst = page.getByLabel("Standfirst");
  const counter = page.locator(`#${await standfirst.getAttribute("aria-describedby")}`);
  await expect(counter).toHaveText("0 / 600 characters");
  await standfirst.fill("Delegates from six countries met in Kunming.");
  await expect(counter).toHaveText("44 / 600 characters");
  await expect(standfirst).toHaveAccessibleDescription("44 / 600 characters");
  await expect(counter).not.toHaveAttribute("data-near-limit");
  const grey = await counter.evaluate((el) => getComputedStyle(el).color);
  await standfirst.fill("湄".repeat(540));
  await expect(counter).toHaveText("540 / 600 characters");
  await expect(counter).toHaveAttribute("data-near-limit", "true");
  expect(await counter.evaluate((el) => getComputedStyle(el).color)).not.toBe(grey);
  await page.screenshot({ path: `${SHOTS}/editor-counters.png` });
  // A line break is one character to the field and to the counter; the field stops at 600.
  await standfirst.fill("ก".repeat(598));
  await standfirst.press("End");
  await standfirst.press("Enter");
  await page.keyboard.type("xyz");
  await expect(standfirst).toHaveValue(`${"ก".repeat(598)}\nx`);
  await expect(counter).toHaveText("600 / 600 characters, the limit");
  // An emoji is two, for both.
  await standfirst.fill("");
  await page.keyboard.insertText("🌊".repeat(301));
  await expect(standfirst).toHaveValue("🌊".repeat(300));
  await expect(counter).toHaveText("600 / 600 characters, the limit");

  // Saved, the story page says the same as the editor did, and so does the database.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  expect(storedCount(storyId)).toBe(600);
  await page.reload();
  await expect(page.getByTestId("saved-length")).toHaveText("600 words · 4 min read");
  await expect(length).toHaveText("600 words · 4 min read");
  await expect(page.getByLabel("Standfirst")).toHaveValue("🌊".repeat(300));
  await page.screenshot({ path: `${SHOTS}/studio-story-page.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test("the speaker card's portrait comes from the media library, or is uploaded there", async ({ browser }) => {
  test.slow();
  mkdirSync(SHOTS, { recursive: true });
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const storyId = await newStory(page, `Portrait ${randomUUID().slice(0, 8)}`);
  const body = page.getByRole("textbox", { name: "Story text" });
  const tool = (name: string) => page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name, exact: true });
  await body.click();
  await page.keyboard.type("The director spoke first.");

  // A picture uploaded with the media tools, then given its alt text.
  const tag = randomUUID().slice(0, 8);
  const first = await picture();
  const chooser = page.waitForEvent("filechooser");
  await tool("Image").click();
  await (await chooser).setFiles({ name: `li-wei-${tag}.png`, mimeType: "image/png", buffer: first });
  await expect(body.locator("figure.story-image img")).toHaveCount(1);
  const missing = page.getByRole("region", { name: "Images without alt text" });
  await missing.getByRole("textbox").fill("Li Wei at the lectern");
  await missing.getByRole("button", { name: "Set alt text" }).click();
  await expect(missing).toBeHidden();

  // The form opens the library over itself; Escape closes only the library.
  await body.focus();
  await page.keyboard.press("Control+End");
  await expect(body.locator(".ProseMirror-selectednode")).toHaveCount(0);
  await tool("Speaker card").click();
  const form = page.getByRole("dialog", { name: "Speaker card" });
  await form.getByLabel("Name").fill("Li Wei");
  await form.getByLabel("Title").fill("Director, LMEC");
  await form.getByLabel("Quote").fill("Rivers connect us.");
  const choose = form.getByRole("button", { name: "Choose portrait…" });
  await choose.click();
  const library = page.getByRole("dialog", { name: "Choose a portrait" });
  await expect(library).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(library).toBeHidden();
  await expect(form).toBeVisible();
  await expect(choose).toBeFocused();
  await expect(form.getByLabel("Portrait")).toHaveValue("");

  // Chosen from the library: the form gets its address, shows it, and has the focus back.
  await choose.click();
  await library.getByLabel("Search by file name or alt text").fill(`li-wei-${tag}`);
  await library.getByRole("button", { name: new RegExp(`li-wei-${tag}\\.png`) }).click();
  await library.getByRole("button", { name: "Use as portrait" }).click();
  await expect(library).toBeHidden();
  await expect(choose).toBeFocused();
  await expect(form.getByLabel("Portrait")).toHaveValue(`/media/${sha256(first)}/480.webp`);
  await expect(form.getByTestId("portrait-preview")).toHaveAttribute("src", `/media/${sha256(first)}/480.webp`);

  // Or uploaded there and then, which replaces the choice.
  const second = await picture(800, 1000);
  await choose.click();
  await expect(library).toBeVisible();
  const uploadChooser = page.waitForEvent("filechooser");
  await library.getByRole("button", { name: "Upload a picture…" }).click();
  await (await uploadChooser).setFiles({ name: `li-wei-new-${tag}.png`, mimeType: "image/png", buffer: second });
  await expect(library.getByText(`li-wei-new-${tag}.png · 800×1000`)).toBeVisible();
  await library.getByLabel("Search by file name or alt text").fill(`li-wei-new-${tag}`);
  await expect(library.getByRole("button", { name: new RegExp(`li-wei-new-${tag}\\.png`) })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portrait-library.png` });
  await library.getByRole("button", { name: "Use as portrait" }).click();
  await expect(library).toBeHidden();
  await expect(choose).toBeFocused();
  const portrait = `/media/${sha256(second)}/480.webp`;
  await expect(form.getByLabel("Portrait")).toHaveValue(portrait);
  await page.screenshot({ path: `${SHOTS}/speaker-form-with-portrait.png` });

  await form.getByRole("button", { name: "Insert speaker card" }).click();
  await expect(form).toHaveCount(0);
  const photo = body.locator(".speaker-card img.speaker-photo");
  await expect(photo).toHaveAttribute("src", portrait);
  await expect(photo).toHaveAttribute("alt", "Portrait of Li Wei");
  await expect.poll(() => photo.evaluate(loaded)).toBe(true);

  // Saved and reloaded, the card keeps its portrait, and the picture is served.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  const stored = withDb((db) => (db.prepare("SELECT body FROM stories WHERE id = ?").get(storyId) as { body: string }).body);
  expect(stored).toContain(portrait);
  await page.reload();
  await expect(photo).toHaveAttribute("src", portrait);
  await expect.poll(() => photo.evaluate(loaded)).toBe(true);
  // The card's words count too: "Li Wei, Director, LMEC: Rivers connect us." beside the sentence.
  await expect(page.getByTestId("saved-length")).toHaveText("11 words · 1 min read");
  await page.screenshot({ path: `${SHOTS}/speaker-card-saved.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test("the reader's story page gives the reading time beside the byline", async ({ page }) => {
  const story = "/issues/issue-13-2022/second-working-group-meeting-2022";
  const text = withDb(
    (db) =>
      (db.prepare("SELECT plain_text AS t FROM published_stories WHERE slug = ?").get("second-working-group-meeting-2022") as { t: string }).t,
  );
  const minutes = readingMinutes(text);
  expect(minutes).toBeGreaterThan(0);
  await page.goto(story);
  await expect(page.getByTestId("reading-time")).toHaveText(` · ${minutes} min read`);
  await expect(page.getByText(/^By .+ · \d+ min read$/)).toBeVisible();
});
