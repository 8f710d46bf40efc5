import { createHash, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { withDb } from "./support/db";
import { pageAs, uniqueIssueNumber } from "./support/session";
import { approve, issueOf, saveAndSubmit } from "./support/workflow";

/** A generated picture (never a committed photo); each call gives new bytes. */
async function picture(format: "jpeg" | "png", width = 1200, height = 800): Promise<Buffer> {
  const colour = () => Math.floor(Math.random() * 256);
  return sharp({ create: { width, height, channels: 3, background: { r: colour(), g: colour(), b: colour() } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="white"/></svg>`) }])
    [format]()
    .toBuffer();
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

/** Delivers files to the editor the way the browser does for a drop or a paste. */
async function sendFiles(page: Page, kind: "drop" | "paste", files: { name: string; type: string; bytes: Buffer }[]) {
  const box = await page.locator(".ProseMirror").boundingBox();
  if (!box) throw new Error("no editor on the page");
  await page.locator(".ProseMirror").evaluate(
    (el, { kind, files, x, y }) => {
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const event =
        kind === "paste"
          ? new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent("drop", { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true });
      el.dispatchEvent(event);
    },
    {
      kind,
      files: files.map((file) => ({ name: file.name, type: file.type, base64: file.bytes.toString("base64") })),
      x: box.x + box.width / 2,
      y: box.y + box.height - 8,
    },
  );
}

const mediaRows = (id: string) =>
  withDb((db) => (db.prepare("SELECT count(*) AS n FROM media WHERE id = ?").get(id) as { n: number }).n);

test("images go in by button, drop, paste and the library, and reach the reader with a srcset", async ({ browser }) => {
  test.slow();
  const title = `Media ${randomUUID().slice(0, 8)}`;
  const number = uniqueIssueNumber();
  const page = await pageAs(browser, "contributor");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/studio/stories/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and start writing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const storyUrl = page.url();
  const body = page.getByRole("textbox", { name: "Story text" });
  const figures = body.locator("figure.story-image img");
  const tool = (name: string) => page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name, exact: true });
  await body.click();
  await page.keyboard.type("Delegates met in Kunming.");

  // The Image button opens a file picker; the upload shows its progress while it travels.
  const river = await picture("jpeg", 2000, 1200);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/media", async (route) => {
    await held;
    await route.continue();
  });
  const chooser = page.waitForEvent("filechooser");
  await tool("Image").click();
  await (await chooser).setFiles({ name: "river.jpg", mimeType: "image/jpeg", buffer: river });
  await expect(page.getByRole("progressbar", { name: "Uploading river.jpg" })).toBeVisible();
  release();
  await expect(figures).toHaveCount(1);
  await page.unroute("**/api/media");
  await expect(figures.first()).toHaveAttribute("src", `/media/${sha256(river)}/960.webp`);
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  // A drop, and a paste of an image with no text beside it.
  const dropped = await picture("png", 800, 600);
  await sendFiles(page, "drop", [{ name: "dropped.png", type: "image/png", bytes: dropped }]);
  await expect(figures).toHaveCount(2);
  const pasted = await picture("png", 640, 480);
  await sendFiles(page, "paste", [{ name: "image.png", type: "image/png", bytes: pasted }]);
  await expect(figures).toHaveCount(3);

  // An SVG is refused, and says why; nothing is inserted.
  const svgChooser = page.waitForEvent("filechooser");
  await tool("Image").click();
  await (await svgChooser).setFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: SVG });
  await expect(page.getByRole("alert").filter({ hasText: "SVG images are not accepted" })).toBeVisible();
  await expect(figures).toHaveCount(3);

  // The same photo uploaded again is stored once.
  await sendFiles(page, "drop", [{ name: "river-again.jpg", type: "image/jpeg", bytes: river }]);
  await expect(figures).toHaveCount(4);
  expect(mediaRows(sha256(river))).toBe(1);

  // Submitting is refused while images lack alt text, naming them; the editor lists them too.
  const missing = page.getByRole("region", { name: "Images without alt text" });
  await expect(missing.getByRole("textbox")).toHaveCount(4);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved at \d{2}:\d{2}$/);
  await expect(missing.getByLabel("Alt text for “river.jpg”")).toHaveCount(2);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("form-error")).toContainText("“river.jpg”");
  await expect(page.getByTestId("form-error")).toContainText("“dropped.png”");

  // The library: search, edit the alt text, insert.
  await tool("Media library").click();
  const dialog = page.getByRole("dialog", { name: "Media library" });
  await dialog.getByLabel("Search by file name or alt text").fill("dropped");
  await expect(dialog.getByRole("list", { name: "Uploaded images" }).getByRole("listitem")).toHaveCount(1);
  await dialog.getByRole("button", { name: /dropped\.png/ }).click();
  await dialog.getByLabel("Alt text", { exact: true }).fill("A white sun over a green field");
  await dialog.getByLabel("Caption", { exact: true }).fill("The field trip");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Details saved.");
  await dialog.getByLabel("Search by file name or alt text").fill("white sun");
  await expect(dialog.getByRole("button", { name: /dropped\.png/ })).toBeVisible();
  await dialog.screenshot({ path: "/tmp/media-library-dialog.png" });
  await dialog.getByRole("button", { name: "Insert image" }).click();
  await expect(dialog).toBeHidden();
  await expect(figures).toHaveCount(5);
  await expect(body.locator('figure.story-image img[alt="A white sun over a green field"]')).toHaveCount(1);

  // The rest get their alt text in the editor.
  for (let left = 4; left > 0; left--) {
    await missing.getByRole("textbox").first().fill(`Picture number ${left}`);
    await missing.getByRole("button", { name: "Set alt text" }).first().click();
  }
  await expect(missing).toBeHidden();
  await page.screenshot({ path: "/tmp/media-editor.png", fullPage: true });

  await saveAndSubmit(page);

  // Approve, publish, read.
  await approve(browser, storyUrl);
  await issueOf(browser, { number, year: 2033, titles: [title] });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/issues/issue-${number}-2033`);
  await reader.getByRole("link", { name: title }).click();
  const id = sha256(river);
  const image = reader.locator(`.story-body figure.story-image img[src="/media/${id}/960.webp"]`).first();
  await expect(image).toHaveAttribute("srcset", `/media/${id}/480.webp 480w, /media/${id}/960.webp 960w, /media/${id}/1600.webp 1600w`);
  await expect(image).toHaveAttribute("sizes", /.+/);
  await expect(image).toHaveAttribute("alt", /^Picture number \d$/);
  await expect(reader.locator('.story-body figure.story-image:has(img[alt="A white sun over a green field"]) figcaption')).toHaveText("The field trip");
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const variant = await reader.request.get(`/media/${id}/1600.webp`);
  expect(variant.status()).toBe(200);
  expect(variant.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(variant.headers()["content-type"]).toBe("image/webp");
  expect((await sharp(await variant.body()).metadata()).width).toBe(1600);
  expect(errors).toEqual([]);
});

test("the upload route refuses without a session, and refuses text, disguised and oversized files", async ({ browser, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const png = await picture("png", 32, 32);
  const signedOut = await anonymous.post("/api/media", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: png } } });
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toEqual({ error: expect.stringContaining("signed out") });

  const page = await pageAs(browser, "contributor");
  const upload = (name: string, mimeType: string, buffer: Buffer) =>
    page.request.post("/api/media", { multipart: { file: { name, mimeType, buffer } } });

  const text = await upload("photo.png", "image/png", Buffer.from("Minutes of the meeting, not a picture."));
  expect(text.status()).toBe(415);
  expect((await text.json()).error).toContain("not a JPEG, PNG, WebP or GIF");

  const disguised = await upload("animation.gif", "image/gif", await picture("jpeg", 40, 40));
  expect(disguised.status()).toBe(415);
  expect((await disguised.json()).error).toContain("really a JPEG");

  const huge = Buffer.alloc(11 * 1024 * 1024);
  (await picture("jpeg", 16, 16)).copy(huge);
  const tooBig = await upload("big.jpg", "image/jpeg", huge);
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error).toContain("10 MB");

  const noFile = await page.request.post("/api/media", { multipart: { alt: "no file" } });
  expect(noFile.status()).toBe(400);
  expect((await noFile.json()).error).toBe("Choose an image file to upload.");

  const first = await upload("ok.png", "image/png", png);
  const again = await upload("ok-copy.png", "image/png", png);
  expect([first.status(), again.status()]).toEqual([201, 200]);
  expect((await again.json()).id).toBe(sha256(png));
  expect((await page.request.get(`/media/${sha256(png)}/720.webp`)).status()).toBe(404);
  await anonymous.dispose();
});
