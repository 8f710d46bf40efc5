import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "e2e-demo-password";
export type DemoRole = "admin" | "editor" | "reviewer" | "contributor";

export async function signIn(page: Page, role: DemoRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(`${role}@example.org`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/studio\/stories/);
}

/** A separate browser context (own cookies) signed in as `role`. */
export async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

/** A unique issue number, so parallel tests and reruns never collide. */
export function uniqueIssueNumber(): number {
  return 1000 + Math.floor(Math.random() * 8000);
}
