// The benchmark's database: the demo content (scripts/seed.ts) plus generated issues, so
// that there are ISSUES published issues and STORIES published stories in all.
//   DATABASE_URL=… tsx --conditions=react-server scripts/bench-seed.ts [ISSUES] [STORIES]
// Generated issues are older than the demo issue (which stays the latest, on the home
// page) and carry copies of the demo stories' text. They are inserted in bulk, straight
// into the live snapshot that readers read (issues, published_issues, published_stories),
// in batches of one transaction each; the studio's story rows are not generated.
import { randomUUID } from "node:crypto";
import { count, sql } from "drizzle-orm";
import { closeDatabase, getDatabase, processDialect, tables } from "../db/client";
import { indexText } from "../lib/search/tokenize";
import { prepareDatabase } from "../db/seed/first-start";

const ISSUES = Number(process.argv[2] ?? 1000);
const STORIES = Number(process.argv[3] ?? 20_000);
const ISSUES_PER_BATCH = 25;
const ROWS_PER_INSERT = 400;

const started = performance.now();
await prepareDatabase();
const { db, write } = await getDatabase();
const demoStories = await db.select().from(tables.publishedStories);
const existingIssues = (await db.select({ n: count() }).from(tables.publishedIssues))[0]?.n ?? 0;
if (demoStories.length === 0) throw new Error("The demo issue is missing: seed with SEED_DEMO=true.");

const toMake = Math.max(0, ISSUES - Number(existingIssues));
const storiesToMake = Math.max(0, STORIES - demoStories.length);
const perIssue = toMake === 0 ? 0 : Math.floor(storiesToMake / toMake);
let extra = toMake === 0 ? 0 : storiesToMake - perIssue * toMake;
const PER_YEAR = 40;

for (let first = 0; first < toMake; first += ISSUES_PER_BATCH) {
  await write(async (tx) => {
    const issueRows = [];
    const publishedRows = [];
    const storyRows = [];
    for (let i = first; i < Math.min(toMake, first + ISSUES_PER_BATCH); i++) {
      const year = 2021 - Math.floor(i / PER_YEAR);
      const number = PER_YEAR - (i % PER_YEAR);
      const id = randomUUID();
      const slug = `issue-${number}-${year}`;
      const title = `Issue ${number}, ${year}: rivers, forests and the people who keep them`;
      const month = String(1 + Math.floor(((number - 1) * 12) / PER_YEAR)).padStart(2, "0");
      const issueDate = `${year}-${month}-${String(1 + (number % 28)).padStart(2, "0")}`;
      const editorsNote = `Generated issue ${number} of ${year} for the reader benchmark.`;
      const publishedAt = new Date(Date.UTC(year, Number(month) - 1, 1));
      issueRows.push({ id, number, year, slug, title, issueDate, editorsNote, status: "published" as const, publishedAt });
      publishedRows.push({ issueId: id, slug, number, year, title, issueDate, editorsNote, publishedAt });
      const n = perIssue + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
      for (let position = 0; position < n; position++) {
        const source = demoStories[position % demoStories.length]!;
        const storyTitle = `${source.title} (${number}/${year}, ${position + 1})`;
        storyRows.push({
          id: randomUUID(),
          issueId: id,
          storyId: randomUUID(),
          slug: `${source.slug}-${position + 1}`,
          position,
          title: storyTitle,
          standfirst: source.standfirst,
          authorName: source.authorName,
          authorId: source.authorId,
          html: source.html,
          plainText: source.plainText,
          locale: source.locale,
          // Indexed as a publish indexes its stories (the body's words are the source's).
          searchTitle: indexText(storyTitle),
          searchBody: source.searchBody,
          searchVersion: source.searchVersion,
        });
      }
    }
    await tx.insert(tables.issues).values(issueRows);
    await tx.insert(tables.publishedIssues).values(publishedRows);
    for (let at = 0; at < storyRows.length; at += ROWS_PER_INSERT) {
      await tx.insert(tables.publishedStories).values(storyRows.slice(at, at + ROWS_PER_INSERT));
    }
  });
}

// As after any bulk load: the planner's statistics and the visibility map, now, rather
// than by autovacuum on the same 2 cores while the pages are being timed.
if (processDialect === "postgres") await db.execute(sql`VACUUM ANALYZE published_issues, published_stories`);

const issues = (await db.select({ n: count() }).from(tables.publishedIssues))[0]?.n;
const stories = (await db.select({ n: count() }).from(tables.publishedStories))[0]?.n;
console.log(`seeded: ${issues} published issues, ${stories} published stories in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await closeDatabase();
