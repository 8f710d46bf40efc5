import "server-only";
import { eq, lt, sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { indexText, SEARCH_INDEX_VERSION, toFts5Match, toLooseTsQuery, toTsQuery, type ParsedQuery } from "../../lib/search/tokenize";
import { processDialect, tables, type Db } from "../client";

const { publishedStories } = tables;

/** The words a published story is found by; stored with it when its issue is published. */
export function searchColumns(story: { title: string; standfirst: string; plainText: string }) {
  return {
    searchTitle: indexText(story.title),
    searchBody: indexText(`${story.standfirst}\n${story.plainText}`),
    searchVersion: SEARCH_INDEX_VERSION,
  };
}

/**
 * Indexes published stories that were stored before search existed, or with an older
 * version of the tokeniser. Run once per start (it finds nothing to do after that).
 */
export async function refreshSearchWords(tx: Db): Promise<number> {
  const stale = await tx
    .select({
      id: publishedStories.id,
      title: publishedStories.title,
      standfirst: publishedStories.standfirst,
      plainText: publishedStories.plainText,
    })
    .from(publishedStories)
    .where(lt(publishedStories.searchVersion, SEARCH_INDEX_VERSION));
  for (const story of stale) {
    await tx.update(publishedStories).set(searchColumns(story)).where(eq(publishedStories.id, story.id));
  }
  // Many stories' search words changed: the planner's statistics and the table's size that
  // a search reads from pg_class are renewed now, not whenever autovacuum next comes by.
  if (stale.length > 100 && processDialect === "postgres") await tx.execute(sql`ANALYZE published_stories`);
  return stale.length;
}

export interface SearchHit {
  storySlug: string;
  title: string;
  standfirst: string;
  plainText: string;
  authorName: string;
  locale: string;
  issueSlug: string;
  issueNumber: number;
  issueYear: number;
  issueTitle: string;
  issueDate: string;
}

export interface SearchPage {
  hits: SearchHit[];
  /** How many stories match, counted up to `countLimit`. */
  total: number;
  /** More than `countLimit` stories match. */
  more: boolean;
}

interface Row {
  story_slug: string;
  title: string;
  standfirst: string;
  plain_text: string;
  author_name: string;
  locale: string;
  issue_slug: string;
  issue_number: number | string;
  issue_year: number | string;
  issue_title: string;
  issue_date: string;
}

const toHit = (row: Row): SearchHit => ({
  storySlug: row.story_slug,
  title: row.title,
  standfirst: row.standfirst,
  plainText: row.plain_text,
  authorName: row.author_name,
  locale: row.locale,
  issueSlug: row.issue_slug,
  issueNumber: Number(row.issue_number),
  issueYear: Number(row.issue_year),
  issueTitle: row.issue_title,
  issueDate: row.issue_date,
});

const selectList = sql.raw(`s.slug AS story_slug, s.title, s.standfirst, s.plain_text, s.author_name, s.locale,
  i.slug AS issue_slug, i.number AS issue_number, i.year AS issue_year, i.title AS issue_title, i.issue_date`);

export interface SearchBounds {
  /** The page: `limit` results from `offset` in rank order. */
  limit: number;
  offset: number;
  /** Count, rank and page through at most this many matches (the most recently published). */
  countLimit: number;
}

/**
 * On Postgres, with more matches than the count limit, the newest are looked for by
 * reading the stories of the newest issues (the walk), when that is the cheaper way.
 * First the newest WALK_SAMPLE stories are read, to see how dense the matches are.
 */
const WALK_SAMPLE = 200;
/** The walk reads at most this many times the count limit of stories. */
const MAX_WALK_STORIES = 10;
/**
 * Testing a story the walk reads costs about this many times as much as reading one
 * match from the index (the walk reads its search words from TOAST; the index read only
 * the story's row): the walk is chosen when it should cost less than reading every match.
 */
const WALK_COST = 3;

/**
 * The one statement of a search, costing about the same however many stories match. Its
 * rows are the page's published stories (none past the last page), each with `total`.
 *  - The matches counted are the first countLimit + 1 stories that hold every phrase of
 *    the query, read from the full-text index (FTS5 / GIN), never by scanning the text.
 *    `total` is their count: countLimit + 1 means "more than countLimit" ("1,000+").
 *  - The candidates ranked are the countLimit most recently published matches (all of
 *    them when there are no more). On SQLite FTS5 walks its rowids backwards, newest
 *    first, for free. On Postgres a GIN index gives its matches in table order (roughly
 *    the oldest first), so when there are more than countLimit:
 *      1. the newest issues are walked (published_at, newest first; the table is small)
 *         and their stories, found by issue id, tested one by one until countLimit match:
 *         few when the words are common in recent issues, as the words of a search with
 *         1,000+ results usually are. The newest WALK_SAMPLE stories are tested first:
 *         with d of them matching, the walk is expected to read countLimit / d stories
 *         (it reads at most 1.25 times that, and MAX_WALK_STORIES × countLimit), and is
 *         skipped when that costs more than step 2 would (WALK_COST × countLimit / d
 *         against d × the stories in the table, from the planner's statistics);
 *      2. else (matches spread thin, or the walk fell short) every match is read from
 *         the index with its issue's date and the newest kept: a short read of each
 *         matching row (a phrase's are read whole, to check the order of its words).
 *    Either way the same stories: the newest by issue publication, then position.
 *  - The candidates are ranked by the engine's own score (bm25 with the title counting
 *    four times / ts_rank with the title weighted A, so a title match comes first), the
 *    most recently published first among equals; the page's slice of them is then joined
 *    to the story and issue rows.
 * Only published stories are in the index, so nothing else can be found.
 */
export function searchStatement(query: ParsedQuery, bounds: SearchBounds): SQL {
  const { limit, offset, countLimit } = bounds;
  if (processDialect === "sqlite") {
    return sql`WITH candidates AS MATERIALIZED (
        SELECT rowid AS id, bm25(published_stories_fts, 4.0, 1.0) AS score
        FROM published_stories_fts WHERE published_stories_fts MATCH ${toFts5Match(query)}
        ORDER BY rowid DESC LIMIT ${countLimit + 1}
      ), top AS MATERIALIZED (
        SELECT id, score FROM (SELECT id, score FROM candidates ORDER BY id DESC LIMIT ${countLimit})
        ORDER BY score, id DESC LIMIT ${limit} OFFSET ${offset}
      )
      SELECT n.total, ${selectList}
      FROM (SELECT count(*) AS total FROM candidates) n
      LEFT JOIN (top JOIN published_stories s ON s.rowid = top.id JOIN published_issues i ON i.issue_id = s.issue_id) ON 1
      ORDER BY top.score, top.id DESC`;
  }
  const tsquery = sql`${toTsQuery(query)}::tsquery`;
  const over = sql`(SELECT total FROM counted) > ${countLimit}`;
  /** A whole number of the code's own, written into the statement (typed, unlike a parameter). */
  const int = (n: number) => sql.raw(String(Math.trunc(n)));
  /** The newest issues' stories, newest first. */
  const newestStories = sql`(SELECT issue_id, published_at FROM published_issues ORDER BY published_at DESC, issue_id DESC) i
        CROSS JOIN LATERAL (
          SELECT s.id, s.search_vector, s.position FROM published_stories s WHERE s.issue_id = i.issue_id ORDER BY s.position
        ) c`;
  // Step 2: every match, the newest first. A phrase is matched by its words' positions,
  // which the index does not hold: each story the index finds for its words is read whole
  // (from TOAST) to check them. So the stories holding the words are put in date order
  // first, and only the newest are checked, until countLimit pass (the OFFSET 0 keeps the
  // planner from checking them all before the sort).
  const fallbackWhen = sql`${over} AND (SELECT count(*) FROM walked) < ${countLimit}`;
  const byDate = (match: SQL) => sql`
        SELECT s.id, s.search_vector, i.published_at, i.issue_id, s.position
        FROM published_stories s JOIN published_issues i ON i.issue_id = s.issue_id
        WHERE s.search_vector @@ ${match} AND ${fallbackWhen}
        ORDER BY i.published_at DESC, i.issue_id DESC, s.position`;
  const fallback = query.some((phrase) => phrase.words.length > 1)
    ? sql`SELECT * FROM (${byDate(sql`${toLooseTsQuery(query)}::tsquery`)} OFFSET 0) f WHERE f.search_vector @@ ${tsquery} LIMIT ${countLimit}`
    : sql`${byDate(tsquery)} LIMIT ${countLimit}`;
  return sql`WITH matches AS MATERIALIZED (
      SELECT s.id, s.search_vector, s.issue_id, s.position FROM published_stories s WHERE s.search_vector @@ ${tsquery}
      LIMIT ${countLimit + 1}
    ), counted AS MATERIALIZED (
      SELECT count(*) AS total FROM matches
    ), sampled AS MATERIALIZED (
      SELECT count(*) FILTER (WHERE w.search_vector @@ ${tsquery}) AS hits, count(*) AS read FROM (
        SELECT c.search_vector FROM ${newestStories} WHERE ${over} LIMIT ${WALK_SAMPLE}
      ) w
    ), walk AS MATERIALIZED (
      SELECT CASE
          WHEN s.hits = 0 THEN 0
          WHEN t.reltuples > 0 AND ${int(WALK_COST * countLimit)} * s.read / s.hits > s.hits * t.reltuples / s.read THEN 0
          ELSE LEAST(${int(MAX_WALK_STORIES * countLimit)}, ceil(1.25 * ${int(countLimit)} * s.read / s.hits))::bigint
        END AS stories
      FROM sampled s, pg_class t WHERE t.oid = 'published_stories'::regclass
    ), walked AS MATERIALIZED (
      SELECT w.id, w.search_vector, w.published_at, w.issue_id, w.position FROM (
        SELECT c.id, c.search_vector, i.published_at, i.issue_id, c.position
        FROM ${newestStories}
        WHERE ${over} LIMIT (SELECT stories FROM walk)
      ) w
      WHERE w.search_vector @@ ${tsquery} LIMIT ${countLimit}
    ), candidates AS MATERIALIZED (
      SELECT m.id, m.search_vector, i.published_at, i.issue_id, m.position
      FROM matches m JOIN published_issues i ON i.issue_id = m.issue_id WHERE NOT ${over}
      UNION ALL
      SELECT * FROM walked WHERE (SELECT count(*) FROM walked) = ${countLimit}
      UNION ALL (${fallback})
    ), top AS MATERIALIZED (
      SELECT id, ts_rank(search_vector, ${tsquery}) AS score, published_at, issue_id, position FROM candidates
      ORDER BY score DESC, published_at DESC, issue_id DESC, position LIMIT ${limit} OFFSET ${offset}
    )
    SELECT counted.total, ${selectList}
    FROM counted
    LEFT JOIN (top JOIN published_stories s ON s.id = top.id JOIN published_issues i ON i.issue_id = s.issue_id) ON true
    ORDER BY top.score DESC, top.published_at DESC, top.issue_id DESC, top.position`;
}

export async function searchPublishedStories(db: Db, query: ParsedQuery, bounds: SearchBounds): Promise<SearchPage> {
  if (query.length === 0) return { hits: [], total: 0, more: false };
  const statement = searchStatement(query, bounds);
  type Counted = Row & { total: number | string };
  let rows: Counted[];
  if (processDialect === "sqlite") {
    rows = (db as unknown as BetterSQLite3Database).all<Counted>(statement);
  } else {
    rows = await db.transaction(async (tx) => {
      // Else the planner may read the table in order, testing each story's words, until it
      // has enough matches: a scan of the whole table when they are fewer than it guessed
      // (common words that are seldom together). The index always serves.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      // That setting prices a scan of the small published_issues table (sorted by date) at
      // billions, and a plan that dear is compiled first (JIT): half a second to save nothing.
      await tx.execute(sql`SET LOCAL jit = off`);
      return (await tx.execute<Counted & Record<string, unknown>>(statement)).rows;
    });
  }
  const counted = Number(rows[0]?.total ?? 0);
  return {
    hits: rows.filter((row) => row.story_slug !== null).map(toHit),
    total: Math.min(counted, bounds.countLimit),
    more: counted > bounds.countLimit,
  };
}
