import { expect, test, type Browser, type Page } from "@playwright/test";
import { bumpSessionVersion, createTestUser, setUserStatus, type TestUser } from "./support/db";

const SESSION_ENDED = "Your session has ended. Please sign in again.";

async function signInAs(page: Page, user: Pick<TestUser, "email" | "password">): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh user of our own (never a shared demo account), signed in in its own context. */
async function signedInFreshUser(browser: Browser): Promise<{ user: TestUser; page: Page }> {
  const user = await createTestUser("contributor");
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, user);
  await expect(page).toHaveURL(/\/studio\/stories/);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
  return { user, page };
}

async function expectSentToSignIn(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
  await expect(page.getByText(SESSION_ENDED)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
}

test("a deactivated account's session ends on its next request, and it cannot sign in again", async ({ browser }) => {
  const { user, page } = await signedInFreshUser(browser);

  setUserStatus(user.id, "deactivated");

  // The cookie is still there; the very next request refuses it.
  await page.getByRole("link", { name: "New story" }).click();
  await expectSentToSignIn(page);

  // A full page load of any studio page is refused too.
  await page.goto("/studio/stories");
  await expectSentToSignIn(page);

  // The right password no longer opens a session, and the answer reveals nothing.
  await signInAs(page, user);
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/studio/stories");
  await expectSentToSignIn(page);
});

test("bumping the session version ends existing sessions; signing in again works", async ({ browser }) => {
  const { user, page } = await signedInFreshUser(browser);

  bumpSessionVersion(user.id);

  await page.reload();
  await expectSentToSignIn(page);

  // Still an active account: a new sign-in picks up the new version and works.
  await signInAs(page, user);
  await expect(page).toHaveURL(/\/studio\/stories/);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
  await page.getByRole("link", { name: "New story" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New story" })).toBeVisible();
});
