import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

const ICONS: [string, RegExp][] = [
  ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
  ["/icon.svg", /^image\/svg\+xml/],
  ["/apple-touch-icon.png", /^image\/png/],
];

test("the favicon and app icons are served as images", async ({ request }) => {
  for (const [path, type] of ICONS) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
    expect((await response.body()).length, path).toBeGreaterThan(0);
  }
});

test("reader, sign-in and studio pages link those icons and ask for nothing that is missing", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") missing.push(message.text());
  });

  await page.goto("/");
  const linked = await page
    .locator('head link[rel~="icon"], head link[rel="apple-touch-icon"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  expect(linked.sort()).toEqual(ICONS.map(([path]) => path).sort());

  await page.goto("/issues");
  await signIn(page, "editor");
  expect(missing).toEqual([]);
});
