import { expect, test } from "@playwright/test";
import { freshPage, signInWith } from "./support/accounts";
import { createTestUser } from "./support/db";

test("signing out ends the session on the server: a kept copy of the cookie is signed out too", async ({ browser }) => {
  const user = await createTestUser("contributor");
  const page = await freshPage(browser);
  await signInWith(page, user.email, user.password);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);

  // Someone copies the cookie into another browser: it works there, as long as the session lasts.
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const copied = await copy.newPage();
  await copied.goto("/studio/stories");
  await expect(copied.getByTestId("current-user")).toHaveText(user.name);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out-by-you$/);

  // The copy is now worth nothing: the session it names is gone from the server.
  await copied.goto("/studio/stories");
  await expect(copied).toHaveURL(/\/signin\?reason=signed-out$/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const response = await replay.request.get("/studio/stories", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/signin\?reason=signed-out$/);
});
