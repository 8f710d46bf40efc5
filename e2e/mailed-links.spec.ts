import { expect, test, type Page } from "@playwright/test";
import { fieldsOf, freshPage, uniqueEmail, waitForMail } from "./support/accounts";
import { createTestUser } from "./support/db";
import { pageAs } from "./support/session";

// A mailed link names the site from AUTH_URL (the e2e server's base URL), never from the
// request: whoever sends the request chooses its Host and X-Forwarded-Host.
const FORGED = { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };

/** Replays a page's form as a script would, with forged host headers. */
async function postForged(page: Page, buttonName: string, values: Record<string, string>) {
  const form = page.locator("form", { has: page.getByRole("button", { name: buttonName }) });
  const fields = { ...(await fieldsOf(form)), ...values };
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
  return page.request.post(page.url(), { multipart: fields, headers: FORGED, maxRedirects: 0 });
}

test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

test("a forged X-Forwarded-Host never reaches a mailed link: forgot password and invitation", async ({ browser, baseURL }) => {
  const user = await createTestUser("reviewer");
  const visitor = await freshPage(browser);
  await visitor.goto("/forgot-password");
  const reset = await postForged(visitor, "Send reset link", { email: user.email });
  // The action ran (Next.js accepts it: the forged Origin matches the forged host).
  expect(reset.status()).toBe(200);
  expect(await reset.text()).toContain("a reset link is on its way");
  const resetMail = await waitForMail(user.email);
  expect(resetMail.text).not.toContain("evil.example");
  expect(resetMail.text).toContain(`${baseURL}/reset-password/`);

  const admin = await pageAs(browser, "admin");
  await admin.goto("/studio/people");
  const invitee = uniqueEmail("forged-host");
  const invited = await postForged(admin, "Invite", { email: invitee, name: "Forged Host", role: "contributor" });
  expect(invited.status()).toBe(200);
  const body = await invited.text();
  expect(body).toContain(`${baseURL}/invitation/`);
  expect(body).not.toContain("evil.example/invitation");
  const inviteMail = await waitForMail(invitee);
  expect(inviteMail.text).not.toContain("evil.example");
  expect(inviteMail.text).toContain(`${baseURL}/invitation/`);
});
