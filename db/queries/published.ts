import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { tables, type Db } from "../client";

const { publishedIssues, publishedStories } = tables;

/** Readers read only these snapshot tables, never the working copies. */
export interface PublishedIssue {
  issueId: string;
  slug: string;
  number: number;
  year: number;
  title: string;
  issueDate: string;
  editorsNote: string;
  publishedAt: Date;
}

export interface PublishedStory {
  slug: string;
  position: number;
  title: string;
  standfirst: string;
  authorName: string;
  authorId: string | null;
  locale: string;
  translationGroup: string | null;
  html: string;
}

/** An issue's snapshot columns, as every reader query selects them. */
export const issueColumns = {
  issueId: publishedIssues.issueId,
  slug: publishedIssues.slug,
  number: publishedIssues.number,
  year: publishedIssues.year,
  title: publishedIssues.title,
  issueDate: publishedIssues.issueDate,
  editorsNote: publishedIssues.editorsNote,
  publishedAt: publishedIssues.publishedAt,
};

/** The archive's order: newest issue date first (then year and number, for issues of one day). */
export const newestIssueFirst = [desc(publishedIssues.issueDate), desc(publishedIssues.year), desc(publishedIssues.number)];

/** A story's snapshot columns, as reader pages select them. */
export const storyColumns = {
  slug: publishedStories.slug,
  position: publishedStories.position,
  title: publishedStories.title,
  standfirst: publishedStories.standfirst,
  authorName: publishedStories.authorName,
  authorId: publishedStories.authorId,
  locale: publishedStories.locale,
  translationGroup: publishedStories.translationGroup,
  html: publishedStories.html,
};

export async function findLatestPublishedIssue(db: Db): Promise<PublishedIssue | null> {
  const [row] = await db
    .select(issueColumns)
    .from(publishedIssues)
    .orderBy(...newestIssueFirst)
    .limit(1);
  return row ?? null;
}

export async function findPublishedIssue(db: Db, slug: string): Promise<PublishedIssue | null> {
  const [row] = await db
    .select(issueColumns)
    .from(publishedIssues)
    .where(eq(publishedIssues.slug, slug))
    .limit(1);
  return row ?? null;
}

export async function listPublishedStories(db: Db, issueId: string): Promise<PublishedStory[]> {
  return db
    .select(storyColumns)
    .from(publishedStories)
    .where(eq(publishedStories.issueId, issueId))
    .orderBy(asc(publishedStories.position));
}

/** One story, with its plain text (for its reading time), which the issue's list leaves out. */
export async function findPublishedStory(
  db: Db,
  issueId: string,
  slug: string,
): Promise<(PublishedStory & { plainText: string }) | null> {
  const [row] = await db
    .select({ ...storyColumns, plainText: publishedStories.plainText })
    .from(publishedStories)
    .where(and(eq(publishedStories.issueId, issueId), eq(publishedStories.slug, slug)))
    .limit(1);
  return row ?? null;
}

export interface Snapshot {
  issue: PublishedIssue;
  /** With the words search finds each story by (searchColumns in ./search). */
  stories: (PublishedStory & { storyId: string; plainText: string; searchTitle: string; searchBody: string; searchVersion: number })[];
}

/**
 * Replaces an issue's live snapshot; call inside the publishing transaction. The search
 * index follows these rows in the same transaction (triggers on SQLite, a generated
 * column on Postgres: see the search_index migrations).
 */
export async function replaceSnapshot(tx: Db, snapshot: Snapshot): Promise<void> {
  await deleteSnapshot(tx, snapshot.issue.issueId);
  await tx.insert(publishedIssues).values(snapshot.issue);
  if (snapshot.stories.length > 0) {
    await tx
      .insert(publishedStories)
      .values(snapshot.stories.map((s) => ({ ...s, issueId: snapshot.issue.issueId })));
  }
}

export async function deleteSnapshot(tx: Db, issueId: string): Promise<void> {
  await tx.delete(publishedStories).where(eq(publishedStories.issueId, issueId));
  await tx.delete(publishedIssues).where(eq(publishedIssues.issueId, issueId));
}

export interface PublishedLanguage {
  slug: string;
  title: string;
  locale: string;
  position: number;
  translationGroup: string | null;
}

/** The stories of a translation group in one published issue: the languages a story is read in. */
export async function listPublishedTranslations(db: Db, issueId: string, group: string): Promise<PublishedLanguage[]> {
  return db
    .select({
      slug: publishedStories.slug,
      title: publishedStories.title,
      locale: publishedStories.locale,
      position: publishedStories.position,
      translationGroup: publishedStories.translationGroup,
    })
    .from(publishedStories)
    .where(and(eq(publishedStories.issueId, issueId), eq(publishedStories.translationGroup, group)))
    .orderBy(asc(publishedStories.position));
}
