// Screenshots of every page, to look at what was built: `npx tsx scripts/screenshots.ts`
// against a running app (BASE_URL, default http://127.0.0.1:3100) with DEMO_PASSWORD set.
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { resolveChromium } from "../e2e/support/chromium";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3100";
const password = process.env.DEMO_PASSWORD ?? "demo-password-1";
const out = process.env.OUT_DIR ?? "screenshots";
mkdirSync(out, { recursive: true });

const choice = await resolveChromium();
console.log(`browser: ${choice.description}`);
const browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, env: choice.env });

async function shot(page: Page, name: string, path: string) {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${name}: ${path}`);
}

async function signedIn(role: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(`${role}@example.org`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/studio\/stories/);
  return page;
}

const reader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await shot(reader, "reader-home", "/");
await shot(reader, "reader-archive", "/issues");
const storyHref = await reader.goto(`${base}/`).then(() => reader.locator("section h2 a").first().getAttribute("href"));
await shot(reader, "reader-story", storyHref ?? "/");
await shot(reader, "reader-404", "/issues/nope");
await shot(reader, "signin", "/signin");
const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
await shot(phone, "reader-home-phone", "/");

const editor = await signedIn("editor");
await shot(editor, "studio-stories", "/studio/stories?scope=all");
await shot(editor, "studio-new-story", "/studio/stories/new");
await editor.goto(`${base}/studio/stories?scope=all`);
const storyLink = await editor.locator("tbody a").first().getAttribute("href");
await shot(editor, "studio-editor", storyLink ?? "/studio/stories");
await shot(editor, "studio-issues", "/studio/issues");
await editor.goto(`${base}/studio/issues`);
const issueLink = await editor.locator("tbody a").first().getAttribute("href");
await shot(editor, "studio-issue", issueLink ?? "/studio/issues");
const admin = await signedIn("admin");
await admin.goto(`${base}/studio/people`);
await admin.getByLabel("Email", { exact: true }).fill(`new.writer.${Date.now()}@example.org`);
await admin.getByLabel("Name", { exact: true }).fill("New Writer");
await admin.getByRole("button", { name: "Invite", exact: true }).click();
await admin.getByText("Invitation link created").waitFor();
await admin.screenshot({ path: `${out}/studio-people-invited.png`, fullPage: true });
const invitation = await admin.locator('[data-testid="one-time-link"]').inputValue();
await shot(admin, "studio-audit", "/studio/audit");
await shot(admin, "studio-profile", "/studio/profile");
await admin.getByLabel("New password").fill("password1234");
await admin.screenshot({ path: `${out}/studio-profile-weak-password.png`, fullPage: true });
const guest = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await shot(guest, "invitation", new URL(invitation).pathname);
await shot(guest, "invitation-bad", "/invitation/not-a-real-token");
await shot(guest, "forgot-password", "/forgot-password");
const contributor = await signedIn("contributor");
await shot(contributor, "studio-forbidden", "/studio/issues");
const reviewer = await signedIn("reviewer");
await shot(reviewer, "studio-review", "/studio/review");

await browser.close();
