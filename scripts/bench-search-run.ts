// The timing half of `npm run bench:search` (scripts/bench-search.mjs), run on a seeded
// database (DATABASE_URL): gives a few of the generated stories words in Chinese and Thai
// and a rare English word, then times searchPublished per query and prints p50 and p95.
//   DATABASE_URL=… tsx --conditions=react-server scripts/bench-search-run.ts [RUNS]
import { eq } from "drizzle-orm";
import { closeDatabase, getDatabase, processDialect, tables } from "../db/client";
import { searchColumns } from "../db/queries/search";
import { prepareDatabase } from "../db/seed/first-start";
import { searchPublished } from "../lib/search/search-published";

const RUNS = Number(process.argv[2] ?? 40);
/** One story in this many gets the Chinese and Thai sentences; one in RARE_EVERY the rare word. */
const EXTRA_EVERY = 50;
const RARE_EVERY = 4000;

// As the app's start does (bench-seed.ts writes the stories indexed, so this finds little to do).
await prepareDatabase();
const { db, write } = await getDatabase();
const all = await db
  .select({ id: tables.publishedStories.id, title: tables.publishedStories.title, standfirst: tables.publishedStories.standfirst, plainText: tables.publishedStories.plainText })
  .from(tables.publishedStories)
  .orderBy(tables.publishedStories.id);
await write(async (tx) => {
  // Counted among the stories given the sentences (not by position in the list): the
  // stories copied from the demo's Chinese translation already hold them and are skipped,
  // and a rare word placed by position could land only on those and be found nowhere.
  let given = 0;
  for (const [i, story] of all.entries()) {
    if (i % EXTRA_EVERY !== 0 || story.plainText.includes("湄公河")) continue;
    const rare = given++ % (RARE_EVERY / EXTRA_EVERY) === 0;
    const extra = `我们加强区域合作，保护湄公河。ชาวบ้านช่วยกันปกป้องแม่น้ำโขง${rare ? " A dugong was seen near the estuary." : ""}`;
    const plainText = `${story.plainText}\n${extra}`;
    await tx
      .update(tables.publishedStories)
      .set({ plainText, ...searchColumns({ ...story, plainText }) })
      .where(eq(tables.publishedStories.id, story.id));
  }
});

const QUERIES: [string, Record<string, string>][] = [
  ["common word, page 1", { q: "mekong" }],
  ["common word, page 50", { q: "mekong", page: "50" }],
  ["common word, last page", { q: "mekong", page: "100" }],
  ["two common words", { q: "lancang cooperation" }],
  ["common phrase", { q: "lancang-mekong" }],
  ["rare word", { q: "dugong" }],
  ["no such word", { q: "zzyzx" }],
  ["Chinese 合作", { q: "合作" }],
  ["Thai แม่น้ำ", { q: "แม่น้ำ" }],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

console.log(`\n${processDialect}: searchPublished, ${all.length} published stories, ${RUNS} runs per query after 3 warm-up runs`);
console.log(`${"query".padEnd(26)} ${"params".padEnd(28)} ${"found".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
for (const [name, params] of QUERIES) {
  let found = "-";
  for (let i = 0; i < 3; i++) {
    const result = await searchPublished(params);
    if (result.kind === "results") found = `${result.total}${result.more ? "+" : ""}`;
    else found = result.kind;
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await searchPublished(params);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(26)} ${new URLSearchParams(params).toString().slice(0, 28).padEnd(28)} ${found.padStart(7)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)}`,
  );
}
await closeDatabase();
