import { createHash } from "node:crypto";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { cachedReaderPage } from "./support/reader-cache";
import { pageAs } from "./support/session";

/** The one Content-Security-Policy of a response (two would both be enforced). */
function policyOf(response: APIResponse): string {
  const policies = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  return policies[0]!.value;
}

const directive = (policy: string, name: string) => policy.split(/;\s*/).find((d) => d.startsWith(`${name} `)) ?? "";

function expectStandardHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over plain http here: no HSTS, whatever a client's X-Forwarded-Proto claims (no TRUST_PROXY).
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(directive(policyOf(response), "frame-ancestors")).toBe("frame-ancestors 'none'");
}

/** Checks a page's headers and script tags; returns its nonce. */
async function expectNoncedPage(response: APIResponse): Promise<string> {
  expect(response.status()).toBe(200);
  expectStandardHeaders(response);
  const scripts = directive(policyOf(response), "script-src");
  const nonce = scripts.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1] ?? "";
  expect(nonce.length).toBeGreaterThanOrEqual(22);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");

  const html = await response.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce;
}

/**
 * A reader page answered from the reader cache (scripts/reader-cache.mjs): one HTML for
 * every reader, so no nonce; each inline script is allowed by its hash, and nothing else
 * inline runs.
 */
async function expectHashedPage(response: APIResponse): Promise<void> {
  expect(response.status()).toBe(200);
  expectStandardHeaders(response);
  const scripts = directive(policyOf(response), "script-src");
  expect(scripts).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
  expect(scripts).not.toContain("nonce");
  expect(scripts).not.toContain("strict-dynamic");
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");

  const html = await response.text();
  expect(html).not.toMatch(/\snonce=/);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(` ${m[1]}`));
  expect(inline.length).toBeGreaterThan(0);
  for (const [, , text] of inline) {
    expect(scripts).toContain(`'sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}'`);
  }
}

const forgedProto = { "X-Forwarded-Proto": "https" };

test("a reader page, a studio page and an API route carry the security headers; studio pages get a new nonce each time, reader pages hashes", async ({ browser, request }) => {
  await expectHashedPage(await cachedReaderPage(request, "/", forgedProto));
  await expectHashedPage(await cachedReaderPage(request, "/issues"));

  const editor = await pageAs(browser, "editor");
  const studio = await editor.request.get("/studio/stories", { headers: forgedProto, maxRedirects: 0 });
  const first = await expectNoncedPage(studio);
  expect(await studio.text()).toContain('data-testid="current-user"');
  const second = await expectNoncedPage(await editor.request.get("/studio/stories"));
  expect(second).not.toBe(first);
  // Pages that are not reader pages are never cached.
  expect(studio.headers()["x-reader-cache"]).toBeUndefined();

  const api = await request.get("/api/health", { headers: forgedProto });
  expect(api.status()).toBe(200);
  expectStandardHeaders(api);
  // Not a page: nothing may run or load from it.
  expect(directive(policyOf(api), "default-src")).toBe("default-src 'none'");
  expect(policyOf(api)).not.toContain("script-src");
});

/** Collects what the browser reports about Content Security Policy (and any page error). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

test("no page breaks the policy: reader, sign-in, studio and the editor run with it and report no violations", async ({ browser }) => {
  const reader = await (await browser.newContext()).newPage();
  const readerProblems = watch(reader);
  for (const path of ["/", "/issues", "/signin", "/forgot-password"]) {
    await reader.goto(path);
    await expect(reader.locator("main, form").first()).toBeVisible();
  }
  await reader.goto("/");
  await reader.locator('h2 a[href^="/issues/"]').first().click();
  await expect(reader).toHaveURL(/\/issues\/[^/]+\/[^/]+$/);
  // Client-side navigation needs the page's scripts: they ran.
  await reader.getByRole("link", { name: "Archive" }).click();
  await expect(reader).toHaveURL(/\/issues$/);

  const editor = await pageAs(browser, "editor");
  const editorProblems = watch(editor);
  for (const path of ["/studio/stories", "/studio/review", "/studio/issues", "/studio/profile"]) {
    await editor.goto(path);
    await expect(editor.getByTestId("current-user")).toBeVisible();
  }
  // The editor is client-side code with its own injected styles.
  await editor.goto("/studio/stories/new");
  await editor.getByLabel("Title").fill("Policy check");
  await editor.getByRole("button", { name: "Create and start writing" }).click();
  const body = editor.getByRole("textbox", { name: "Story text" });
  await body.click();
  await body.pressSequentially("Typed under a strict policy.");
  await expect(body).toContainText("Typed under a strict policy.");

  const admin = await pageAs(browser, "admin");
  const adminProblems = watch(admin);
  for (const path of ["/studio/people", "/studio/audit"]) {
    await admin.goto(path);
    await expect(admin.getByTestId("current-user")).toBeVisible();
  }

  expect([...readerProblems, ...editorProblems, ...adminProblems]).toEqual([]);
});

test("markup injected into a page cannot run script, and the browser reports the violation", async ({ page }) => {
  // A cached reader page (script hashes) and a rendered page (nonce): neither runs it.
  for (const path of ["/", "/signin"]) {
    const problems = watch(page);
    if (path === "/") await expect.poll(async () => (await page.goto(path))?.headers()["x-reader-cache"]).toBe("hit");
    else await page.goto(path);
    // What a story body that slipped past the sanitiser would try: an inline event handler.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", '<img src="/nowhere.png" alt="" onerror="window.injected = true">'),
    );
    await expect.poll(() => problems.join("\n")).toContain("inline event handler violates the following Content Security Policy");
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
    page.removeAllListeners("console");
    page.removeAllListeners("pageerror");
  }
});

test("no other site can frame the studio (its one-click buttons cannot be clickjacked)", async ({ browser, baseURL }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("about:blank");
  await admin.setContent(`<iframe src="${baseURL}/studio/issues" title="framed"></iframe>`);
  const framed = () => admin.frames().find((frame) => frame !== admin.mainFrame());
  // The browser refuses to render it: the frame holds its error page, not the studio.
  await expect.poll(() => framed()?.url()).toMatch(/^chrome-error:/);
  expect(await framed()?.locator("body").innerText()).not.toContain("Publish");
});
