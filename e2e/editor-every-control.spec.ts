import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { pageAs, uniqueIssueNumber } from "./support/session";
import { approve, issueOf } from "./support/workflow";

/**
 * Every control of the story editor — toolbar buttons, their keyboard shortcuts, the
 * markdown input rules, paste — goes through save, reload, review and publish to the
 * reader's HTML. A control added to the editor joins this test.
 */

type EditorElement = HTMLElement & {
  editor: { getJSON(): unknown; chain(): { focus(): { insertContent(content: unknown): { run(): boolean } } } };
};

/**
 * Two images of the demo issue's media library (its widest picture and a portrait), read
 * when a test needs them. Real ones: the published issue shows them on the reader, where
 * its archive card uses the picture as the issue's cover, and other specs check that no
 * reader page asks for a missing file.
 */
let demoMedia: { imageId: string; portraitId: string } | undefined;
function media() {
  demoMedia ??= withDb((db) => {
    const widest = db.prepare("SELECT id FROM media ORDER BY width DESC, id LIMIT 1").get() as { id: string } | undefined;
    const narrowest = db.prepare("SELECT id FROM media ORDER BY width ASC, id LIMIT 1").get() as { id: string } | undefined;
    if (!widest || !narrowest) throw new Error("the demo media are missing");
    return { imageId: widest.id, portraitId: narrowest.id };
  });
  const { imageId, portraitId } = demoMedia;
  return { MEDIA_ID: imageId, IMAGE_SRC: `/media/${imageId}/960.webp`, PORTRAIT_SRC: `/media/${portraitId}/480.webp` };
}

/** The document the editor holds, as plain JSON. */
const editorJson = (page: Page) =>
  page.locator(".ProseMirror").evaluate((el) => JSON.parse(JSON.stringify((el as EditorElement).editor.getJSON())) as unknown);

const storedBody = (storyId: string) =>
  withDb((db) => {
    const row = db.prepare("SELECT body FROM stories WHERE id = ?").get(storyId) as { body: string } | undefined;
    if (!row) throw new Error(`no story ${storyId}`);
    return JSON.parse(row.body) as unknown;
  });

