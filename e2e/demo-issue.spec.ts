import { expect, test, type Locator } from "@playwright/test";

const LEAD_STORY = "/issues/issue-13-2022/second-working-group-meeting-2022";
const MEDIA = /^\/media\/[0-9a-f]{64}\/(480|960|1600)\.webp$/;

/** The image as the browser has it: loaded or not, its pixel size, and where it came from. */
async function loaded(img: Locator) {
  await img.scrollIntoViewIfNeeded(); // the story image is loading="lazy"
  await img.evaluate((el: HTMLImageElement) => el.decode());
  return img.evaluate((el: HTMLImageElement) => ({
    complete: el.complete,
    naturalWidth: el.naturalWidth,
    naturalHeight: el.naturalHeight,
    path: new URL(el.currentSrc).pathname,
  }));
}

test("the demo lead story shows its meeting illustration and every speaker's portrait, served from /media", async ({ page }, testInfo) => {
  const media: { path: string; status: number; type: string | null }[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith("/media/")) media.push({ path, status: response.status(), type: response.headers()["content-type"] ?? null });
  });
  await page.goto(LEAD_STORY);
  await expect(page.getByRole("heading", { level: 1, name: /Second Working-Group Meeting/ })).toBeVisible();
  const body = page.locator(".story-body");

  // The illustration opens the story, with its alt text, caption and credit.
  const figure = body.locator("> figure.story-image");
  await expect(figure).toHaveCount(1);
  await expect(body.locator("> *").first()).toHaveClass("story-image");
  const illustration = figure.locator("img");
  await expect(illustration).toHaveAttribute("alt", /online meeting/);
  await expect(illustration).toHaveAttribute("srcset", /480w, .+ 960w, .+ 1600w$/);
  await expect(figure.locator("figcaption")).toContainText("met online on 29 September 2022");
  await expect(figure.locator(".credit")).toHaveText("Illustration: Newsletter Studio demo");
  const picture = await loaded(illustration);
  expect(picture.complete).toBe(true);
  expect(picture.naturalWidth).toBeGreaterThan(0);
  // 16:9 at whichever width the browser picked from the srcset.
  expect(picture.naturalWidth * 9).toBe(picture.naturalHeight * 16);
  expect(picture.path).toMatch(MEDIA);

  // Seven speaker cards, each with a portrait of its own, none falling back to initials.
  const portraits = body.locator(".speaker-card img.speaker-photo");
  await expect(portraits).toHaveCount(7);
  await expect(body.locator(".speaker-initials")).toHaveCount(0);
  const paths = new Set<string>();
  for (const portrait of await portraits.all()) {
    await expect(portrait).toHaveAttribute("alt", /^Portrait of /);
    const shown = await loaded(portrait);
    expect(shown).toMatchObject({ complete: true, naturalWidth: 480, naturalHeight: 480 });
    expect(shown.path).toMatch(MEDIA);
    paths.add(shown.path);
    const box = await portrait.boundingBox();
    expect(box?.width).toBeGreaterThan(40);
  }
  expect(paths.size).toBe(7);

  // Every image came from our media route, as WebP.
  expect(media.length).toBeGreaterThanOrEqual(8);
  for (const response of media) expect(response, response.path).toMatchObject({ status: 200, type: "image/webp" });

  await page.evaluate(() => window.scrollTo(0, 0));
  const path = testInfo.outputPath("demo-lead-story.png");
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach("demo lead story", { path, contentType: "image/png" });
});
