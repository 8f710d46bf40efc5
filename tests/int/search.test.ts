import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDatabase, processDialect, tables } from "@/db/client";
import { refreshSearchWords, searchColumns, searchPublishedStories, searchStatement } from "@/db/queries/search";
import { addStoryToIssue } from "@/lib/issues/arrange-issue";
import { createIssue } from "@/lib/issues/create-issue";
import { publishIssue, unpublishIssue } from "@/lib/issues/publish-issue";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import type { Actor } from "@/lib/policy";
import { searchPublished, type ReaderSearch } from "@/lib/search/search-published";
import { parseQuery } from "@/lib/search/tokenize";
import { createStory } from "@/lib/stories/create-story";
import { saveStory } from "@/lib/stories/save-story";
import { approveStory, reopenStory, submitStory } from "@/lib/stories/transition-story";
import { bodyText, currentStory, makeUser } from "../support/factories";

// Short sentences of our own, one story per language.
const STORIES = {
  en: { title: "Dolphins return to the deep pools", text: "Fishers counted eleven Irrawaddy dolphins near Kratie this dry season." },
  vi: { title: "Bảo vệ sông Mê Kông", text: "Cộng đồng ven sông cùng nhau bảo vệ môi trường và nguồn nước sạch." },
  zh: { title: "澜湄流域的新项目", text: "我们在湄公河流域开展环境合作项目，保护河流和湿地。" },
  th: { title: "ชุมชนริมโขง", text: "ชาวบ้านช่วยกันปกป้องแม่น้ำโขงและปลูกป่าริมตลิ่ง" },
  lo: { title: "ຂ່າວຈາກລາວ", text: "ປະເທດລາວປົກປັກຮັກສາແມ່ນ້ຳຂອງ" },
  km: { title: "ព័ត៌មានពីកម្ពុជា", text: "ប្រជាជនកម្ពុជាការពារទន្លេមេគង្គ" },
  my: { title: "မြန်မာသတင်း", text: "မြန်မာနိုင်ငံသည်မြစ်များကိုကာကွယ်သည်" },
};

let issueNumber = 300;

async function setup() {
  return { author: await makeUser("contributor"), reviewer: await makeUser("reviewer"), editor: await makeUser("editor") };
}

async function approvedStory(author: Actor, reviewer: Actor, title: string, ...paragraphs: string[]) {
  const { id } = await createStory(author, { title });
  await saveStory(author, { storyId: id, version: 1, title, body: bodyText(...paragraphs) });
  await submitStory(author, { storyId: id, version: (await currentStory(id)).version });
  await approveStory(reviewer, { storyId: id, version: (await currentStory(id)).version });
  return currentStory(id);
}

const issueVersion = async (editor: Actor, id: string) => (await getIssueForStudio(editor, id)).issue.version;

async function publishStories(editor: Actor, storyIds: string[], issueDate = "2031-03-01") {
  const number = issueNumber++;
  const issue = await createIssue(editor, { number, year: 2031, issueDate, title: `Search test ${number}` });
  for (const storyId of storyIds) await addStoryToIssue(editor, { issueId: issue.id, storyId });
  await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
  return issue;
}

function results(search: ReaderSearch) {
  if (search.kind !== "results") throw new Error(`expected results, got ${JSON.stringify(search)}`);
  return search;
}

async function titlesFor(q: string, page?: number) {
  const found = results(await searchPublished(page ? { q, page: String(page) } : { q }));
  return found.items.map((item) => item.titleParts.map((p) => p.text).join(""));
}

const marks = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text);