/** Pastes `html` where the cursor is, the way a browser delivers a paste to the editor. */
async function pasteHtml(page: Page, html: string, text: string): Promise<void> {
  await page.locator(".ProseMirror").evaluate(
    (el, data) => {
      const clipboard = new DataTransfer();
      clipboard.setData("text/html", data.html);
      clipboard.setData("text/plain", data.text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** A full-page screenshot kept with the test's output, to look at. */
async function shot(page: Page, name: string): Promise<string> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** What each control must have produced: one element matching the selector with exactly this text. */
const ELEMENTS: Array<{ control: string; selector: string; text: string }> = [
  // Toolbar buttons, with the mouse.
  { control: "Heading button", selector: "h2", text: "Toolbar heading" },
  { control: "paragraph after a heading", selector: "p", text: "A sentence under the heading." },
  { control: "Subheading button", selector: "h3", text: "Toolbar subheading" },
  { control: "Minor heading button", selector: "h4", text: "Toolbar minor heading" },
  { control: "Paragraph button (from a heading)", selector: "p", text: "Back to a paragraph" },
  { control: "Line break button", selector: "p:has(br:not(.ProseMirror-trailingBreak))", text: "before the button breakafter the button break" },
  { control: "Bold button", selector: "strong", text: "bold" },
  { control: "Italic button", selector: "em", text: "italic" },
  { control: "Underline button", selector: "u", text: "underlined" },
  { control: "Strikethrough button", selector: "s", text: "struck" },
  { control: "Link button", selector: 'a[href="https://lmec.example/site"]', text: "LMEC site" },
  { control: "Shift+Enter line break", selector: "p:has(br:not(.ProseMirror-trailingBreak))", text: "Marks: bold italic underlined struck LMEC siteafter a line break" },
  { control: "Bulleted list button", selector: "ul > li", text: "toolbar bullet" },
  { control: "Numbered list button", selector: "ol > li", text: "toolbar number" },
  { control: "Quote button", selector: "blockquote > p", text: "toolbar quote" },
  { control: "Divider button", selector: "hr + p", text: "after the toolbar divider" },
  // The shortcuts the toolbar advertises.
  { control: "Ctrl+Alt+2", selector: "h2", text: "Shortcut heading" },
  { control: "Ctrl+Alt+3", selector: "h3", text: "Shortcut subheading" },
  { control: "Ctrl+Alt+4", selector: "h4", text: "Shortcut minor heading" },
  { control: "Ctrl+Alt+0 (from a heading)", selector: "p", text: "kb paragraph" },
  { control: "Ctrl+K link popover", selector: 'a[href="mailto:desk@lmec.example"]', text: "write to us" },
  { control: "Ctrl+B", selector: "strong", text: "kb bold" },
  { control: "Ctrl+I", selector: "em", text: "kb italic" },
  { control: "Ctrl+U", selector: "u", text: "kb underlined" },
  { control: "Ctrl+Shift+S", selector: "s", text: "kb struck" },
  { control: "Ctrl+Shift+8", selector: "ul > li", text: "kb bullet" },
  { control: "Ctrl+Shift+7", selector: "ol > li", text: "kb number" },
  { control: "Ctrl+Shift+B", selector: "blockquote > p", text: "kb quote" },
  // Markdown input rules.
  { control: "## ", selector: "h2", text: "Markdown heading" },
  { control: "### ", selector: "h3", text: "Markdown subheading" },
  { control: "#### ", selector: "h4", text: "Markdown minor heading" },
  { control: "- ", selector: "ul > li", text: "dash bullet" },
  { control: "+ ", selector: "ul > li", text: "plus bullet" },
  { control: "* ", selector: "ul > li", text: "star bullet" },
  { control: "1. ", selector: "ol:not([start]) > li", text: "markdown number" },
  { control: "3. ", selector: 'ol[start="3"] > li', text: "starts at three" },
  { control: "> ", selector: "blockquote > p", text: "markdown quote" },
  { control: "**bold**", selector: "strong", text: "star bold" },
  { control: "__bold__", selector: "strong", text: "underscore bold" },
  { control: "*italic*", selector: "em", text: "star italic" },
  { control: "_italic_", selector: "em", text: "underscore italic" },
  { control: "~~strike~~", selector: "s", text: "tilde strike" },
  { control: "---", selector: "hr + p", text: "after dashes" },
  { control: "___ ", selector: "hr + p", text: "after underscores" },
  { control: "*** ", selector: "hr + p", text: "after stars" },
  { control: "typed web address (autolink)", selector: 'a[href="https://lmec.example/auto"]', text: "https://lmec.example/auto" },
  // Forms and menus.
  { control: "Speaker card form: name", selector: ".speaker-card .speaker-name", text: "Li Wei" },
  { control: "Speaker card form: title, edited", selector: ".speaker-card .speaker-title", text: "Director, LMEC Secretariat" },
  { control: "Speaker card form: quote", selector: ".speaker-card .speaker-quote > p", text: "Rivers connect us." },
  { control: "Image form: caption and credit", selector: "figure.story-image > figcaption", text: "Delegates in Kratie. Photo: LMEC" },
  { control: "Image form: credit", selector: "figure.story-image > figcaption > span.credit", text: "Photo: LMEC" },
  // Paste.
  { control: "pasted link", selector: 'a[href="https://lmec.example/pasted"]', text: "pasted link" },
];

/** Checks every element of ELEMENTS inside `root` (the editor or the reader's story body). */
async function expectEveryElement(root: Locator): Promise<void> {
  const { MEDIA_ID, IMAGE_SRC, PORTRAIT_SRC } = media();
  for (const { control, selector, text } of ELEMENTS) {
    await expect(root.locator(selector).filter({ hasText: exactly(text) }), `${control} → ${selector} "${text}"`).toHaveCount(1);
  }
  await expect(root.locator("hr"), "four dividers: the button and three input rules").toHaveCount(4);
  const table = root.locator("table");
  await expect(table, "one table from the table menu").toHaveCount(1);
  await expect(table.locator("tr").first().locator("th"), "header row").toHaveText(["Country", "Delegates", "Observers"]);
  await expect(table.locator("td"), "body cells after adding and deleting rows and columns").toHaveText(["Laos", "4", "1", "Thailand", "6", "2"]);
  const img = root.locator("figure.story-image > img");
  await expect(img).toHaveCount(1);
  await expect(img).toHaveAttribute("src", IMAGE_SRC);
  await expect(img).toHaveAttribute("srcset", `/media/${MEDIA_ID}/480.webp 480w, ${IMAGE_SRC} 960w, /media/${MEDIA_ID}/1600.webp 1600w`);
  await expect(img).toHaveAttribute("sizes", /42rem/);
  await expect(img).toHaveAttribute("alt", "Delegates around a long table in Kratie");
  await expect(img).toHaveAttribute("width", "1600");
  await expect(img).toHaveAttribute("loading", "lazy");
  await expect(root.locator(".speaker-card img.speaker-photo")).toHaveAttribute("src", PORTRAIT_SRC);
}

test("every toolbar button, shortcut, input rule and paste survives save, reload, review and publish", async ({ browser }, testInfo) => {
  const { IMAGE_SRC, PORTRAIT_SRC } = media();
  // A few hundred keystrokes, then a journey through four people: longer than one newsroom step.
  test.slow();
  const title = `Every control ${randomUUID().slice(0, 8)}`;
  const number = uniqueIssueNumber();
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const storyUrl = page.url();
  const storyId = new URL(storyUrl).pathname.split("/").pop() ?? "";
  const body = page.getByRole("textbox", { name: "Story text" });
  const saveState = page.getByTestId("save-state");
  const kb = page.keyboard;
  const tool = (name: string) => page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name, exact: true });
  const typeLine = async (text: string) => {
    await kb.type(text);
    await kb.press("Enter");
  };
  /** A list item or quote, then out of it with a second Enter on the empty line. */
  const typeAndLeave = async (text: string) => {
    await typeLine(text);
    await kb.press("Enter");
  };

  // The report in issue 6: H2, a heading, Enter, a sentence, Save.
  await body.click();
  await tool("Heading").click();
  await typeLine("Toolbar heading");
  await kb.type("A sentence under the heading.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(saveState).toHaveText(/^Saved at \d{2}:\d{2}$/);
  await expect(page.getByTestId("form-error")).toHaveCount(0);

  // Toolbar buttons.
  await body.focus();
  await kb.press("Control+End");
  await kb.press("Enter");
  await tool("Subheading").click();
  await typeLine("Toolbar subheading");
  await kb.type("Marks: ");
  for (const [button, text] of [
    ["Bold", "bold"],
    ["Italic", "italic"],
    ["Underline", "underlined"],
    ["Strikethrough", "struck"],
  ] as const) {
    await tool(button).click();
    await expect(tool(button)).toHaveAttribute("aria-pressed", "true");
    await kb.type(text);
    await tool(button).click();
    await kb.type(" ");
  }
  await kb.type("LMEC site");
  for (let i = 0; i < "LMEC site".length; i++) await kb.press("Shift+ArrowLeft");
  await tool("Link").click();
  await page.getByRole("dialog", { name: "Link" }).getByLabel("Link address").fill("https://lmec.example/site");
  await page.getByRole("button", { name: "Apply link" }).click();
  await expect(page.getByRole("dialog", { name: "Link" })).toHaveCount(0);
  await expect(body).toBeFocused();
  await expect(tool("Link")).toHaveAttribute("aria-pressed", "true");
  await kb.press("End");
  await kb.press("Shift+Enter");
  await typeLine("after a line break");
  await tool("Minor heading").click();
  await typeLine("Toolbar minor heading");
  await tool("Heading").click();
  await kb.type("Back to a paragraph");
  await tool("Paragraph").click();
  await expect(tool("Paragraph")).toHaveAttribute("aria-pressed", "true");
  await kb.press("Enter");
  await kb.type("before the button break");
  await tool("Line break").click();
  await typeLine("after the button break");
  await tool("Bulleted list").click();
  await typeAndLeave("toolbar bullet");
  await tool("Numbered list").click();
  await typeAndLeave("toolbar number");
  await tool("Quote").click();
  await typeAndLeave("toolbar quote");
  await tool("Divider").click();
  await typeLine("after the toolbar divider");

  // The shortcuts the toolbar advertises, each checked against the button's own claim.
  // A keyboard sends the lower-case letter; with Shift, Playwright makes it upper case as a keyboard would.
  const press = (keys: string) => kb.press(keys.replace("Ctrl", "Control").replace(/[A-Z]$/, (c) => c.toLowerCase()));
  const advertised = async (button: string, keys: string) => {
    await expect(tool(button)).toHaveAttribute("aria-keyshortcuts", keys.replace("Ctrl", "Control"));
    await expect(tool(button)).toHaveAttribute("title", `${button} (${keys})`);
    await press(keys);
  };
  await advertised("Heading", "Ctrl+Alt+2");
  await typeLine("Shortcut heading");
  await advertised("Subheading", "Ctrl+Alt+3");
  await typeLine("Shortcut subheading");
  await advertised("Minor heading", "Ctrl+Alt+4");
  await typeLine("Shortcut minor heading");
  await press("Ctrl+Alt+2");
  await kb.type("kb paragraph");
  await advertised("Paragraph", "Ctrl+Alt+0");
  await kb.press("Enter");
  // Ctrl+K opens the link popover; an address that could run script is refused there.
  await kb.type("Desk: write to us");
  for (let i = 0; i < "write to us".length; i++) await kb.press("Shift+ArrowLeft");
  await expect(tool("Link")).toHaveAttribute("aria-keyshortcuts", "Control+K");
  await press("Ctrl+K");
  const linkDialog = page.getByRole("dialog", { name: "Link" });
  await linkDialog.getByLabel("Link address").fill("javascript:alert(1)");
  await kb.press("Enter");
  await expect(linkDialog.getByText("Use a web address (https://…), an email (mailto:…) or a path on this site (/…).")).toBeVisible();
  await testInfo.attach("link popover", { path: await shot(page, "link-popover") });
  await linkDialog.getByLabel("Link address").fill("mailto:desk@lmec.example");
  await kb.press("Enter");
  await expect(linkDialog).toHaveCount(0);
  await expect(body).toBeFocused();
  await kb.press("End");
  await kb.press("Enter");
  for (const [button, keys, text] of [
    ["Bold", "Ctrl+B", "kb bold"],
    ["Italic", "Ctrl+I", "kb italic"],
    ["Underline", "Ctrl+U", "kb underlined"],
    ["Strikethrough", "Ctrl+Shift+S", "kb struck"],
  ] as const) {
    await advertised(button, keys);
    await kb.type(text);
    await press(keys);
    await kb.type(" ");
  }
  await kb.press("Enter");
  await advertised("Bulleted list", "Ctrl+Shift+8");
  await typeAndLeave("kb bullet");
  await advertised("Numbered list", "Ctrl+Shift+7");
  await typeAndLeave("kb number");
  await advertised("Quote", "Ctrl+Shift+B");
  await typeAndLeave("kb quote");

  // Markdown input rules.
  await typeLine("## Markdown heading");
  await typeLine("### Markdown subheading");
  await typeLine("#### Markdown minor heading");
  await typeAndLeave("- dash bullet");
  await kb.type("a paragraph between lists");
  await kb.press("Enter");
  await typeAndLeave("+ plus bullet");
  await kb.type("another paragraph");
  await kb.press("Enter");
  await typeAndLeave("* star bullet");
  await typeAndLeave("1. markdown number");
  await typeAndLeave("3. starts at three");
  await typeAndLeave("> markdown quote");
  await typeLine("**star bold** __underscore bold__ *star italic* _underscore italic_ ~~tilde strike~~ end of marks");
  await kb.type("---");
  await typeLine("after dashes");
  await kb.type("___ ");
  await typeLine("after underscores");
  await kb.type("*** ");
  await typeLine("after stars");
  await kb.type("Autolink: https://lmec.example/auto and more.");
  await kb.press("Enter");

  // A link pasted from another page keeps only its address.
  await pasteHtml(
    page,
    '<p>Pasted: <a href="https://lmec.example/pasted" target="_blank" class="x" title="A title">pasted link</a> end.</p>',
    "Pasted: pasted link end.",
  );

  // The table menu: insert, fill by Tab, then every row, column and header change.
  await body.focus();
  await kb.press("Control+End");
  await tool("Table").click();
  await page.getByRole("button", { name: "Insert table" }).click();
  await expect(body).toBeFocused();
  for (const cell of ["Country", "Delegates", "Spare", "Laos", "4", "x", "Cambodia", "5", "y"]) {
    await kb.type(cell);
    await kb.press("Tab");
  }
  await expect(body.locator("table tr")).toHaveCount(4);
  await body.locator("table tr").nth(2).locator("td").nth(2).click();
  const tableMenu = page.getByRole("dialog", { name: "Table" });
  const tableAction = async (name: string, rows: number, columns: number) => {
    if ((await tableMenu.count()) === 0) await tool("Table").click();
    await tableMenu.getByRole("button", { name, exact: true }).click();
    await expect(body.locator("table tr"), `${name}: rows`).toHaveCount(rows);
    await expect(body.locator("table tr").first().locator("th, td"), `${name}: columns`).toHaveCount(columns);
  };
  await tableAction("Delete column", 4, 2);
  await testInfo.attach("table menu", { path: await shot(page, "table-menu") });
  await tableAction("Delete row", 3, 2);
  await tableAction("Add row below", 4, 2);
  await tableAction("Add row above", 5, 2);
  await tableAction("Delete row", 4, 2);
  await tableAction("Add column left", 4, 3);
  await tableAction("Delete column", 4, 2);
  await tableAction("Add column right", 4, 3);
  await tableAction("Header row on/off", 4, 3);
  await expect(body.locator("table th")).toHaveCount(0);
  await tableAction("Header row on/off", 4, 3);
  await expect(body.locator("table tr").first().locator("th")).toHaveCount(3);
  await kb.press("Escape");
  await expect(body).toBeFocused();
  // Whatever the changes left in each cell, the table ends as a header row and two rows.
  const setCell = async (row: number, column: number, text: string) => {
    await body.locator("table tr").nth(row).locator("th, td").nth(column).click();
    await kb.press("End");
    await kb.press("Shift+Home");
    await kb.type(text);
  };
  for (const [row, cells] of [["Country", "Delegates", "Observers"], ["Laos", "4", "1"], ["Thailand", "6", "2"]].entries()) {
    for (const [column, text] of cells.entries()) await setCell(row, column, text);
  }
  await body.locator("table tr").nth(3).locator("td").first().click();
  await tableAction("Delete row", 3, 3);
  await kb.press("Escape");

  // The speaker card form: a portrait that is not ours is refused, then the card is inserted and edited.
  await expect(body).toBeFocused();
  await kb.press("Control+End");
  await tool("Speaker card").click();
  const speakerForm = page.getByRole("dialog", { name: "Speaker card" });
  await speakerForm.getByLabel("Name").fill("Li Wei");
  await speakerForm.getByLabel("Title").fill("Director, LMEC");
  await speakerForm.getByLabel("Quote").fill("Rivers connect us.");
  await speakerForm.getByLabel("Portrait").fill("https://elsewhere.example/face.jpg");
  await speakerForm.getByRole("button", { name: "Insert speaker card" }).click();
  await expect(speakerForm.getByText("Use an image from the media library (/media/…).")).toBeVisible();
  await testInfo.attach("speaker card form", { path: await shot(page, "speaker-form") });
  await speakerForm.getByLabel("Portrait").fill(PORTRAIT_SRC);
  await speakerForm.getByRole("button", { name: "Insert speaker card" }).click();
  await expect(speakerForm).toHaveCount(0);
  await expect(body).toBeFocused();
  await expect(body.locator(".speaker-card .speaker-name")).toHaveText("Li Wei");
  await body.locator(".speaker-card .speaker-quote").click();
  await tool("Speaker card").click();
  await expect(speakerForm.getByLabel("Name")).toHaveValue("Li Wei");
  await speakerForm.getByLabel("Title").fill("Director, LMEC Secretariat");
  await speakerForm.getByRole("button", { name: "Update speaker card" }).click();
  await expect(body.locator(".speaker-card")).toHaveCount(1);
  await expect(body.locator(".speaker-card .speaker-title")).toHaveText("Director, LMEC Secretariat");
  await expect(body).toBeFocused();

  // An image as the media library inserts it, then its alt text, caption and credit in the image form.
  await kb.press("Control+End");
  // The card must no longer be selected, or the image would replace it.
  await expect(body.locator(".ProseMirror-selectednode")).toHaveCount(0);
  await expect(tool("Image details")).toBeDisabled();
  await page.locator(".ProseMirror").evaluate(
    (el, src) => {
      const id = src.split("/")[2];
      (el as EditorElement).editor
        .chain()
        .focus()
        .insertContent({ type: "image", attrs: { src, mediaId: id, alt: "", caption: "", credit: "", width: 1600, height: 900 } })
        .run();
    },
    IMAGE_SRC,
  );
  await body.locator("figure.story-image").click();
  await tool("Image details").click();
  const imageForm = page.getByRole("dialog", { name: "Image details" });
  await imageForm.getByLabel("Alt text").fill("Delegates around a long table in Kratie");
  await imageForm.getByLabel("Caption").fill("Delegates in Kratie.");
  await imageForm.getByLabel("Credit").fill("Photo: LMEC");
  await testInfo.attach("image form", { path: await shot(page, "image-form") });
  await imageForm.getByRole("button", { name: "Save image details" }).click();
  await expect(imageForm).toHaveCount(0);
  await expect(body).toBeFocused();
  await kb.press("Control+End");
  await expect(body.locator(".ProseMirror-selectednode")).toHaveCount(0);

  // Undo and redo, by button and by shortcut: each undo changes the text, each redo restores it.
  // An empty style attribute is left behind by ProseMirror's own DOM updates (a table's
  // column widths, a selected node); it is not part of the content.
  const editorHtml = async () => (await page.locator(".ProseMirror").innerHTML()).replaceAll(' style=""', "");
  const full = await editorHtml();
  for (const [undo, redo] of [
    [() => tool("Undo").click(), () => tool("Redo").click()],
    [() => advertised("Undo", "Ctrl+Z"), () => advertised("Redo", "Ctrl+Shift+Z")],
  ] as const) {
    await undo();
    await expect.poll(editorHtml).not.toBe(full);
    await redo();
    await expect.poll(editorHtml).toBe(full);
  }

  await expectEveryElement(body);
  await testInfo.attach("editor with every control", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // Save with the keyboard; what is stored is what the editor holds, and a reload shows it again.
  const held = await editorJson(page);
  await kb.press("Control+s");
  await expect(saveState).toHaveText(/^Saved at \d{2}:\d{2}$/);
  expect(storedBody(storyId)).toEqual(held);
  await page.reload();
  await expect(body).toContainText("after stars");
  expect(await editorJson(page)).toEqual(held);
  expect(await editorHtml()).toBe(full);
  await expectEveryElement(body);

  // Review and publish.
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("In review");
  await approve(browser, storyUrl);
  await issueOf(browser, { number, year: 2033, titles: [title] });

  // The anonymous reader gets every element, and links carry only href and our rel.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/issues/issue-${number}-2033`);
  await reader.getByRole("link", { name: title }).click();
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const story = reader.locator(".story-body");
  await expectEveryElement(story);
  const links = await story.locator("a").evaluateAll((els) => els.map((a) => a.getAttributeNames().sort().join(" ")));
  expect(links).toEqual(["href rel", "href rel", "href rel", "href rel"]);
  await testInfo.attach("reader", { path: await shot(reader, "reader") });
  await expect(story.locator("a").first()).toHaveAttribute("rel", "noopener noreferrer nofollow");
  expect(errors).toEqual([]);
});

test("pasting a form or a rich snippet never throws and keeps the text", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(`Paste ${randomUUID().slice(0, 8)}`);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  const body = page.getByRole("textbox", { name: "Story text" });
  await body.click();

  // Fields named like a form's own DOM properties shadow them: ProseMirror used to throw here.
  await pasteHtml(
    page,
    '<p>Before the form.</p><form action="/x"><input name="nodeName"><input name="childNodes"><input name="getAttribute">' +
      "<p>Inside the form.</p></form><p>After the form.</p>",
    "Before the form.\nInside the form.\nAfter the form.",
  );
  expect(errors).toEqual([]);
  await expect(body.locator("p")).toHaveText(["Before the form.", "Inside the form.", "After the form."]);
  await body.focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");

  // A snippet as a word processor copies it: the schema keeps what it knows and drops the rest.
  await pasteHtml(
    page,
    '<meta charset="utf-8"><h2 style="color:red">Pasted heading</h2><p class="MsoNormal" onclick="alert(1)"><b>strong</b> ' +
      '<i>slanted</i> <u>under</u> <s>gone</s> <a href="https://lmec.example/p" target="_blank" class="x">site</a></p>' +
      '<ol start="2"><li>second</li></ol><ul><li>dot</li></ul><blockquote><p>quoted</p></blockquote><hr>' +
      '<script>window.pasted = 1</script><img src="/x.png" onerror="window.pasted = 2"><table><tr><td>cell</td></tr></table>',
    "Pasted heading\nstrong slanted under gone site\nsecond\ndot\nquoted\ncell",
  );
  await expect(body.locator("h2")).toHaveText("Pasted heading");
  for (const [selector, text] of [
    ["strong", "strong"],
    ["em", "slanted"],
    ["u", "under"],
    ["s", "gone"],
    ['a[href="https://lmec.example/p"]:not([target]):not([class~="x"])', "site"],
    ['ol[start="2"] > li', "second"],
    ["ul > li", "dot"],
    ["blockquote > p", "quoted"],
  ] as const) {
    await expect(body.locator(selector)).toHaveText(text);
  }
  await expect(body.locator("hr")).toHaveCount(1);
  await expect(body.locator("img, script, [onclick]")).toHaveCount(0);
  await expect(body.locator("table td")).toHaveText("cell");
  expect(await page.evaluate(() => (window as Window & { pasted?: number }).pasted)).toBeUndefined();

  const held = await editorJson(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  await page.reload();
  await expect(body).toContainText("quoted");
  expect(await editorJson(page)).toEqual(held);
  expect(errors).toEqual([]);
});
