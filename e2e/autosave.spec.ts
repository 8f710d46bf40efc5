import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page, type Request, type Route } from "@playwright/test";
import { withDb } from "./support/db";
import { pageAs } from "./support/session";

/**
 * Autosave never loses a word: it saves on its own, says honestly what is saved, survives a
 * slow server, a crash, going offline and someone else saving the same story.
 */

const SAVED_AT = /^Saved at \d{2}:\d{2}$/;

interface Node {
  text?: string;
  content?: Node[];
}
const textOf = (node: Node): string => node.text ?? (node.content ?? []).map(textOf).join("\n");

/** The story's stored text, one line per paragraph. */
const storedText = (storyId: string): string =>
  withDb((db) => {
    const row = db.prepare("SELECT body FROM stories WHERE id = ?").get(storyId) as { body: string } | undefined;
    if (!row) throw new Error(`no story ${storyId}`);
    return textOf(JSON.parse(row.body) as Node);
  });

const isSave = (request: Request) => request.method() === "PUT" && new URL(request.url()).pathname.startsWith("/api/stories/");

async function newStory(page: Page): Promise<{ url: string; id: string }> {
  await page.goto("/studio/stories/new");
  const title = `Autosave ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return { url: page.url(), id: new URL(page.url()).pathname.split("/").pop() ?? "" };
}

const body = (page: Page) => page.getByRole("textbox", { name: "Story text" });
const saveState = (page: Page) => page.getByTestId("save-state");

/** Holds every save request until release() is called; `held` counts them. */
async function holdSaves(page: Page) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: Request[] = [];
  const handler = async (route: Route) => {
    if (!isSave(route.request())) return route.continue();
    held.push(route.request());
    await gate;
    await route.continue().catch(() => undefined);
  };
  await page.route("**/api/stories/**", handler);
  return {
    held,
    release: async () => {
      release();
      await page.unroute("**/api/stories/**", handler);
    },
  };
}

test("saves on its own a moment after typing stops, without remounting the editor", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const story = await newStory(page);
  await expect(saveState(page)).toHaveText("All changes saved");
  // A mark on the editor's DOM node: a remount would replace the node and lose it.
  await body(page).evaluate((el) => el.setAttribute("data-mounted-once", "yes"));
  await body(page).click();
  await page.keyboard.type("Autosaved words.");
  await expect(saveState(page)).toHaveText(SAVED_AT);
  await page.locator('[aria-label="Save and workflow"]').screenshot({ path: "/tmp/autosave-status-saved.png" });
  expect(storedText(story.id)).toBe("Autosaved words.");
  await expect(body(page)).toHaveAttribute("data-mounted-once", "yes");
  // The cursor stayed where it was: typing on continues the sentence.
  await page.keyboard.type(" More.");
  await expect(saveState(page)).toHaveText(SAVED_AT);
  expect(storedText(story.id)).toBe("Autosaved words. More.");

  await page.reload();
  await expect(body(page)).toHaveText("Autosaved words. More.");
  await expect(page.getByTestId("restore-offer")).toHaveCount(0);
});

test("text typed during a slow save is not marked saved, and goes with the next save", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const story = await newStory(page);
  const saves = await holdSaves(page);
  await body(page).click();
  await page.keyboard.type("Before the save.");
  await expect.poll(() => saves.held.length).toBe(1);
  await expect(saveState(page)).toHaveText("Saving…");
  await page.keyboard.type(" During the save.");
  await saves.release();

  // The first save only carried the first sentence: the status says so, and so does the store.
  await expect(saveState(page)).toHaveText("Unsaved changes");
  expect(storedText(story.id)).toBe("Before the save.");
  await expect(saveState(page)).toHaveText(SAVED_AT);
  expect(storedText(story.id)).toBe("Before the save. During the save.");
  expect(saves.held[0]?.postData()).not.toContain("During");
});

test("after a crash with a save blocked, the browser's copy is offered back and restored", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const story = await newStory(page);
  // Refused, not held: Chromium resumes a held request when its page closes.
  let blocked = 0;
  await page.route("**/api/stories/**", (route) => (isSave(route.request()) ? (blocked++, route.abort()) : route.continue()));
  await body(page).click();
  await page.keyboard.type("Words the server never got.");
  await expect.poll(() => blocked).toBeGreaterThan(0);
  await expect
    .poll(() => page.evaluate((id) => localStorage.getItem(`newsletter-studio:unsaved-story:${id}`) ?? "", story.id))
    .toContain("Words the server never got.");

  // Leaving through an in-app link asks first; staying keeps the text.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "← Stories" }).click();
  expect(asked).toContain("not saved");
  await expect(page).toHaveURL(story.url);

  await page.close({ runBeforeUnload: false });
  expect(storedText(story.id)).toBe("");

  const again = await page.context().newPage();
  await again.goto(story.url);
  const offer = again.getByTestId("restore-offer");
  await expect(offer).toContainText("never saved");
  await offer.screenshot({ path: "/tmp/autosave-restore-offer.png" });
  await offer.getByRole("button", { name: "Restore" }).click();
  await expect(body(again)).toHaveText("Words the server never got.");
  await expect(saveState(again)).toHaveText(SAVED_AT);
  expect(storedText(story.id)).toBe("Words the server never got.");
  await again.reload();
  await expect(again.getByTestId("restore-offer")).toHaveCount(0);
});

test("offline: the status says so, and the text is saved when the network is back", async ({ browser }) => {
  const page = await pageAs(browser, "contributor");
  const story = await newStory(page);
  await body(page).click();
  await page.context().setOffline(true);
  await page.keyboard.type("Written on a train.");
  await expect(saveState(page)).toHaveText("Offline — will retry");
  await page.locator('[aria-label="Save and workflow"]').screenshot({ path: "/tmp/autosave-status-offline.png" });
  expect(storedText(story.id)).toBe("");
  await page.context().setOffline(false);
  await expect(saveState(page)).toHaveText(SAVED_AT);
  expect(storedText(story.id)).toBe("Written on a train.");
});

/**
 * The contributor and an editor open the same story; the contributor saves first, so the
 * editor's save meets a conflict and the side-by-side screen.
 */
async function conflict(browser: Browser) {
  const author = await pageAs(browser, "contributor");
  const story = await newStory(author);
  await body(author).click();
  await author.keyboard.type("Shared opening.");
  await expect.poll(() => storedText(story.id)).toBe("Shared opening.");
  await expect(saveState(author)).toHaveText(SAVED_AT);

  const editor = await pageAs(browser, "editor");
  await editor.goto(story.url);
  await expect(body(editor)).toHaveText("Shared opening.");

  await author.keyboard.press("Enter");
  await author.keyboard.type("Alpha added this.");
  // The status may still read "Saved at" from the first save: wait for the stored text itself.
  await expect.poll(() => storedText(story.id)).toBe("Shared opening.\nAlpha added this.");
  await expect(saveState(author)).toHaveText(SAVED_AT);

  await body(editor).click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type("Bravo added this.");
  const screen = editor.getByTestId("conflict");
  await expect(screen).toBeVisible();
  await expect(saveState(editor)).toHaveText("Conflict: someone else saved this story");
  // The stored text is still the author's: nothing was overwritten.
  expect(storedText(story.id)).toBe("Shared opening.\nAlpha added this.");
  const part = screen.getByTestId("conflict-part");
  await expect(part).toHaveCount(1);
  await expect(part.locator('[data-side="mine"] mark[data-change="mine"]')).toHaveText("Bravo");
  await expect(part.locator('[data-side="theirs"] mark[data-change="theirs"]')).toHaveText("Alpha");
  return { story, editor, screen };
}

test("a conflicting save shows both versions; keep mine saves over the other", async ({ browser }) => {
  const { story, editor, screen } = await conflict(browser);
  await screen.screenshot({ path: "/tmp/autosave-conflict.png" });
  await screen.getByRole("button", { name: "Keep mine" }).click();
  await expect(screen).toHaveCount(0);
  await expect(saveState(editor)).toHaveText(SAVED_AT);
  expect(storedText(story.id)).toBe("Shared opening.\nBravo added this.");
});

test("a conflicting save shows both versions; take theirs replaces mine and editing goes on", async ({ browser }) => {
  const { story, editor, screen } = await conflict(browser);
  await screen.getByRole("button", { name: "Take theirs" }).click();
  await expect(screen).toHaveCount(0);
  await expect(body(editor)).toHaveText("Shared opening.Alpha added this.");
  await expect(saveState(editor)).toHaveText(SAVED_AT);
  expect(storedText(story.id)).toBe("Shared opening.\nAlpha added this.");
  // Now based on the stored version: the next save goes through.
  await body(editor).click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.type(" Later.");
  await expect(saveState(editor)).toHaveText(SAVED_AT);
  await expect.poll(() => storedText(story.id)).toBe("Shared opening.\nAlpha added this. Later.");
});

test("a conflicting save shows both versions; parts are copied across as chosen", async ({ browser }) => {
  const { story, editor, screen } = await conflict(browser);
  await screen.getByTestId("conflict-part").getByLabel("Both (mine first)").check();
  await screen.getByRole("button", { name: "Save my choices" }).click();
  await expect(screen).toHaveCount(0);
  await expect(saveState(editor)).toHaveText(SAVED_AT);
  await expect.poll(() => storedText(story.id)).toBe("Shared opening.\nBravo added this.\nAlpha added this.");
  await expect(body(editor)).toHaveText("Shared opening.Bravo added this.Alpha added this.");
});