describe(`reader search (${processDialect})`, () => {
  it("finds words inside sentences in every language of the newsletter, and only published stories", async () => {
    const { author, reviewer, editor } = await setup();
    const ids: Record<string, string> = {};
    for (const [lang, story] of Object.entries(STORIES)) {
      ids[lang] = (await approvedStory(author, reviewer, story.title, story.text)).id;
    }
    // Approved, with the same words, but in no published issue: never found.
    await approvedStory(author, reviewer, "Unpublished dolphins", "Dolphins 合作 môi trường in a draft issue.");
    await publishStories(editor, Object.values(ids));

    expect(await titlesFor("dolphins")).toEqual([STORIES.en.title]);
    expect(await titlesFor("Irrawaddy DOLPHINS")).toEqual([STORIES.en.title]);
    expect(await titlesFor("moi truong")).toEqual([STORIES.vi.title]);
    expect(await titlesFor("môi trường")).toEqual([STORIES.vi.title]);
    expect(await titlesFor("合作")).toEqual([STORIES.zh.title]);
    expect(await titlesFor("湿地")).toEqual([STORIES.zh.title]);
    expect(await titlesFor("แม่น้ำ")).toEqual([STORIES.th.title]);
    expect(await titlesFor("ปกป้อง")).toEqual([STORIES.th.title]);
    expect(await titlesFor("ປະເທດ")).toEqual([STORIES.lo.title]);
    expect(await titlesFor("ការពារ")).toEqual([STORIES.km.title]);
    // ICU keeps "ទន្លេមេគង្គ" (the Mekong) as one word; "ទន្លេ" (river) still finds it.
    expect(await titlesFor("ទន្លេ")).toEqual([STORIES.km.title]);
    expect(await titlesFor("မြစ်")).toEqual([STORIES.my.title]);
    // Every word must match.
    expect(await titlesFor("dolphins 合作")).toEqual([]);
    expect(await titlesFor("moi nuoc")).toEqual([STORIES.vi.title]);

    const zh = results(await searchPublished({ q: "合作" }));
    expect(zh.total).toBe(1);
    expect(marks(zh.items[0]?.snippetParts ?? [])).toEqual(["合作"]);
    expect(zh.items[0]?.href).toMatch(/^\/issues\/[^/]+\/[^/]+$/);
    const vi = results(await searchPublished({ q: "moi truong" }));
    expect(marks(vi.items[0]?.snippetParts ?? [])).toEqual(["môi", "trường"]);
  });

  it("ranks the better match first", async () => {
    const { author, reviewer, editor } = await setup();
    const passing = await approvedStory(
      author,
      reviewer,
      "Notes from the delta",
      "The boat passed rice fields, markets and villages along the way. A floodplain came into view at dusk, then more fields.",
    );
    const about = await approvedStory(
      author,
      reviewer,
      "Floodplain fisheries",
      "The floodplain feeds the fish. When the floodplain drains, the fish return to the river.",
    );
    await publishStories(editor, [passing.id, about.id]);
    expect(await titlesFor("floodplain")).toEqual(["Floodplain fisheries", "Notes from the delta"]);
  });

  it("pages through many results, ten at a time, with the total", async () => {
    const { author, reviewer, editor } = await setup();
    const ids = [];
    for (let i = 1; i <= 12; i++) {
      ids.push((await approvedStory(author, reviewer, `Sediment report ${i}`, `Sediment samples, set ${i}.`)).id);
    }
    await publishStories(editor, ids);
    const first = results(await searchPublished({ q: "sediment" }));
    const second = results(await searchPublished({ q: "sediment", page: "2" }));
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(2);
    const all = [...first.items, ...second.items].map((item) => item.href);
    expect(new Set(all).size).toBe(12);
    // Past the last page: not a page of results (the page answers 404).
    expect(await searchPublished({ q: "sediment", page: "3" })).toEqual({ kind: "past-end", q: "sediment", page: 3, pageCount: 2 });
    expect(await searchPublished({ q: "zzqnothing", page: "2" })).toMatchObject({ kind: "past-end", pageCount: 0 });
    expect(results(await searchPublished({ q: "zzqnothing" }))).toMatchObject({ total: 0, more: false, pageCount: 0, items: [] });
  });

  it("counts, ranks and pages through at most 1,000 matches, and says when there are more", async () => {
    // 1,100 tiny stories written straight into the live snapshot (as scripts/bench-seed.ts
    // does): every one holds `all`, the first 1,000 `thousand`, the first 1,001 `overThousand`.
    const tag = randomUUID().replaceAll("-", "").slice(0, 8);
    const [all, thousand, overThousand] = [`zqall${tag}`, `zqthousand${tag}`, `zqover${tag}`];
    const { write } = await getDatabase();
    const issueId = randomUUID();
    const number = issueNumber++;
    await write(async (tx) => {
      const slug = `cap-test-${number}-2031`;
      const title = `Cap test ${number}`;
      await tx.insert(tables.issues).values({ id: issueId, number, year: 2031, slug, title, issueDate: "2031-05-01", editorsNote: "", status: "published", publishedAt: new Date() });
      await tx.insert(tables.publishedIssues).values({ issueId, slug, number, year: 2031, title, issueDate: "2031-05-01", editorsNote: "", publishedAt: new Date() });
      const rows = Array.from({ length: 1100 }, (_, i) => {
        const story = {
          title: `Note ${i}`,
          standfirst: "",
          plainText: [all, i < 1000 ? thousand : "", i < 1001 ? overThousand : ""].join(" "),
        };
        return { id: randomUUID(), issueId, storyId: randomUUID(), slug: `note-${i}`, position: i, authorName: "Cap Tester", html: `<p>${story.plainText}</p>`, ...story, ...searchColumns(story) };
      });
      for (let at = 0; at < rows.length; at += 200) await tx.insert(tables.publishedStories).values(rows.slice(at, at + 200));
    });

    const first = results(await searchPublished({ q: all }));
    expect(first).toMatchObject({ total: 1000, more: true, page: 1, pageCount: 100 });
    expect(first.items).toHaveLength(10);
    expect(results(await searchPublished({ q: thousand }))).toMatchObject({ total: 1000, more: false, pageCount: 100 });
    expect(results(await searchPublished({ q: overThousand }))).toMatchObject({ total: 1000, more: true, pageCount: 100 });

    // Every page up to the cap holds ten different stories, none twice.
    const seen = new Set<string>();
    for (let page = 1; page <= 100; page++) {
      const found = results(await searchPublished({ q: all, page: String(page) }));
      expect(found.items, `page ${page}`).toHaveLength(10);
      for (const item of found.items) seen.add(item.href);
    }
    expect(seen.size).toBe(1000);
    // Page 101 cannot exist, however many stories match.
    expect(await searchPublished({ q: all, page: "101" })).toMatchObject({ kind: "invalid", status: 404 });
  });

  it("with more than 1,000 matches, ranks the newest 1,000: the newest issue's stories come first, the oldest issue's are left out", async () => {
    // 11 issues of 100 stories, published a month apart (the oldest first, as on a real
    // archive), every story holding `word`. The oldest issue's stories also hold it in their
    // title, so they would rank first if they were among the candidates; they are the
    // 100 oldest matches, so they are not. Among equal matches the newest come first.
    const word = `zqnewest${randomUUID().replaceAll("-", "").slice(0, 8)}`;
    const sparse = `${word}sparse`;
    // In one story of ten, in every issue.
    const tenth = `${word}tenth`;
    // Followed by "moon" in the same stories as `tenth`; after "moon" in as many others.
    const ordered = `${word}ordered`;
    const { write } = await getDatabase();
    const issues = Array.from({ length: 11 }, (_, k) => ({ issueId: randomUUID(), number: issueNumber++, month: k }));
    await write(async (tx) => {
      for (const { issueId, number, month } of issues) {
        const slug = `newest-test-${number}-2031`;
        const title = `Newest test ${number}`;
        const issueDate = `2031-${String(month + 1).padStart(2, "0")}-01`;
        const publishedAt = new Date(`${issueDate}T08:00:00Z`);
        await tx.insert(tables.issues).values({ id: issueId, number, year: 2031, slug, title, issueDate, editorsNote: "", status: "published", publishedAt });
        await tx.insert(tables.publishedIssues).values({ issueId, slug, number, year: 2031, title, issueDate, editorsNote: "", publishedAt });
        const rows = Array.from({ length: 100 }, (_, i) => {
          // `sparse` is in every issue but the newest.
          const story = {
            title: month === 0 ? `Old ${word}` : `Note ${i}`,
            standfirst: "",
            plainText: `${word} river notes${month < 10 ? ` ${sparse}` : ""}${i % 10 === 0 ? ` ${tenth} ${ordered} moon` : ""}${i % 10 === 5 ? ` moon ${ordered}` : ""}`,
          };
          return { id: randomUUID(), issueId, storyId: randomUUID(), slug: `story-${i}`, position: i, authorName: "Date Tester", html: `<p>${story.plainText}</p>`, ...story, ...searchColumns(story) };
        });
        await tx.insert(tables.publishedStories).values(rows);
      }
    });
    const slugOf = (issue: { number: number }) => `/issues/newest-test-${issue.number}-2031`;
    const first = results(await searchPublished({ q: word }));
    expect(first).toMatchObject({ total: 1000, more: true });
    expect(first.items.map((item) => item.issueHref)).toEqual(Array(10).fill(slugOf(issues[10]!)));
    // The last page: still nothing from the oldest issue, the second oldest's stories last.
    const last = results(await searchPublished({ q: word, page: "100" }));
    expect(last.items.map((item) => item.issueHref)).toEqual(Array(10).fill(slugOf(issues[1]!)));

    // The same with a limit of 50: the newest 50. On Postgres, with the table's statistics
    // known, `word` and `sparse` (in every story of the newest 200 but none / half of them)
    // are found by walking the newest issues' stories; `tenth` (one in ten of them: the
    // walk would read ten stories for each match) by reading every match from the index.
    const { db, write: writeAgain } = await getDatabase();
    if (processDialect === "postgres") await writeAgain((tx) => tx.execute(sql`ANALYZE published_stories`));
    const bounds = { limit: 10, offset: 0, countLimit: 50 };
    const newest = async (q: string, offset = 0) =>
      (await searchPublishedStories(db, parseQuery(q), { ...bounds, offset })).hits.map((hit) => `/issues/${hit.issueSlug}`);
    expect(await newest(word)).toEqual(Array(10).fill(slugOf(issues[10]!)));
    expect(await newest(sparse)).toEqual(Array(10).fill(slugOf(issues[9]!)));
    expect(await searchPublishedStories(db, parseQuery(sparse), { ...bounds, offset: 40 })).toMatchObject({ total: 50, more: true });
    // Ten an issue: the newest five issues' (10, 9, 8, 7, 6), a page of ten each.
    for (let page = 0; page < 5; page++) expect(await newest(tenth, page * 10), `page ${page + 1}`).toEqual(Array(10).fill(slugOf(issues[10 - page]!)));
    expect(await searchPublishedStories(db, parseQuery(tenth), { ...bounds, offset: 50 })).toMatchObject({ hits: [], total: 50, more: true });
    // A phrase: its words in its order. Postgres puts the stories holding both words in date
    // order and checks the order of the words in the newest only: the same stories as `tenth`.
    const phrase = `${ordered}-moon`;
    for (let page = 0; page < 5; page++) expect(await newest(phrase, page * 10), `phrase page ${page + 1}`).toEqual(Array(10).fill(slugOf(issues[10 - page]!)));
    const reversed = `moon-${ordered}`;
    for (let page = 0; page < 5; page++) expect(await newest(reversed, page * 10), `reversed page ${page + 1}`).toEqual(Array(10).fill(slugOf(issues[10 - page]!)));
    const all = await searchPublishedStories(db, parseQuery(phrase), { limit: 60, offset: 0, countLimit: 1000 });
    expect(all).toMatchObject({ total: 110, more: false });
    expect(all.hits.every((hit) => /moon$/.test(hit.plainText.trim()))).toBe(true);
  });

  it("forgets an unpublished issue's stories at once, and a re-published issue is found by its new words", async () => {
    const { author, reviewer, editor } = await setup();
    const story = await approvedStory(author, reviewer, "Mangrove planting", "Volunteers planted mangroves along the estuary.");
    const issue = await publishStories(editor, [story.id]);
    expect(await titlesFor("mangroves")).toEqual(["Mangrove planting"]);

    await unpublishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
    expect(await titlesFor("mangroves")).toEqual([]);

    // Edit the story, approve it again and publish the issue anew: old words go, new words come.
    await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
    expect(await titlesFor("mangroves")).toEqual(["Mangrove planting"]);
    await reopenStory(editor, { storyId: story.id, version: (await currentStory(story.id)).version });
    await saveStory(editor, {
      storyId: story.id,
      version: (await currentStory(story.id)).version,
      title: "Seagrass meadows",
      body: bodyText("Divers mapped seagrass meadows in the bay."),
    });
    await submitStory(editor, { storyId: story.id, version: (await currentStory(story.id)).version });
    await approveStory(reviewer, { storyId: story.id, version: (await currentStory(story.id)).version });
    await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
    expect(await titlesFor("mangroves")).toEqual([]);
    expect(await titlesFor("seagrass")).toEqual(["Seagrass meadows"]);
  });

  it("indexes stories published before search existed on the next start", async () => {
    const { author, reviewer, editor } = await setup();
    const story = await approvedStory(author, reviewer, "Wetland census", "Herons nested in the reeds.");
    await publishStories(editor, [story.id]);
    const { write } = await getDatabase();
    // As a row stored before the search migration: no words, version 0.
    await write((tx) =>
      tx.update(tables.publishedStories).set({ searchTitle: "", searchBody: "", searchVersion: 0 }).where(sql`story_id = ${story.id}`),
    );
    expect(await titlesFor("herons")).toEqual([]);
    expect(await write((tx) => refreshSearchWords(tx))).toBeGreaterThanOrEqual(1);
    expect(await titlesFor("herons")).toEqual(["Wetland census"]);
    expect(await write((tx) => refreshSearchWords(tx))).toBe(0);
  });

  it("answers bad input with a clear message and a 4xx status, never an error", async () => {
    expect(await searchPublished({})).toEqual({ kind: "blank", q: "" });
    expect(await searchPublished({ q: "   " })).toEqual({ kind: "blank", q: "" });
    expect(await searchPublished({ q: "x".repeat(201) })).toMatchObject({ kind: "invalid", status: 400, message: /at most 200 characters/ });
    expect(await searchPublished({ q: "river", page: "abc" })).toMatchObject({ kind: "invalid", status: 400, message: /page number/ });
    expect(await searchPublished({ q: "river", page: "0" })).toMatchObject({ kind: "invalid", status: 400 });
    expect(await searchPublished({ q: "river", page: "1.5" })).toMatchObject({ kind: "invalid", status: 400 });
    expect(await searchPublished({ q: "river", page: "101" })).toMatchObject({ kind: "invalid", status: 404, message: /stop at page 100/ });
    expect(await searchPublished({ q: "?!…—" })).toMatchObject({ kind: "invalid", status: 400, message: /search for a word/ });
    // A repeated parameter is refused (it used to count once), the first query still shown in the form.
    expect(await searchPublished({ q: ["dolphins", "other"] })).toMatchObject({ kind: "invalid", status: 400, q: "dolphins", message: /more than one search/ });
    expect(await searchPublished(new URLSearchParams("q=river&page=1&page=2"))).toMatchObject({ kind: "invalid", status: 400, message: /more than one page/ });
    // Quotes, operators and SQL are only words to search for.
    for (const q of [`"unbalanced`, "a OR b NOT c", "x' OR '1'='1", "NEAR(a b)", "foo:* & !bar", "\\'; drop table users; --"]) {
      expect((await searchPublished({ q })).kind).toBe("results");
    }
  });

  it("finds stories through the full-text index, not by scanning their text", async () => {
    const { write } = await getDatabase();
    for (const q of ["合作 river", "mekong", "ร่วมมือ"]) {
      const statement = searchStatement(parseQuery(q), { limit: 10, offset: 20, countLimit: 1000 });
      const plan = await write(async (tx) => {
        if (processDialect === "sqlite") {
          const rows = (tx as unknown as BetterSQLite3Database).all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${statement}`);
          return rows.map((row) => row.detail).join("\n");
        }
        // As searchPublishedStories runs it (and a tiny test table would be scanned anyway).
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN ${statement}`);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
      if (processDialect === "sqlite") {
        expect(plan).toMatch(/SCAN published_stories_fts VIRTUAL TABLE INDEX/);
        // The page's stories and issues are looked up by key, never scanned.
        expect(plan).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
        expect(plan).not.toMatch(/SCAN (s|i|published_stories|published_issues)\b/);
      } else {
        expect(plan).toMatch(/Bitmap Index Scan on published_stories_search_idx/);
        // With more than 1,000 matches the newest issues' stories are read by issue id. (The
        // few published issues are read whole and sorted by date: their table may be scanned.)
        expect(plan).toMatch(/Index Scan (on|using) published_stories_issue_slug_idx/);
        expect(plan).not.toMatch(/Seq Scan on published_stories/);
      }
    }
    if (processDialect === "postgres") {
      // New words go into the index at once, not into a pending list that every search reads.
      const { rows } = await write((tx) =>
        tx.execute<{ options: string[] | null }>(sql`SELECT reloptions AS options FROM pg_class WHERE relname = 'published_stories_search_idx'`),
      );
      expect(rows[0]?.options).toContain("fastupdate=off");
    }
  });
});
