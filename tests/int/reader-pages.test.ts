import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { deleteSnapshot, listPublishedStories, replaceSnapshot, type Snapshot } from "@/db/queries/published";
import { listCoverFragments } from "@/db/queries/published-pages";
import { createIssue } from "@/lib/issues/create-issue";
import { addStoryToIssue } from "@/lib/issues/arrange-issue";
import { publishIssue } from "@/lib/issues/publish-issue";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import { readerPageExists } from "@/lib/reader/reader-page-exists";
import { ARCHIVE_PAGE_SIZE, AUTHOR_PAGE_SIZE, getArchive, getAuthorPage, getStoryNeighbours } from "@/lib/reader/read-pages";
import { firstStoryImage, issueCover } from "@/lib/reader/structured-data";
import { createStory } from "@/lib/stories/create-story";
import { saveStory } from "@/lib/stories/save-story";
import { approveStory, submitStory } from "@/lib/stories/transition-story";
import { bodyText, currentStory, makeUser } from "../support/factories";

// The archive, author pages and a story's neighbours, on a live snapshot written the way
// publishing writes it (replaceSnapshot), plus one issue published through the workflow.

const mediaId = (n: number) => n.toString(16).padStart(64, "0");
const figure = (n: number, alt: string) =>
  `<figure class="story-image"><img src="/media/${mediaId(n)}/960.webp" srcset="/media/${mediaId(n)}/480.webp 480w, /media/${mediaId(n)}/960.webp 960w" sizes="100vw" alt="${alt.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}" width="1600" height="900" loading="lazy"/><figcaption>Caption ${n}</figcaption></figure>`;
// A speaker's portrait is an image too, but not a story image: never a cover.
const speaker = (n: number) =>
  `<figure class="speaker-card" data-speaker-card=""><img class="speaker-photo" src="/media/${mediaId(n)}/480.webp" alt="Portrait"/><figcaption>Someone</figcaption></figure>`;
const filler = "<p>" + "Words about rivers and forests. ".repeat(200) + "</p>";

const AUTHOR_A = randomUUID();
const AUTHOR_B = randomUUID();

type StoryRow = Snapshot["stories"][number];

function storyRow(position: number, over: Partial<StoryRow>): StoryRow {
  const slug = `story-${position + 1}`;
  return {
    storyId: randomUUID(),
    slug,
    position,
    title: `Story ${position + 1}`,
    standfirst: "",
    authorName: "Author A",
    authorId: AUTHOR_A,
    locale: "en",
    translationGroup: null,
    html: `<p>Story ${position + 1}</p>`,
    plainText: `Story ${position + 1}`,
    searchTitle: "",
    searchBody: "",
    searchVersion: 0,
    ...over,
  };
}

/** An issue row and its live snapshot, as a publish leaves them. */
async function publishSnapshot(number: number, year: number, issueDate: string, stories: StoryRow[]): Promise<string> {
  const { write } = await getDatabase();
  const issueId = randomUUID();
  const slug = `issue-${number}-${year}`;
  const title = `Issue ${number}, ${year}`;
  await write(async (tx) => {
    await tx.insert(tables.issues).values({ id: issueId, number, year, slug, title, issueDate, status: "published", publishedAt: new Date() });
    await replaceSnapshot(tx, {
      issue: { issueId, slug, number, year, title, issueDate, editorsNote: "", publishedAt: new Date() },
      stories,
    });
  });
  return issueId;
}

// 2021: 26 issues (a page and a bit), 2020: 3, 2019: 1 — 30 issues, two pages of 24.
const plan: { number: number; year: number; date: string }[] = [
  ...Array.from({ length: 26 }, (_, i) => ({ number: i + 1, year: 2021, date: `2021-${String(1 + Math.floor(i / 3)).padStart(2, "0")}-${String(1 + (i % 3) * 9).padStart(2, "0")}` })),
  ...[1, 2, 3].map((n) => ({ number: n, year: 2020, date: `2020-0${n * 3}-15` })),
  { number: 1, year: 2019, date: "2019-06-01" },
];
const ids = new Map<string, string>();

