import { expect, test } from "@playwright/test";
import { freshPage, submitSignIn } from "./support/accounts";
import { createTestUser } from "./support/db";

// Five failed sign-ins for one account close it for 15 minutes (lib/auth/throttle.ts). Each of
// them also counts towards 127.0.0.1's limit of 20 per run: this file spends exactly five.
const THROTTLED = /^Too many failed sign-ins\. Try again in (a minute|\d+ minutes)\.$/;

test("five wrong passwords lock the account: the form says when to retry, the endpoint answers 429", async ({ browser }) => {
  const user = await createTestUser("contributor");
  const page = await freshPage(browser);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, user.email, `wrong-${attempt}-${user.password}`);
    await expect(page.getByTestId("form-error"), `attempt ${attempt}`).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/signin/);
  }

  // The sixth attempt is refused even with the right password, and the message says when to retry.
  await submitSignIn(page, user.email, user.password);
  await expect(page.getByTestId("form-error")).toHaveText(THROTTLED);
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/studio/stories");
  await expect(page).toHaveURL(/\/signin/);

  // A script posting to the Auth.js endpoint gets a real 429 with Retry-After.
  const api = (await browser.newContext()).request;
  const csrf = await api.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(429);
  const retryAfter = response.headers()["retry-after"];
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(900);
  expect(await response.text()).toMatch(/Too many failed sign-ins\. Try again in (a minute|\d+ minutes)\./);
});
