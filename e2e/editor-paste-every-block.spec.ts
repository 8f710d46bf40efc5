import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { picture } from "./support/pictures";
import { pageAs, uniqueIssueNumber } from "./support/session";
import { approve, issueOf, saveAndSubmit } from "./support/workflow";

/**
 * Issue 7: every block type by paste, the way in that editor-every-control.spec.ts covers
 * only for some blocks. From another page: H2–H4, a line break, marks, links, lists, a
 * quote, a divider, a table with a header row and one of our images. From another story
 * in this editor: all of those plus the speaker card and an image's alt, caption and credit.
 * From a published story on the reader site, copied by the browser itself: the image.
 */

type EditorElement = HTMLElement & { editor: { getJSON(): unknown; commands: { setContent(content: unknown): boolean } } };
interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: JsonNode[];
  text?: string;
}

const MEDIA_ID = "e".repeat(64);
const IMAGE_SRC = `/media/${MEDIA_ID}/960.webp`;
const PORTRAIT_SRC = `/media/${"f".repeat(64)}/480.webp`;

const editorJson = (page: Page) =>
  page.locator(".ProseMirror").evaluate((el) => JSON.parse(JSON.stringify((el as EditorElement).editor.getJSON())) as JsonNode);

const storedBody = (storyId: string): JsonNode =>
  withDb((db) => JSON.parse((db.prepare("SELECT body FROM stories WHERE id = ?").get(storyId) as { body: string }).body) as JsonNode);

/** The blocks of a document without empty paragraphs at either end (a paste may leave one to type into). */
const blocks = (doc: JsonNode) => {
  const content = [...(doc.content ?? [])];
  const empty = (node?: JsonNode) => node?.type === "paragraph" && !node.content?.length;
  while (empty(content[0])) content.shift();
  while (empty(content[content.length - 1])) content.pop();
  return content;
};

/** Every node type, heading level and mark in a document. */
function kinds(node: JsonNode, found = new Set<string>()): Set<string> {
  found.add(node.type === "heading" ? `heading ${String(node.attrs?.level)}` : node.type);
  for (const mark of node.marks ?? []) found.add(`mark ${mark.type}`);
  for (const child of node.content ?? []) kinds(child, found);
  return found;
}

