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
  total: number;
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

/**
 * The two statements of a search: one page of published stories holding every phrase of
 * the query, best first, and their count. Both go through the engine's full-text index
 * (FTS5 / GIN), never a scan of the text; the rank is the engine's own (bm25 with the
 * title counting four times / ts_rank with the title weighted A), newest issue first among
 * equals. Only published stories are in the index, so nothing else can be found.
 */
export function searchStatements(query: ParsedQuery, page: { limit: number; offset: number }): { rows: SQL; count: SQL } {
  if (processDialect === "sqlite") {
    const found = sql`published_stories_fts f JOIN published_stories s ON s.rowid = f.rowid
      JOIN published_issues i ON i.issue_id = s.issue_id WHERE published_stories_fts MATCH ${toFts5Match(query)}`;
    return {
      rows: sql`SELECT ${selectList} FROM ${found}
        ORDER BY bm25(published_stories_fts, 4.0, 1.0), i.issue_date DESC, s.position, s.id
        LIMIT ${page.limit} OFFSET ${page.offset}`,
      count: sql`SELECT count(*) AS total FROM ${found}`,
    };
  }
  const tsquery = sql`${toTsQuery(query)}::tsquery`;
  const found = sql`published_stories s JOIN published_issues i ON i.issue_id = s.issue_id
    WHERE s.search_vector @@ ${tsquery}`;
  return {
    rows: sql`SELECT ${selectList} FROM ${found}
      ORDER BY ts_rank(s.search_vector, ${tsquery}) DESC, i.issue_date DESC, s.position, s.id
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    count: sql`SELECT count(*) AS total FROM ${found}`,
  };
}

export async function searchPublishedStories(
  db: Db,
  query: ParsedQuery,
  page: { limit: number; offset: number },
): Promise<SearchPage> {
  if (query.length === 0) return { hits: [], total: 0 };
  const statements = searchStatements(query, page);
  if (processDialect === "sqlite") {
    const sqlite = db as unknown as BetterSQLite3Database;
    const rows = sqlite.all<Row>(statements.rows);
    const total = sqlite.get<{ total: number }>(statements.count);
    return { hits: rows.map(toHit), total: total?.total ?? 0 };
  }
  const rows = await db.execute<Row & Record<string, unknown>>(statements.rows);
  const total = await db.execute<{ total: string | number }>(statements.count);
  return { hits: rows.rows.map(toHit), total: Number(total.rows[0]?.total ?? 0) };
}
