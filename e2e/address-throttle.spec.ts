import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./support/accounts";

// Runs last (project "address-throttle"): afterwards 127.0.0.1 may not sign in for 15 minutes.
// The chromium project's own failed sign-ins count towards the same limit, so the door may
// close before our twentieth attempt; it must not open again for a forged address.
const ADDRESS_LIMIT = 20;

test("a forged X-Forwarded-For does not dodge the per-address sign-in limit", async ({ browser }) => {
  const api = (await browser.newContext()).request;
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();

  const attempt = (n: number) =>
    api.post("/api/auth/callback/credentials", {
      // A new unknown email every time, so no single account reaches its own limit of five.
      form: { csrfToken, email: uniqueEmail(`forged-${n}`), password: `wrong-password-${n}` },
      // And a new "client address" every time: a server that believed it would never throttle.
      headers: { "X-Forwarded-For": `203.0.113.${n}, 198.51.100.${n}` },
      maxRedirects: 0,
    });

  const statuses: number[] = [];
  for (let n = 1; n <= ADDRESS_LIMIT; n++) {
    const response = await attempt(n);
    statuses.push(response.status());
  }
  // Each one is an ordinary failure (Auth.js redirects back to sign-in) or already throttled;
  // once throttled, it stays throttled.
  for (const [i, status] of statuses.entries()) expect([302, 429], `attempt ${i + 1}`).toContain(status);
  const firstThrottled = statuses.indexOf(429);
  if (firstThrottled >= 0) expect(statuses.slice(firstThrottled).every((s) => s === 429), statuses.join(",")).toBe(true);
  expect(statuses[0], "the address was not locked before this test").toBe(302);

  const response = await attempt(ADDRESS_LIMIT + 1);
  expect(response.status(), `statuses so far: ${statuses.join(",")}`).toBe(429);
  const retryAfter = response.headers()["retry-after"];
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(900);
  expect(await response.text()).toMatch(/Too many failed sign-ins\. Try again in (a minute|\d+ minutes)\./);
});
