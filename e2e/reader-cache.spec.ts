import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { cachedReaderPage } from "./support/reader-cache";
import { pageAs, uniqueIssueNumber } from "./support/session";
import { approve, issueOf, publish, saveAndSubmit, startStory } from "./support/workflow";

const DEMO_ISSUE = "/issues/issue-13-2022";

test("a reader page is rendered once and then answered from memory, compressed, with an ETag and 304s", async ({ request }) => {
  const first = await request.get(DEMO_ISSUE);
  expect(first.status()).toBe(200);
  expect(["miss", "hit"]).toContain(first.headers()["x-reader-cache"]);

  const hit = await cachedReaderPage(request, DEMO_ISSUE);
  expect(hit.status()).toBe(200);
  const headers = hit.headers();
  expect(headers["cache-control"]).toBe("public, no-cache");
  expect(headers["vary"]).toContain("Accept-Encoding");
  expect(headers["etag"]).toMatch(/^"[A-Za-z0-9_-]+(-br|-gzip)?"$/);
  expect(headers["set-cookie"]).toBeUndefined();
  const html = await hit.text();
  expect(html).toContain("Issue 13");
  expect(html).not.toContain("nonce=");

  // Conditional requests: the same page is a 304 without a body.
  const etag = headers["etag"]!;
  const revalidated = await request.get(DEMO_ISSUE, { headers: { "If-None-Match": etag } });
  if (revalidated.headers()["x-reader-cache"] === "hit") {
    expect(revalidated.status()).toBe(304);
    expect((await revalidated.body()).length).toBe(0);
  }
  const other = await request.get(DEMO_ISSUE, { headers: { "If-None-Match": '"not-this-page"' } });
  expect(other.status()).toBe(200);

  // Compressed as asked, and the same page once decoded (Playwright decodes it).
  for (const encoding of ["br", "gzip"]) {
    const compressed = await cachedReaderPage(request, DEMO_ISSUE, { "Accept-Encoding": encoding });
    expect(compressed.headers()["content-encoding"]).toBe(encoding);
    expect(compressed.headers()["etag"]).toBe(etag.replace(/(-br|-gzip)?"$/, `-${encoding}"`));
    expect(await compressed.text()).toContain("Issue 13");
  }
  const plain = await cachedReaderPage(request, DEMO_ISSUE, { "Accept-Encoding": "identity" });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
});

test("a signed-in reader gets the same page as everyone: the cookies never reach a cached page", async ({ browser, request }) => {
  const editor = await pageAs(browser, "editor");
  const signedIn = await editor.request.get(DEMO_ISSUE);
  expect(signedIn.headers()["set-cookie"]).toBeUndefined();
  const html = await signedIn.text();
  expect(html).not.toContain("editor@example.org");
  expect(html).not.toContain('data-testid="current-user"');
  const anonymous = await cachedReaderPage(request, DEMO_ISSUE);
  if (signedIn.headers()["x-reader-cache"] === "hit") expect(html).toBe(await anonymous.text());
});

test("the page of a cached page runs its scripts under the hashed policy, with no violation", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => void (m.text().includes("Content Security Policy") && problems.push(m.text())));
  page.on("pageerror", (e) => problems.push(e.message));
  await cachedReaderPage(page.request, DEMO_ISSUE);
  const response = await page.goto(DEMO_ISSUE);
  expect(response?.headers()["x-reader-cache"]).toBe("hit");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  // Client-side navigation needs the page's scripts: they ran.
  await page.getByRole("link", { name: "Archive" }).click();
  await expect(page).toHaveURL(/\/issues$/);
  await expect(page.locator("main")).toBeVisible();
  expect(problems).toEqual([]);
});

test("publishing shows the new issue at once in cached pages, and unpublishing takes it out at once", async ({ browser, request }) => {
  const number = uniqueIssueNumber();
  const year = 2036;
  const word = `w${randomUUID().slice(0, 8)}`;
  const title = `Cached story ${word}`;
  const issuePath = `/issues/issue-${number}-${year}`;
  const searchPath = `/search?q=${word}`;
  const { page: writer, storyUrl } = await startStory(browser, title, "A story that readers see when the issue is out.");
  await saveAndSubmit(writer);
  await approve(browser, storyUrl);
  const editor = await issueOf(browser, { number, year, title: `Cache check ${number}`, titles: [title], publish: false });

  // The archive is in the cache, without the issue.
  const before = await cachedReaderPage(request, "/issues");
  expect(await before.text()).not.toContain(`Cache check ${number}`);
  expect((await request.get(issuePath)).status()).toBe(404);
  // A search for the story's word is kept too, finding nothing yet.
  expect(await (await cachedReaderPage(request, searchPath)).text()).toContain("No published story matches");

  await publish(editor);
  // The very next requests see it: the cache was emptied when the publish committed.
  expect(await (await request.get("/issues")).text()).toContain(`Cache check ${number}`);
  const issue = await request.get(issuePath);
  expect(issue.status()).toBe(200);
  expect(await issue.text()).toContain(title);
  const storyPath = (await issue.text()).match(new RegExp(`href="(${issuePath}/[a-z0-9-]+)"`))?.[1];
  expect(storyPath).toBeTruthy();

  // Now cached too.
  expect(await (await cachedReaderPage(request, issuePath)).text()).toContain(title);
  await cachedReaderPage(request, storyPath!);
  expect(await (await cachedReaderPage(request, "/issues")).text()).toContain(`Cache check ${number}`);
  expect(await (await cachedReaderPage(request, searchPath)).text()).toContain(`href="${issuePath}/cached-story-${word}"`);

  await editor.reload();
  await editor.getByRole("button", { name: "Unpublish" }).click();
  // The page shows the issue as a draft again (the Unpublish form, with its message, is gone).
  await expect(editor.getByRole("button", { name: "Publish issue" })).toBeVisible();
  expect((await request.get(issuePath)).status()).toBe(404);
  expect((await request.get(storyPath!)).status()).toBe(404);
  expect(await (await request.get("/issues")).text()).not.toContain(`Cache check ${number}`);
  expect(await (await request.get("/")).text()).not.toContain(title);
  const search = await (await request.get(searchPath)).text();
  expect(search).not.toContain(`href="${issuePath}/cached-story-${word}"`);
  expect(search).toContain("No published story matches");
});
