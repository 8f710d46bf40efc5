import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { GET as feedRoute } from "@/app/feed/[file]/route";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";
import { demoIssue, demoIssueStories, demoSettings } from "@/db/seed/demo-content";
import { seedDatabase } from "@/db/seed/seed";
import { getDatabase, tables } from "@/db/client";
import { eq } from "drizzle-orm";
import { createIssue } from "@/lib/issues/create-issue";
import { addStoryToIssue } from "@/lib/issues/arrange-issue";
import { publishIssue, unpublishIssue } from "@/lib/issues/publish-issue";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import type { Actor } from "@/lib/policy";
import { FEED_FILES, type FeedFile } from "@/lib/reader/seo";
import { createStory } from "@/lib/stories/create-story";
import { saveStory } from "@/lib/stories/save-story";
import { approveStory, submitStory } from "@/lib/stories/transition-story";
import { bodyText, currentStory, makeUser } from "../support/factories";

// vitest.config.ts sets AUTH_URL for the integration projects: every URL is built from it.
const SITE = "https://studio.test.example";
const MEDIA = new RegExp(`^${SITE}/media/[0-9a-f]{64}/1600\\.webp$`);
const TRICKY = 'Rivers < lakes & "deltas" ]]> and ]]> again';

async function fetchFeed(file: string) {
  const response = await feedRoute(new Request(`${SITE}/feed/${file}`), { params: Promise.resolve({ file }) });
  return { response, text: await response.text() };
}

async function feed(file: FeedFile) {
  const { response, text } = await fetchFeed(file);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(
    file.endsWith(".atom") ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
  );
  const parsed = parseFeed(text);
  expect(parsed.meta.type).toBe(file.endsWith(".atom") ? "atom" : "rss");
  return { parsed, text };
}

async function sitemapUrls(): Promise<string[]> {
  return (await sitemap()).map((entry) => entry.url);
}

async function publishedIssueWithTrickyStory(editor: Actor, author: Actor, reviewer: Actor) {
  const { id: storyId } = await createStory(author, { title: TRICKY });
  await saveStory(author, { storyId, version: 1, title: TRICKY, body: bodyText("Dolphins near Kratie.") });
  await submitStory(author, { storyId, version: (await currentStory(storyId)).version });
  await approveStory(reviewer, { storyId, version: (await currentStory(storyId)).version });
  const issue = await createIssue(editor, { number: 7, year: 2031, issueDate: "2031-03-15", title: "Issue 7, 2031" });
  await addStoryToIssue(editor, { issueId: issue.id, storyId });
  await publishIssue(editor, { issueId: issue.id, version: (await getIssueForStudio(editor, issue.id)).issue.version });
  return { ...issue, storySlug: (await currentStory(storyId)).slug };
}

