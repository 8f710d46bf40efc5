import { randomUUID } from "node:crypto";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { withDb, type TestUserRole } from "./db";
import { linkIn, mailsTo, type SinkMail } from "./mail-sink";

/** A unique, lower-case address that no other test (or rerun) uses. */
export const uniqueEmail = (prefix = "x") => `${prefix}-${randomUUID()}@example.org`;

/** A password the server's strength rules accept (random words, so never a common one). */
export const strongPassword = () => `Quiet harbor ${randomUUID().slice(0, 8)} lantern`;

/** A new browser context (own cookies) and a page in it. */
export async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Submits the sign-in form; the caller asserts the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the studio. */
export async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/studio\/stories/);
}

/** The People page filtered to one account (the list is paged and sorted by name). */
export async function openPersonRow(admin: Page, email: string): Promise<Locator> {
  await admin.goto(`/studio/people?q=${encodeURIComponent(email)}`);
  const row = admin.locator(`tr[data-person="${email}"]`);
  await expect(row).toBeVisible();
  return row;
}

/** Everything a browser without JavaScript would POST for this form. */
export async function fieldsOf(form: Locator): Promise<Record<string, string>> {
  return form.evaluate((el) => {
    const out: Record<string, string> = {};
    new FormData(el as HTMLFormElement).forEach((value, key) => {
      out[key] = String(value);
    });
    return out;
  });
}

export interface DbUser {
  id: string;
  email: string;
  name: string;
  role: TestUserRole;
  status: "active" | "invited" | "deactivated";
  session_version: number;
}

export function userByEmail(email: string): DbUser | undefined {
  return withDb(
    (db) =>
      db.prepare("SELECT id, email, name, role, status, session_version FROM users WHERE email = ?").get(email.toLowerCase()) as
        | DbUser
        | undefined,
  );
}

/** Waits for a mail to `address` (the sink stores it before the app's send resolves) and returns it. */
export async function waitForMail(address: string, count = 1): Promise<SinkMail> {
  await expect.poll(() => mailsTo(address).length, { message: `mail #${count} to ${address}` }).toBeGreaterThanOrEqual(count);
  return mailsTo(address)[count - 1]!;
}

export const linkOf = linkIn;

/** React escapes apostrophes in server-rendered HTML. */
export const unescapeHtml = (html: string) =>
  html.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
