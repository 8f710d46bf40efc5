import "server-only";
import { and, asc, eq, inArray, like } from "drizzle-orm";
import { tables, type Db } from "../client";
import { issueColumns, newestIssueFirst, storyColumns, type PublishedIssue, type PublishedStory } from "./published";

/**
 * What feeds and the sitemap read: the live snapshot only, like every reader page, so an
 * unpublished issue (whose snapshot rows are gone) is in none of them.
 */
const { publishedIssues, publishedStories } = tables;



export async function listRecentPublishedIssues(db: Db, limit: number): Promise<PublishedIssue[]> {
  return db.select(issueColumns).from(publishedIssues).orderBy(...newestIssueFirst).limit(limit);
}

export interface IssueStoryLine {
  issueId: string;
  slug: string;
  title: string;
}

/** The stories of these issues, titles only, in issue order. */
export async function listStoryTitlesOfIssues(db: Db, issueIds: string[]): Promise<IssueStoryLine[]> {
  if (issueIds.length === 0) return [];
  return db
    .select({ issueId: publishedStories.issueId, slug: publishedStories.slug, title: publishedStories.title })
    .from(publishedStories)
    .where(inArray(publishedStories.issueId, issueIds))
    .orderBy(asc(publishedStories.issueId), asc(publishedStories.position));
}

/**
 * The HTML of those stories of these issues that hold a story image, in issue order: enough
 * to find each issue's cover without reading every story's text.
 */
export async function listIllustratedStoriesOfIssues(db: Db, issueIds: string[]): Promise<{ issueId: string; html: string }[]> {
  if (issueIds.length === 0) return [];
  return db
    .select({ issueId: publishedStories.issueId, html: publishedStories.html })
    .from(publishedStories)
    .where(and(inArray(publishedStories.issueId, issueIds), like(publishedStories.html, '%<figure class="story-image"%')))
    .orderBy(asc(publishedStories.issueId), asc(publishedStories.position));
}

export interface RecentStory extends PublishedStory {
  issue: Pick<PublishedIssue, "slug" | "number" | "year" | "title" | "issueDate" | "publishedAt">;
}

/** The newest published stories: newest issue first, then in issue order. */
export async function listRecentPublishedStories(db: Db, limit: number): Promise<RecentStory[]> {
  const rows = await db
    .select({
      ...storyColumns,
      issueSlug: publishedIssues.slug,
      issueNumber: publishedIssues.number,
      issueYear: publishedIssues.year,
      issueTitle: publishedIssues.title,
      issueDate: publishedIssues.issueDate,
      publishedAt: publishedIssues.publishedAt,
    })
    .from(publishedStories)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedStories.issueId))
    .orderBy(...newestIssueFirst, asc(publishedStories.position))
    .limit(limit);
  return rows.map(({ issueSlug, issueNumber, issueYear, issueTitle, issueDate, publishedAt, ...story }) => ({
    ...story,
    issue: { slug: issueSlug, number: issueNumber, year: issueYear, title: issueTitle, issueDate, publishedAt },
  }));
}

export interface SitemapRows {
  issues: { slug: string; publishedAt: Date }[];
  stories: { issueSlug: string; slug: string; publishedAt: Date; locale: string; translationGroup: string | null }[];
}

/** Every published issue and story address, newest issue first. */
export async function listPublishedAddresses(db: Db): Promise<SitemapRows> {
  const issues = await db
    .select({ slug: publishedIssues.slug, publishedAt: publishedIssues.publishedAt })
    .from(publishedIssues)
    .orderBy(...newestIssueFirst);
  const stories = await db
    .select({
      issueSlug: publishedIssues.slug,
      slug: publishedStories.slug,
      publishedAt: publishedIssues.publishedAt,
      locale: publishedStories.locale,
      translationGroup: publishedStories.translationGroup,
    })
    .from(publishedStories)
    .innerJoin(publishedIssues, eq(publishedIssues.issueId, publishedStories.issueId))
    .orderBy(...newestIssueFirst, asc(publishedStories.position));
  return { issues, stories };
}