async function newStory(page: Page, label: string): Promise<string> {
  await page.goto("/studio/stories/new");
  const title = `${label} ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** Delivers a paste the way the browser does: text/html and text/plain on a ClipboardEvent. */
async function paste(page: Page, data: { html: string; text: string }): Promise<void> {
  await page.locator(".ProseMirror").evaluate((el, { html, text }) => {
    const clipboard = new DataTransfer();
    clipboard.setData("text/html", html);
    clipboard.setData("text/plain", text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, data);
}

async function saveAndReload(page: Page, storyId: string): Promise<JsonNode> {
  const held = await editorJson(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  expect(storedBody(storyId)).toEqual(held);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Story text" })).toContainText("The end.");
  expect(await editorJson(page)).toEqual(held);
  return held;
}

test("each block pasted from another page lands as that block and survives save and reload", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const storyId = await newStory(page, "Pasted blocks");
  const body = page.getByRole("textbox", { name: "Story text" });
  await body.click();
  await paste(page, {
    html:
      '<meta charset="utf-8"><h2 style="color:#123">Pasted heading</h2><h3 class="x">Pasted subheading</h3><h4>Pasted minor heading</h4>' +
      "<h5>Pasted fifth level</h5>" +
      "<p>First line<br>second line</p>" +
      '<p><b>bold</b> <i>italic</i> <u>underlined</u> <s>struck</s> <a href="https://lmec.example/pasted" target="_blank">web link</a> ' +
      '<a href="mailto:desk@lmec.example">mail link</a></p>' +
      '<ul><li>pasted bullet</li></ul><ol start="3"><li>pasted number</li></ol><blockquote><p>pasted quote</p></blockquote><hr>' +
      "<table><thead><tr><th>Country</th><th>Delegates</th></tr></thead><tbody><tr><td>Laos</td><td>4</td></tr></tbody></table>" +
      `<p>Our photo: <img src="${IMAGE_SRC}" alt="Delegates in Kratie" width="1600" height="900"></p>` +
      "<p>The end.</p>",
    text: "Pasted heading\n…\nThe end.",
  });

  for (const [selector, text] of [
    ["h2", "Pasted heading"],
    ["h3", "Pasted subheading"],
    ["strong", "bold"],
    ["em", "italic"],
    ["u", "underlined"],
    ["s", "struck"],
    ['a[href="https://lmec.example/pasted"]:not([target])', "web link"],
    ['a[href="mailto:desk@lmec.example"]', "mail link"],
    ["ul > li", "pasted bullet"],
    ['ol[start="3"] > li', "pasted number"],
    ["blockquote > p", "pasted quote"],
  ] as const) {
    await expect(body.locator(selector), selector).toHaveText(text);
  }
  // Levels past H4 become H4: a story has three levels under its title.
  await expect(body.locator("h4")).toHaveText(["Pasted minor heading", "Pasted fifth level"]);
  await expect(body.locator("p:has(br:not(.ProseMirror-trailingBreak))")).toHaveText("First linesecond line");
  await expect(body.locator("hr")).toHaveCount(1);
  await expect(body.locator("table tr").first().locator("th")).toHaveText(["Country", "Delegates"]);
  await expect(body.locator("table td")).toHaveText(["Laos", "4"]);
  const img = body.locator("figure.story-image > img");
  await expect(img).toHaveAttribute("src", IMAGE_SRC);
  await expect(img).toHaveAttribute("alt", "Delegates in Kratie");
  await expect(img).toHaveAttribute("width", "1600");

  const held = await saveAndReload(page, storyId);
  expect([...kinds(held)].sort()).toEqual(
    [
      "doc", "paragraph", "text", "heading 2", "heading 3", "heading 4", "hardBreak", "bulletList", "orderedList", "listItem",
      "blockquote", "horizontalRule", "table", "tableRow", "tableHeader", "tableCell", "image",
      "mark bold", "mark italic", "mark underline", "mark strike", "mark link",
    ].sort(),
  );
  expect(errors).toEqual([]);
});

test("copying a whole story and pasting it into another keeps every block, speaker card and image details included", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const text = (value: string, marks?: object[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
  const p = (...content: object[]) => ({ type: "paragraph", content });
  const cell = (type: string, value: string) => ({ type, content: [p(text(value))] });
  const source = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [text("Heading two")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Heading three")] },
      { type: "heading", attrs: { level: 4 }, content: [text("Heading four")] },
      p(
        text("bold", [{ type: "bold" }]),
        text(" "),
        text("italic", [{ type: "italic" }]),
        text(" "),
        text("under", [{ type: "underline" }]),
        text(" "),
        text("struck", [{ type: "strike" }]),
        text(" "),
        text("site", [{ type: "link", attrs: { href: "https://lmec.example/" } }]),
        { type: "hardBreak" },
        text("after the break"),
      ),
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("bullet"))] }] },
      { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("number"))] }] },
      { type: "blockquote", content: [p(text("quoted"))] },
      { type: "horizontalRule" },
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Country"), cell("tableHeader", "Delegates")] },
          { type: "tableRow", content: [cell("tableCell", "Laos"), cell("tableCell", "4")] },
        ],
      },
      { type: "image", attrs: { src: IMAGE_SRC, mediaId: MEDIA_ID, alt: "Delegates at the table", caption: "In Kratie.", credit: "Photo: LMEC", width: 1600, height: 900 } },
      { type: "speakerCard", attrs: { name: "Li Wei", title: "Director, LMEC", quote: "Rivers connect us.", photo: PORTRAIT_SRC } },
      p(text("The end.")),
    ],
  };

  // The story copied from.
  await newStory(page, "Copied from");
  const from = page.getByRole("textbox", { name: "Story text" });
  await from.click();
  await page.locator(".ProseMirror").evaluate((el, doc) => (el as EditorElement).editor.commands.setContent(doc), source);
  await expect(from.locator(".speaker-card .speaker-name")).toHaveText("Li Wei");
  const original = await editorJson(page);
  expect(kinds(original).size).toBe(kinds(source as JsonNode).size);
  await from.focus();
  await page.keyboard.press("Control+a");
  // The browser's copy: ProseMirror puts its own HTML and text on the event's clipboard.
  const copied = await page.locator(".ProseMirror").evaluate((el) => {
    const clipboard = new DataTransfer();
    el.dispatchEvent(new ClipboardEvent("copy", { clipboardData: clipboard, bubbles: true, cancelable: true }));
    return { html: clipboard.getData("text/html"), text: clipboard.getData("text/plain") };
  });
  expect(copied.html).toContain("data-pm-slice");
  expect(copied.html).toContain("data-speaker-card");

  // The story pasted into.
  const storyId = await newStory(page, "Pasted into");
  await page.getByRole("textbox", { name: "Story text" }).click();
  await paste(page, copied);
  const to = page.getByRole("textbox", { name: "Story text" });
  await expect(to.locator(".speaker-card .speaker-name")).toHaveText("Li Wei");
  await expect(to.locator(".speaker-card .speaker-title")).toHaveText("Director, LMEC");
  await expect(to.locator(".speaker-card img.speaker-photo")).toHaveAttribute("src", PORTRAIT_SRC);
  await expect(to.locator("figure.story-image > figcaption")).toHaveText("In Kratie. Photo: LMEC");
  await expect(to.locator("figure.story-image > img")).toHaveAttribute("alt", "Delegates at the table");
  expect(blocks(await editorJson(page))).toEqual(blocks(original));

  const held = await saveAndReload(page, storyId);
  expect(blocks(held)).toEqual(blocks(original));
  expect(errors).toEqual([]);
});

test("an image copied from a published story on the reader site pastes as that image, not as a missing picture", async ({ browser, baseURL }) => {
  // A story through review and publishing, then a copy on the reader site.
  test.slow();
  const number = uniqueIssueNumber();
  const author = await pageAs(browser, "contributor");
  const errors: string[] = [];
  author.on("pageerror", (error) => errors.push(error.message));
  await newStory(author, "Published with a photo");
  const title = (await author.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const storyUrl = author.url();
  const storyId = new URL(storyUrl).pathname.split("/").pop() ?? "";
  const uploaded = await author.request.post("/api/media", {
    multipart: { file: { name: "kunming.png", mimeType: "image/png", buffer: await picture("png", 640, 480) }, storyId },
  });
  expect(uploaded.status()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const src = `/media/${id}/960.webp`;
  const body = author.getByRole("textbox", { name: "Story text" });
  await body.click();
  await author.locator(".ProseMirror").evaluate(
    (el, { src, id }) =>
      (el as EditorElement).editor.commands.setContent({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "Delegates met in Kunming." }] },
          { type: "image", attrs: { src, mediaId: id, alt: "Delegates around a table", caption: "In Kunming.", credit: "Photo: LMEC", width: 640, height: 480 } },
          { type: "paragraph", content: [{ type: "text", text: "The end" }] },
        ],
      }),
    { src, id },
  );
  await author.keyboard.press("Control+End");
  await author.keyboard.type(".");
  await saveAndSubmit(author);
  await approve(browser, storyUrl);
  await issueOf(browser, { number, year: 2035, titles: [title] });

  // The reader selects the story and copies it with the keyboard: the browser writes the HTML.
  const readerContext = await browser.newContext();
  await readerContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const reader = await readerContext.newPage();
  await reader.goto(`/issues/issue-${number}-2035`);
  await reader.getByRole("link", { name: title }).click();
  await expect(reader.locator(".story-body figure.story-image img")).toHaveAttribute("src", src);
  await reader.locator(".story-body").evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  await reader.keyboard.press("Control+c");
  const readClipboard = () =>
    reader.evaluate(async () => {
      const item = (await navigator.clipboard.read()).find((one) => one.types.includes("text/html"));
      return { html: item ? await (await item.getType("text/html")).text() : "", text: await navigator.clipboard.readText() };
    });
  // The browser writes the clipboard on its own time; it wrote the image's address out in full.
  await expect.poll(async () => (await readClipboard()).html).toContain(`${new URL(baseURL ?? "").origin}${src}`);
  const copied = await readClipboard();

  // Pasted into another story: our image, with its alt text, and no "not pasted" notice.
  const pastedId = await newStory(author, "Pasted from the reader");
  await author.getByRole("textbox", { name: "Story text" }).click();
  await paste(author, copied);
  const to = author.getByRole("textbox", { name: "Story text" });
  await expect(to.locator("figure.story-image > img")).toHaveAttribute("src", src);
  await expect(to.locator("figure.story-image > img")).toHaveAttribute("alt", "Delegates around a table");
  await expect(to).toContainText("Delegates met in Kunming.");
  await expect(to).toContainText("In Kunming.");
  await expect(author.getByRole("status").filter({ hasText: "not pasted" })).toHaveCount(0);
  await author.getByRole("button", { name: "Save", exact: true }).click();
  await expect(author.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  expect(blocks(storedBody(pastedId)).filter((node) => node.type === "image").map((node) => node.attrs?.mediaId)).toEqual([id]);
  expect(errors).toEqual([]);
  await readerContext.close();
});
