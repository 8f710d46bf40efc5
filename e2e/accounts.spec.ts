import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import {
  fieldsOf,
  freshPage,
  openPersonRow,
  signInWith,
  strongPassword,
  submitSignIn,
  unescapeHtml,
  uniqueEmail,
  userByEmail,
  waitForMail,
} from "./support/accounts";
import { createTestUser, type TestUser } from "./support/db";
import { linkIn, mailsTo } from "./support/mail-sink";
import { pageAs } from "./support/session";

const SESSION_ENDED = "Your session has ended. Please sign in again.";
const NEUTRAL_RESET_ANSWER =
  "If that address has an active account and mail is set up here, a reset link is on its way. No mail within a few minutes? Ask an admin for a reset link.";

/**
 * The single-use link an admin is shown after inviting or issuing a reset. The test id is the
 * contract (getByTestId("one-time-link")); it is checked softly so that one missing attribute
 * does not hide the rest of the journey, and the link is read through its label.
 */
async function shownLink(scope: Locator): Promise<string> {
  const byLabel = scope.getByLabel("Single-use link");
  await expect(byLabel).toBeVisible();
  const link = await byLabel.inputValue();
  expect(link).toMatch(/^https?:\/\/\S+\/(invitation|reset-password)\/[A-Za-z0-9_-]{43}$/);
  await expect.soft(scope.getByTestId("one-time-link"), 'the shown link has data-testid="one-time-link"').toHaveValue(link);
  return link;
}

