import "server-only";
import { eq, lt, sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { indexText, SEARCH_INDEX_VERSION, toFts5Match, toTsQuery, type ParsedQuery } from "../../lib/search/tokenize";
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
 * The one statement of a search, costing about the same however many stories match. Its
 * rows are the page's published stories (none past the last page), each with `total`.
 *  - The candidates are the first countLimit + 1 stories that hold every phrase of the
 *    query, read from the full-text index (FTS5 / GIN), never by scanning the text: on
 *    SQLite the most recently published ones (FTS5 walks its rowids backwards for free);
 *    on Postgres the first in the table's order (a GIN bitmap comes in that order; to
 *    have the newest instead, every match would have to be read and sorted).
 *  - `total` is their count: countLimit + 1 means "more than countLimit" ("1,000+").
 *  - The first countLimit candidates are ranked by the engine's own score (bm25 with
 *    the title counting four times / ts_rank with the title weighted A, so a title
 *    match comes first), the most recently published first among equals on SQLite; the
 *    page's slice of them is then joined to the story and issue rows. When fewer stories
 *    match than countLimit, that is every match, ranked.
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
  return sql`WITH candidates AS MATERIALIZED (
      SELECT s.id, s.search_vector FROM published_stories s WHERE s.search_vector @@ ${tsquery}
      LIMIT ${countLimit + 1}
    ), top AS MATERIALIZED (
      SELECT id, ts_rank(search_vector, ${tsquery}) AS score FROM (SELECT * FROM candidates LIMIT ${countLimit}) c
      ORDER BY score DESC, id DESC LIMIT ${limit} OFFSET ${offset}
    )
    SELECT n.total, ${selectList}
    FROM (SELECT count(*) AS total FROM candidates) n
    LEFT JOIN (top JOIN published_stories s ON s.id = top.id JOIN published_issues i ON i.issue_id = s.issue_id) ON true
    ORDER BY top.score DESC, top.id DESC`;
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