describe("reader pages: archive, authors, neighbours", () => {
  it("seeds 30 published issues over three years", async () => {
    for (const [i, { number, year, date }] of plan.entries()) {
      // Covers in different places: in the first story, only in a later one (after a
      // speaker's portrait), deep in a long story, or none at all.
      const kind = i % 4;
      const stories = [
        storyRow(0, { html: kind === 0 ? figure(i + 1, `Cover of ${year}/${number}`) + filler : kind === 1 ? speaker(900 + i) + filler : filler }),
        storyRow(1, { authorName: "Author B", authorId: AUTHOR_B, html: kind === 1 ? filler + figure(i + 1, `Later "cover" & more`) : "<p>No picture</p>" }),
        storyRow(2, { html: kind === 2 ? "<p>x</p>".repeat(3000) + figure(i + 1, "Deep cover") + figure(5000, "Second") : "<p>None</p>", authorId: null, authorName: "Guest" }),
        storyRow(3, { slug: "story-3-zh", title: "第三篇", locale: "zh", authorId: null, authorName: "译者" }),
      ];
      ids.set(`${number}-${year}`, await publishSnapshot(number, year, date, stories));
    }
  });

  it("lists the years newest first with their counts, and a page of issues newest first", async () => {
    const first = await getArchive(undefined, 1);
    expect(first?.years).toEqual([
      { year: 2021, issues: 26 },
      { year: 2020, issues: 3 },
      { year: 2019, issues: 1 },
    ]);
    expect(first).toMatchObject({ year: undefined, page: 1, pageCount: 2, total: 30 });
    expect(first?.issues).toHaveLength(ARCHIVE_PAGE_SIZE);
    expect(first?.issues.map((i) => i.slug).slice(0, 3)).toEqual(["issue-26-2021", "issue-25-2021", "issue-24-2021"]);

    const second = await getArchive(undefined, 2);
    expect(second?.issues.map((i) => i.slug)).toEqual(["issue-2-2021", "issue-1-2021", "issue-3-2020", "issue-2-2020", "issue-1-2020", "issue-1-2019"]);
    expect(await getArchive(undefined, 3)).toBeNull();

    const year2020 = await getArchive(2020, 1);
    expect(year2020).toMatchObject({ year: 2020, page: 1, pageCount: 1, total: 3 });
    expect(year2020?.issues.map((i) => i.slug)).toEqual(["issue-3-2020", "issue-2-2020", "issue-1-2020"]);
    expect((await getArchive(2021, 2))?.issues.map((i) => i.slug)).toEqual(["issue-2-2021", "issue-1-2021"]);
    expect(await getArchive(2020, 2)).toBeNull();
    expect(await getArchive(2018, 1)).toBeNull();
  });

  it("gives each issue the cover issueCover finds in its stories, from a fragment of one story", async () => {
    const { db } = await getDatabase();
    const all = [...((await getArchive(undefined, 1))?.issues ?? []), ...((await getArchive(undefined, 2))?.issues ?? [])];
    expect(all).toHaveLength(30);
    for (const issue of all) {
      expect(issue.cover, issue.slug).toEqual(issueCover(await listPublishedStories(db, issue.issueId)));
    }
    const covered = all.filter((i) => i.cover);
    expect(covered.length).toBeGreaterThan(15);
    expect(all.find((i) => i.slug === "issue-2-2021")?.cover).toEqual({ mediaId: mediaId(2), alt: 'Later "cover" & more' });
    expect(all.find((i) => i.slug === "issue-3-2021")?.cover).toEqual({ mediaId: mediaId(3), alt: "Deep cover" });
    expect(all.find((i) => i.slug === "issue-4-2021")?.cover).toBeNull();
    // Only the figure on, and only so much of it: never a whole story.
    const fragments = await listCoverFragments(db, all.map((i) => i.issueId));
    for (const fragment of fragments) {
      expect(fragment.html.startsWith('<figure class="story-image"')).toBe(true);
      expect(fragment.html.length).toBeLessThanOrEqual(4000);
      expect(firstStoryImage(fragment.html)).not.toBeNull();
    }
    expect(await listCoverFragments(db, [])).toEqual([]);
  });

  it("lists an author's stories newest first, a page at a time, and has no page for an author without one", async () => {
    const first = await getAuthorPage(AUTHOR_A, 1);
    // Author A wrote the first story of each of the 30 issues.
    expect(first).toMatchObject({ authorId: AUTHOR_A, name: "Author A", page: 1, pageCount: 2, total: 30 });
    expect(first?.stories).toHaveLength(AUTHOR_PAGE_SIZE);
    expect(first?.stories[0]).toMatchObject({ slug: "story-1", title: "Story 1", locale: "en", issue: { slug: "issue-26-2021" } });
    const second = await getAuthorPage(AUTHOR_A, 2);
    expect(second?.stories.map((s) => s.issue.slug)).toEqual([
      "issue-6-2021", "issue-5-2021", "issue-4-2021", "issue-3-2021", "issue-2-2021",
      "issue-1-2021", "issue-3-2020", "issue-2-2020", "issue-1-2020", "issue-1-2019",
    ]);
    expect(await getAuthorPage(AUTHOR_A, 3)).toBeNull();
    expect((await getAuthorPage(AUTHOR_B, 1))?.total).toBe(30);
    expect(await getAuthorPage(randomUUID(), 1)).toBeNull();
    expect(await getAuthorPage("Not an id!", 1)).toBeNull();
    // Nothing from the account: the author page holds the byline's name and the stories.
    expect(Object.keys(first ?? {}).sort()).toEqual(["authorId", "name", "page", "pageCount", "stories", "total"]);
  });

  it("finds the previous and next story of the issue in the story's language", async () => {
    const issueId = ids.get("5-2021")!;
    expect(await getStoryNeighbours(issueId, 0, "en")).toEqual({ previous: null, next: { slug: "story-2", title: "Story 2" } });
    expect(await getStoryNeighbours(issueId, 1, "en")).toEqual({
      previous: { slug: "story-1", title: "Story 1" },
      next: { slug: "story-3", title: "Story 3" },
    });
    // The Chinese story after it is another language: not the English story's next.
    expect(await getStoryNeighbours(issueId, 2, "en")).toEqual({ previous: { slug: "story-2", title: "Story 2" }, next: null });
    expect(await getStoryNeighbours(issueId, 3, "zh")).toEqual({ previous: null, next: null });
  });

  it("drops an unpublished issue from the archive, its years and its authors' pages", async () => {
    const { write } = await getDatabase();
    await write((tx) => deleteSnapshot(tx, ids.get("1-2019")!));
    const second = await getArchive(undefined, 2);
    expect(second?.years.map((y) => y.year)).toEqual([2021, 2020]);
    expect(second?.issues.map((i) => i.slug)).not.toContain("issue-1-2019");
    expect(await getArchive(2019, 1)).toBeNull();
    expect((await getAuthorPage(AUTHOR_A, 1))?.total).toBe(29);
  });

  it("gives a story published through the workflow its author's page, by the author's id", async () => {
    const [author, reviewer, editor, idle] = await Promise.all([makeUser("contributor"), makeUser("reviewer"), makeUser("editor"), makeUser("contributor")]);
    const title = "A river walk through the workflow";
    const { id: storyId } = await createStory(author, { title });
    await saveStory(author, { storyId, version: 1, title, body: bodyText("Dolphins near Kratie.") });
    await submitStory(author, { storyId, version: (await currentStory(storyId)).version });
    await approveStory(reviewer, { storyId, version: (await currentStory(storyId)).version });
    const issue = await createIssue(editor, { number: 40, year: 2031, issueDate: "2031-03-15", title: "Issue 40, 2031" });
    await addStoryToIssue(editor, { issueId: issue.id, storyId });
    await publishIssue(editor, { issueId: issue.id, version: (await getIssueForStudio(editor, issue.id)).issue.version });

    const page = await getAuthorPage(author.id, 1);
    expect(page?.total).toBe(1);
    expect(page?.name).toBe("Test contributor");
    expect(page?.stories.map((s) => [s.issue.slug, s.title])).toEqual([["issue-40-2031", title]]);
    expect(JSON.stringify(page)).not.toContain(author.email);
    // An account with nothing published has no page.
    expect(await getAuthorPage(idle.id, 1)).toBeNull();
    // The newest issue leads the archive, under its own year.
    expect((await getArchive(undefined, 1))?.issues[0]?.slug).toBe("issue-40-2031");
    expect((await getArchive(undefined, 1))?.years[0]).toEqual({ year: 2031, issues: 1 });
  });

  it("tells proxy.ts which reader addresses name a page, as the pages themselves decide", async () => {
    const exists = (url: string) => {
      const at = new URL(url, "https://studio.test.example");
      return readerPageExists(at.pathname, at.searchParams);
    };
    for (const url of [
      "/",
      "/issues",
      "/issues?page=2",
      "/issues?year=2021&page=2",
      "/issues?year=2020",
      "/issues/issue-5-2021",
      "/issues/issue-5-2021/print",
      "/issues/issue-5-2021/story-2",
      `/authors/${AUTHOR_A}`,
      `/authors/${AUTHOR_A}?page=2`,
    ])
      expect(await exists(url), url).toBe(true);
    for (const url of [
      "/issues?page=3",
      "/issues?page=0",
      "/issues?page=x",
      "/issues?page=1&page=2",
      "/issues?year=2019",
      "/issues?year=21",
      "/issues/issue-1-2019",
      "/issues/no-such-issue",
      "/issues/issue-5-2021/no-such-story",
      `/authors/${AUTHOR_A}?page=3`,
      `/authors/${randomUUID()}`,
      // This database has no settings row: no About text, no About page.
      "/about",
    ])
      expect(await exists(url), url).toBe(false);
  });
});
