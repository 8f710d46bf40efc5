import "server-only";
import { and, asc, count, desc, eq, gt, inArray, lt, sql, type SQL } from "drizzle-orm";
import { tables, type Db } from "../client";
import { textPosition } from "../dialect";
import { issueColumns, newestIssueFirst, type PublishedIssue } from "./published";

/**
 * What the archive, author pages and a story's neighbours read: the live snapshot only,
 * like every reader page. Every list is one bounded page (LIMIT), whatever the archive's size.
 */
const { publishedIssues, publishedStories } = tables;



export interface ArchiveYear {
  year: number;
  issues: number;
}

/** Every year with a published issue and how many, newest first: one row a year. */
export async function listArchiveYears(db: Db): Promise<ArchiveYear[]> {
  const rows = await db
    .select({ year: publishedIssues.year, issues: count() })
    .from(publishedIssues)
    .groupBy(publishedIssues.year)
    .orderBy(desc(publishedIssues.year));
  return rows.map((row) => ({ year: Number(row.year), issues: Number(row.issues) }));
}

/** One page of published issues, newest first; of one year when `year` is given. */
export async function listArchivePage(
  db: Db,
  { year, offset, limit }: { year?: number; offset: number; limit: number },
): Promise<PublishedIssue[]> {
  const query = db.select(issueColumns).from(publishedIssues);
  return (year === undefined ? query : query.where(eq(publishedIssues.year, year)))
    .orderBy(...newestIssueFirst)
    .limit(limit)
    .offset(offset);
}

// The renderer writes every story image as <figure class="story-image"><img …> (see
// lib/reader/structured-data.ts); a speaker's portrait is not such a figure.
const STORY_FIGURE = '<figure class="story-image"';
/** Enough of the HTML from the figure on to hold its whole <img> tag (src, srcset, alt). */
const FIGURE_FRAGMENT = 4000;

/**
 * For each of these issues, the HTML from its first story image on (a fragment, not the
 * story), taken from its first story, in issue order, that has one; issues with none are
 * left out. The database picks the story and cuts the fragment, so a page of covers reads
 * a few kilobytes, not the text of every story of every issue; when the lead story has the
 * picture (the usual case) it reads that story's text alone.
 */
export async function listCoverFragments(db: Db, issueIds: string[]): Promise<{ issueId: string; html: string }[]> {
  if (issueIds.length === 0) return [];
  // Spelt out with their tables: in a select list Drizzle may leave a column unqualified,
  // which inside a subquery would mean the subquery's own table.
  const outerIssueId = sql.raw("published_issues.issue_id");
  const fragment = (html: SQL) => sql`substr(${html}, ${textPosition(html, STORY_FIGURE)}, ${FIGURE_FRAGMENT})`;
  const hasFigure = (html: SQL) => sql`${textPosition(html, STORY_FIGURE)} > 0`;
  const leadHtml = sql.raw("lead_story.html");
  const anyHtml = sql.raw("cover_story.html");
  const rows = await db
    .select({
      issueId: publishedIssues.issueId,
      // The lead story first (one story's text read, and usually the one with the picture),
      // else the first story in issue order that has one.
      html: sql<string | null>`coalesce(
        (select ${fragment(leadHtml)} from ${publishedStories} lead_story
          where lead_story.issue_id = ${outerIssueId} and ${hasFigure(leadHtml)}
            and lead_story.position = (select min(first_story.position) from ${publishedStories} first_story where first_story.issue_id = ${outerIssueId})),
        (select ${fragment(anyHtml)} from ${publishedStories} cover_story
          where cover_story.issue_id = ${outerIssueId} and ${hasFigure(anyHtml)}
          order by cover_story.position limit 1))`,
    })
    .from(publishedIssues)
    .where(inArray(publishedIssues.issueId, issueIds));
  return rows.flatMap((row) => (row.html ? [{ issueId: row.issueId, html: row.html }] : []));
}

export interface AuthorStory {
  slug: string;
  title: string;
  standfirst: string;
  authorName: string;
  locale: string;
  issue: Pick<PublishedIssue, "slug" | "number" | "year" | "title" | "issueDate">;
}

/** How many published stories this author has. */
export async function countStoriesByAuthor(db: Db, authorId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(publishedStories).where(eq(publishedStories.authorId, authorId));
  return Number(row?.n ?? 0);
}

/** The name an author's newest published story carries (the byline readers saw last), or null. */
export async function findAuthorName(db: Db, authorId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: publishedStories.authorName })
    .from(publishedStories)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedStories.issueId))
    .where(eq(publishedStories.authorId, authorId))
    .orderBy(...newestIssueFirst, asc(publishedStories.position))
    .limit(1);
  return row?.name ?? null;
}

/** One page of an author's published stories: newest issue first, then in issue order. */
export async function listStoriesByAuthor(
  db: Db,
  authorId: string,
  { offset, limit }: { offset: number; limit: number },
): Promise<AuthorStory[]> {
  const rows = await db
    .select({
      slug: publishedStories.slug,
      title: publishedStories.title,
      standfirst: publishedStories.standfirst,
      authorName: publishedStories.authorName,
      locale: publishedStories.locale,
      issueSlug: publishedIssues.slug,
      issueNumber: publishedIssues.number,
      issueYear: publishedIssues.year,
      issueTitle: publishedIssues.title,
      issueDate: publishedIssues.issueDate,
    })
    .from(publishedStories)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedStories.issueId))
    .where(eq(publishedStories.authorId, authorId))
    .orderBy(...newestIssueFirst, asc(publishedStories.position))
    .limit(limit)
    .offset(offset);
  return rows.map(({ issueSlug, issueNumber, issueYear, issueTitle, issueDate, ...story }) => ({
    ...story,
    issue: { slug: issueSlug, number: issueNumber, year: issueYear, title: issueTitle, issueDate },
  }));
}

export interface StoryLink {
  slug: string;
  title: string;
}

/**
 * The stories before and after `position` in the issue, among those in the same language
 * (a translation's neighbours are the issue's other stories in its language).
 */
export async function findStoryNeighbours(
  db: Db,
  issueId: string,
  { position, locale }: { position: number; locale: string },
): Promise<{ previous: StoryLink | null; next: StoryLink | null }> {
  const link = { slug: publishedStories.slug, title: publishedStories.title };
  const sameIssue = and(eq(publishedStories.issueId, issueId), eq(publishedStories.locale, locale));
  const [previous] = await db
    .select(link)
    .from(publishedStories)
    .where(and(sameIssue, lt(publishedStories.position, position)))
    .orderBy(desc(publishedStories.position))
    .limit(1);
  const [next] = await db
    .select(link)
    .from(publishedStories)
    .where(and(sameIssue, gt(publishedStories.position, position)))
    .orderBy(asc(publishedStories.position))
    .limit(1);
  return { previous: previous ?? null, next: next ?? null };
}