/** Invites someone through the People page and returns the link shown to the admin. */
async function invite(admin: Page, email: string, name: string, role: "Contributor" | "Reviewer" | "Editor" | "Admin") {
  await admin.goto("/studio/people");
  const form = admin.getByRole("region", { name: "Invite someone" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation link created for ${email}. It was mailed to them`);
  return shownLink(form);
}

/** A fresh user of our own (never a demo account), signed in in its own browser context. */
async function signedIn(browser: Browser, user: Pick<TestUser, "email" | "password" | "name">): Promise<Page> {
  const page = await freshPage(browser);
  await signInWith(page, user.email, user.password);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
  return page;
}

async function expectSentToSignIn(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
  await expect(page.getByText(SESSION_ENDED)).toBeVisible();
}

const studioNav = (page: Page) => page.getByRole("navigation", { name: "Studio" });

// Every test opens several browser contexts of its own (one per person): close them all.
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

test("an admin invites someone; the link is shown and mailed, works once, and signs them in", async ({ browser }) => {
  const email = uniqueEmail("invitee");
  const name = `Invited ${email.slice(8, 16)}`;
  const admin = await pageAs(browser, "admin");
  const shown = await invite(admin, email, name, "Reviewer");

  // The very same link went out by mail.
  const mail = await waitForMail(email);
  expect(mail.subject).toContain("invited");
  expect(mail.text).toContain(`Hello ${name},`);
  expect(linkIn(mail)).toBe(shown);
  const invited = userByEmail(email);
  expect(invited?.status).toBe("invited");
  expect(invited?.role).toBe("reviewer");

  // The invitee, in a browser of their own, opens it.
  const invitee = await freshPage(browser);
  await invitee.goto(shown);
  await expect(invitee.getByRole("heading", { level: 1, name: "Welcome aboard" })).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();

  // A common password is refused, and nothing moves.
  await invitee.getByLabel("New password").fill("password1234");
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee.getByTestId("form-error")).toContainText(/common passwords|Too easy to guess/);
  await expect(invitee).toHaveURL(shown);
  expect(userByEmail(email)?.status).toBe("invited");

  // A strong one finishes the account and signs them in, as a reviewer.
  await invitee.getByLabel("New password").fill(strongPassword());
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(/\/studio\/stories/);
  await expect(invitee.getByTestId("current-user")).toHaveText(name);
  await expect(studioNav(invitee).getByRole("link", { name: "Review", exact: true })).toBeVisible();
  await expect(studioNav(invitee).getByRole("link", { name: "Issues", exact: true })).toHaveCount(0);
  expect(userByEmail(email)?.status).toBe("active");

  // The link is spent.
  const again = await freshPage(browser);
  await again.goto(shown);
  await expect(again.getByTestId("token-problem")).toHaveText("This link has already been used. Each link works once.");
  await expect(again.getByLabel("New password")).toHaveCount(0);

  // A link with one character changed is no link at all.
  const last = shown.at(-1);
  const tampered = `${shown.slice(0, -1)}${last === "A" ? "B" : "A"}`;
  await again.goto(tampered);
  await expect(again.getByTestId("token-problem")).toHaveText("This link is not valid. Check that you copied all of it.");
  await expect(again.getByLabel("New password")).toHaveCount(0);
});

test("deactivating someone ends their session on the next click; reactivating lets them back in", async ({ browser }) => {
  const user = await createTestUser("contributor");
  const b = await signedIn(browser, user);

  const admin = await pageAs(browser, "admin");
  const row = await openPersonRow(admin, user.email);
  await expect(row.locator("[data-status]")).toHaveText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.locator("[data-status]")).toHaveText("Deactivated");
  await expect.soft(row.getByText("Account deactivated. Their sessions have ended."), "the admin is told the account is deactivated").toBeVisible();
  expect(userByEmail(user.email)?.status).toBe("deactivated");

  // In B, the very next click is refused.
  await b.getByRole("link", { name: "New story" }).click();
  await expectSentToSignIn(b);

  // Reactivated: the same password opens a session again.
  const again = await openPersonRow(admin, user.email);
  await again.getByRole("button", { name: "Reactivate" }).click();
  await expect(again.locator("[data-status]")).toHaveText("Active");
  await expect.soft(again.getByText("Account reactivated."), "the admin is told the account is reactivated").toBeVisible();
  expect(userByEmail(user.email)?.status).toBe("active");
  await signInWith(b, user.email, user.password);
  await expect(b.getByTestId("current-user")).toHaveText(user.name);
});

test("a role change takes effect on the person's next request", async ({ browser }) => {
  const user = await createTestUser("contributor");
  const b = await signedIn(browser, user);
  await expect(studioNav(b).getByRole("link", { name: "Stories", exact: true })).toBeVisible();
  await expect(studioNav(b).getByRole("link", { name: "Issues", exact: true })).toHaveCount(0);
  expect((await b.goto("/studio/issues"))?.status()).toBe(403);

  const admin = await pageAs(browser, "admin");
  const row = await openPersonRow(admin, user.email);
  await row.getByLabel(`Role of ${user.name}`).selectOption({ label: "Editor" });
  await row.getByRole("button", { name: "Change" }).click();
  await expect(row.getByText("Role changed.")).toBeVisible();
  expect(userByEmail(user.email)?.role).toBe("editor");

  // No new sign-in needed: the same session now has the editor's pages.
  await b.goto("/studio/stories");
  await expect(studioNav(b).getByRole("link", { name: "Issues", exact: true })).toBeVisible();
  await studioNav(b).getByRole("link", { name: "Issues", exact: true }).click();
  await expect(b).toHaveURL(/\/studio\/issues$/);
  await expect(b.getByRole("heading", { level: 1, name: "Issues" })).toBeVisible();
  expect((await b.goto("/studio/issues"))?.status()).toBe(200);
});

test("an admin cannot change their own role: not offered, and refused by the server", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const adminId = userByEmail("admin@example.org")?.id;
  expect(adminId).toBeTruthy();

  const own = await openPersonRow(admin, "admin@example.org");
  await expect(own).toContainText("(you)");
  await expect(own.locator("select")).toHaveCount(0);
  await expect(own.getByRole("button", { name: "Change" })).toHaveCount(0);
  await expect(own.getByRole("button", { name: "Deactivate" })).toHaveCount(0);

  // Replay another row's role form with the admin's own id.
  const other = await createTestUser("contributor");
  const row = await openPersonRow(admin, other.email);
  const form = row.locator("form", { has: admin.locator('select[name="role"]') });
  const fields = await fieldsOf(form);
  expect(fields.userId).toBe(other.id);
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
  fields.userId = adminId!;
  fields.role = "contributor";

  const url = admin.url();
  const response = await admin.request.post(url, { multipart: fields, headers: { Origin: new URL(url).origin }, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);
  expect(unescapeHtml(await response.text())).toContain("You can't change your own role");
  expect(userByEmail("admin@example.org")?.role).toBe("admin");
  expect(userByEmail(other.email)?.role).toBe("contributor");

  // Still an admin, in the UI too.
  await admin.goto("/studio/people");
  await expect(studioNav(admin).getByRole("link", { name: "People", exact: true })).toBeVisible();
});

test("an admin's reset link (shown and mailed) sets a new password once; the old one stops working", async ({ browser }) => {
  const user = await createTestUser("contributor");
  const admin = await pageAs(browser, "admin");
  const row = await openPersonRow(admin, user.email);
  await row.getByRole("button", { name: "Password reset link" }).click();
  await expect(row.getByRole("status")).toContainText(`Password reset link created for ${user.email}. It was mailed to them`);
  const shown = await shownLink(row);
  expect(shown).toContain("/reset-password/");
  const mail = await waitForMail(user.email);
  expect(mail.subject).toBe("Reset your password");
  expect(linkIn(mail)).toBe(shown);

  const page = await freshPage(browser);
  await page.goto(shown);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  const newPassword = strongPassword();
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(page).toHaveURL(/\/studio\/stories/);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);

  // The old password is refused (one failed sign-in), the new one works.
  const other = await freshPage(browser);
  await submitSignIn(other, user.email, user.password);
  await expect(other.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await expect(other).toHaveURL(/\/signin/);
  await signInWith(other, user.email, newPassword);

  // The link is spent.
  const again = await freshPage(browser);
  await again.goto(shown);
  await expect(again.getByTestId("token-problem")).toHaveText("This link has already been used. Each link works once.");
  await expect(again.getByLabel("New password")).toHaveCount(0);
});

test("forgot password: the same neutral answer for known and unknown addresses; only the known one gets a link", async ({ browser }) => {
  const user = await createTestUser("contributor");
  const page = await freshPage(browser);
  await page.goto("/signin");
  await page.getByRole("link", { name: /Forgot (your )?password\?/ }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(NEUTRAL_RESET_ANSWER);

  const mail = await waitForMail(user.email);
  expect(mail.subject).toBe("Reset your password");
  const link = linkIn(mail);
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

  // The mailed link works.
  const reset = await freshPage(browser);
  await reset.goto(link);
  await expect(reset.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(reset.getByText(user.email)).toBeVisible();
  await reset.getByLabel("New password").fill(strongPassword());
  await reset.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(reset).toHaveURL(/\/studio\/stories/);
  await expect(reset.getByTestId("current-user")).toHaveText(user.name);

  // An unknown address: word for word the same answer, and no mail.
  const unknown = uniqueEmail("nobody");
  const second = await freshPage(browser);
  await second.goto("/forgot-password");
  await second.getByLabel("Email").fill(unknown);
  await second.getByRole("button", { name: "Send reset link" }).click();
  await expect(second.getByRole("status")).toHaveText(NEUTRAL_RESET_ANSWER);
  // The known address's mail arrived before its answer; give the unknown one the same chance.
  await second.waitForTimeout(1000);
  expect(mailsTo(unknown)).toHaveLength(0);
});

test("profile: a new name shows at once; a password change needs the current one and ends other sessions", async ({ browser }) => {
  const user = await createTestUser("contributor");
  const page = await signedIn(browser, user);
  const elsewhere = await signedIn(browser, user);

  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const newName = `Renamed ${user.name.slice(-8)}`;
  const nameForm = page.locator("form", { has: page.getByRole("button", { name: "Save profile" }) });
  await nameForm.getByLabel("Name").fill(newName);
  await nameForm.getByRole("button", { name: "Save profile" }).click();
  await expect(nameForm.getByRole("status")).toHaveText("Profile saved.");
  await expect(page.getByTestId("current-user")).toHaveText(newName);
  expect(userByEmail(user.email)?.name).toBe(newName);

  // A wrong current password: refused.
  const passwordForm = page.locator("form", { has: page.getByRole("button", { name: "Change password" }) });
  const newPassword = strongPassword();
  await passwordForm.getByLabel("Current password").fill(`not-${user.password}`);
  await passwordForm.getByLabel("New password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByTestId("form-error")).toHaveText("Your current password is not right.");

  // The right one: changed, and this browser stays signed in.
  const versionBefore = userByEmail(user.email)!.session_version;
  await passwordForm.getByLabel("Current password").fill(user.password);
  await passwordForm.getByLabel("New password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect
    .soft(page.getByText("Password changed. You were signed out everywhere else."), "the change is confirmed on the profile page")
    .toBeVisible();
  await expect.soft(page, "the person stays on their profile page").toHaveURL(/\/studio\/profile(\?password=changed)?$/);
  await expect.poll(() => userByEmail(user.email)?.session_version, "every session ended").toBe(versionBefore + 1);
  await page.goto("/studio/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(newName);
  await page.getByRole("link", { name: "Stories", exact: true }).click();
  await expect(page).toHaveURL(/\/studio\/stories$/);
  await expect(page.getByTestId("current-user")).toHaveText(newName);

  // The other browser's next click ends there.
  await elsewhere.getByRole("link", { name: "New story" }).click();
  await expectSentToSignIn(elsewhere);
  await signInWith(elsewhere, user.email, newPassword);
});

test("audit log: admins see account entries, editors only the workflow, contributors nothing", async ({ browser }) => {
  const email = uniqueEmail("audited");
  const admin = await pageAs(browser, "admin");
  await invite(admin, email, `Audited ${email.slice(8, 16)}`, "Contributor");

  await admin.goto("/studio/audit");
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await admin.getByLabel("Action").selectOption({ label: "Accounts (all)" });
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/[?&]action=user\./);
  const invited = admin.locator('tr[data-action="user.invited"]', { hasText: email });
  await expect(invited).toHaveCount(1);
  await expect(invited).toContainText(userByEmail("admin@example.org")!.name);
  await expect(invited).toContainText("role: contributor");
  // Only account entries under that filter.
  expect(await admin.locator("tbody tr[data-action]").count()).toBeGreaterThan(0);
  await expect(admin.locator('tbody tr[data-action]:not([data-action^="user."])')).toHaveCount(0);
  // Sign-ins are there for admins too.
  await admin.goto("/studio/audit?action=auth.");
  await expect(admin.locator('tr[data-action="auth.signed_in"]').first()).toBeVisible();

  // Editors: the workflow only, even when they ask for account entries by URL.
  const editor = await pageAs(browser, "editor");
  for (const url of ["/studio/audit", "/studio/audit?action=user.", "/studio/audit?action=auth."]) {
    const response = await editor.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(editor.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(editor.locator('tr[data-action^="user."]'), url).toHaveCount(0);
    await expect(editor.locator('tr[data-action^="auth."]'), url).toHaveCount(0);
  }
  await expect(editor.getByLabel("Action").locator("option", { hasText: "Accounts (all)" })).toHaveCount(0);

  const contributor = await pageAs(browser, "contributor");
  expect((await contributor.goto("/studio/audit"))?.status()).toBe(403);
  await expect(contributor.getByRole("heading", { level: 1, name: "Not for your role" })).toBeVisible();
});

test("admin pages are refused to everyone else, and so are the admin actions", async ({ browser }) => {
  for (const role of ["contributor", "reviewer", "editor"] as const) {
    const page = await pageAs(browser, role);
    const response = await page.goto("/studio/people");
    expect(response?.status(), role).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Not for your role" })).toBeVisible();
    await expect(studioNav(page).getByRole("link", { name: "People", exact: true })).toHaveCount(0);
  }

  // An editor replays the admin's invite form: refused, and nobody is created.
  const admin = await pageAs(browser, "admin");
  await admin.goto("/studio/people");
  const inviteForm = admin.getByRole("region", { name: "Invite someone" }).locator("form");
  const fields = await fieldsOf(inviteForm);
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
  const email = uniqueEmail("forbidden");
  Object.assign(fields, { email, name: "Never created", role: "admin" });

  const editor = await pageAs(browser, "editor");
  const url = admin.url();
  const refused = await editor.request.post(url, { multipart: fields, headers: { Origin: new URL(url).origin }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(userByEmail(email)).toBeUndefined();
  expect(mailsTo(email)).toHaveLength(0);
});