// One file, one fresh database: the demo issue is published by the seed.
describe("feeds, sitemap and robots.txt", () => {
  it("give the demo issue and its stories with absolute links, cover images and authors, in every format", async () => {
    await seedDatabase({ demo: true, demoPassword: "feeds and sitemap" });
    const issueUrl = `${SITE}/issues/${demoIssue.slug}`;
    // The lead story, its Chinese translation, the explainer: every published story has its own page.
    const storyUrls = demoIssueStories.map((s) => `${issueUrl}/${s.slug}`);

    for (const file of ["issues.xml", "issues.atom"] as const) {
      const { parsed } = await feed(file);
      expect(parsed.title).toContain(demoSettings.siteNameEn);
      expect(parsed.url).toBe(`${SITE}/`);
      expect(parsed.items.map((i) => i.url)).toEqual([issueUrl]);
      const [item] = parsed.items;
      expect(item?.title).toBe(demoIssue.title);
      expect(item?.id).toBe(issueUrl);
      expect(item?.content).toContain(`href="${storyUrls[0]}"`);
      expect(item?.media.map((m) => m.url)).toEqual([expect.stringMatching(MEDIA)]);
      expect(item?.published?.toISOString()).toBe(`${demoIssue.issueDate}T00:00:00.000Z`);
    }

    for (const file of ["stories.xml", "stories.atom"] as const) {
      const { parsed } = await feed(file);
      expect(parsed.items.map((i) => i.url)).toEqual(storyUrls);
      expect(parsed.items.map((i) => i.title)).toEqual(demoIssueStories.map((s) => s.title));
      const [lead] = parsed.items;
      expect(lead?.authors.map((a) => a.name)).toEqual([expect.stringMatching(/\S/)]);
      // The story's text, with its images made absolute; the lead story's illustration is its cover.
      expect(lead?.content).toContain(`src="${SITE}/media/`);
      expect(lead?.content).not.toMatch(/(src|href|srcset)="\//);
      expect(lead?.media.map((m) => m.url)).toEqual([expect.stringMatching(MEDIA)]);
    }
  });

  it("lists home, archive, the demo issue and its stories in the sitemap, and robots.txt points at it", async () => {
    const urls = await sitemapUrls();
    expect(urls).toEqual([
      `${SITE}/`,
      `${SITE}/issues`,
      `${SITE}/issues/${demoIssue.slug}`,
      ...demoIssueStories.map((s) => `${SITE}/issues/${demoIssue.slug}/${s.slug}`),
    ]);
    // The lead story and its translation name each other as alternates (xhtml:link hreflang).
    const lead = `${SITE}/issues/${demoIssue.slug}/second-working-group-meeting-2022`;
    const languages = { en: lead, zh: `${lead}-zh` };
    const entries = await sitemap();
    expect(entries.find((e) => e.url === lead)?.alternates).toEqual({ languages });
    expect(entries.find((e) => e.url === `${lead}-zh`)?.alternates).toEqual({ languages });
    expect(entries.find((e) => e.url.endsWith("about-the-new-strategy-and-action-framework-2023-2027"))?.alternates).toBeUndefined();
    const rules = await robots();
    expect(rules.sitemap).toBe(`${SITE}/sitemap.xml`);
    expect(rules.rules).toMatchObject({ userAgent: "*", allow: "/", disallow: expect.arrayContaining(["/studio", "/api"]) });
  });

  it("reads any title back exactly, newest issue first; an unpublished issue leaves every feed and the sitemap", async () => {
    const { db } = await getDatabase();
    const email = (role: string) => `${role}@example.org`;
    const byEmail = async (address: string): Promise<Actor> => {
      const [user] = await db.select({ id: tables.users.id, role: tables.users.role }).from(tables.users).where(eq(tables.users.email, address));
      if (!user) throw new Error(`no ${address}`);
      return user;
    };
    const editor = await byEmail(email("editor"));
    const [author, reviewer] = [await makeUser("contributor"), await makeUser("reviewer")];
    const issue = await publishedIssueWithTrickyStory(editor, author, reviewer);
    const newUrl = `${SITE}/issues/${issue.slug}`;
    const storyUrl = `${newUrl}/${issue.storySlug}`;

    for (const file of FEED_FILES) {
      const { parsed, text } = await feed(file);
      expect(text.match(/<!\[CDATA\[/g)?.length).toBe(text.match(/\]\]>/g)?.length);
      // 2031 before 2022.
      expect(parsed.items[0]?.url).toBe(file.startsWith("issues") ? newUrl : storyUrl);
      if (file.startsWith("stories")) expect(parsed.items[0]?.title).toBe(TRICKY);
    }
    expect(await sitemapUrls()).toEqual(expect.arrayContaining([newUrl, storyUrl]));

    await unpublishIssue(editor, { issueId: issue.id, version: (await getIssueForStudio(editor, issue.id)).issue.version });
    for (const file of FEED_FILES) {
      const { parsed, text } = await feed(file);
      expect(text).not.toContain(issue.slug);
      expect(parsed.items.length).toBeGreaterThan(0);
    }
    const urls = await sitemapUrls();
    expect(urls.filter((u) => u.includes(issue.slug))).toEqual([]);
    expect(urls).toContain(`${SITE}/issues/${demoIssue.slug}`);
  });

  it("answers an unknown feed with a 404, not an error", async () => {
    for (const file of ["issues.json", "../etc/passwd", ""]) {
      const { response, text } = await fetchFeed(file);
      expect(response.status).toBe(404);
      expect(text).toContain("/feed/issues.xml");
    }
  });

  it('gives a story called "Print" another slug: /issues/<issue>/print is the print edition', async () => {
    const author = await makeUser("contributor");
    const first = await createStory(author, { title: "Print" });
    const second = await createStory(author, { title: "print" });
    expect((await currentStory(first.id)).slug).toBe("print-2");
    expect((await currentStory(second.id)).slug).toBe("print-3");
  });
});
