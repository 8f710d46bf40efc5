import "server-only";
import type { JSONContent } from "@tiptap/core";
import { and, asc, desc, eq, gt, inArray, like, or, sql } from "drizzle-orm";
import type { ReviewEventKind, StoryStatus } from "../../lib/domain-types";
import { tables, type Db } from "../client";

const { stories, users, issues, reviewEvents, revisions } = tables;

export interface StoryListItem {
  id: string;
  title: string;
  status: StoryStatus;
  authorId: string;
  authorName: string;
  issueId: string | null;
  issueTitle: string | null;
  locale: string;
  wordCount: number;
  updatedAt: Date;
}

const listColumns = {
  id: stories.id,
  title: stories.title,
  status: stories.status,
  authorId: stories.authorId,
  authorName: users.name,
  issueId: stories.issueId,
  issueTitle: issues.title,
  locale: stories.locale,
  wordCount: stories.wordCount,
  updatedAt: stories.updatedAt,
};

export async function listStories(
  db: Db,
  filter: { authorId?: string; statuses?: StoryStatus[] } = {},
): Promise<StoryListItem[]> {
  const conditions = [
    filter.authorId ? eq(stories.authorId, filter.authorId) : undefined,
    filter.statuses ? inArray(stories.status, filter.statuses) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select(listColumns)
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .leftJoin(issues, eq(issues.id, stories.issueId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(stories.updatedAt));
}

export interface StoryDetail {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  body: JSONContent;
  status: StoryStatus;
  authorId: string;
  authorName: string;
  issueId: string | null;
  position: number;
  locale: string;
  translationGroup: string | null;
  version: number;
  wordCount: number;
  updatedAt: Date;
}

export async function findStory(db: Db, id: string): Promise<StoryDetail | null> {
  const [row] = await db
    .select({
      id: stories.id,
      slug: stories.slug,
      title: stories.title,
      standfirst: stories.standfirst,
      body: stories.body,
      status: stories.status,
      authorId: stories.authorId,
      authorName: users.name,
      issueId: stories.issueId,
      position: stories.position,
      locale: stories.locale,
      translationGroup: stories.translationGroup,
      version: stories.version,
      wordCount: stories.wordCount,
      updatedAt: stories.updatedAt,
    })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .where(eq(stories.id, id))
    .limit(1);
  return row ?? null;
}

/** Slugs already taken by `base` or `base-N`, to pick a free one. */
export async function findSlugsLike(db: Db, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: stories.slug })
    .from(stories)
    .where(or(eq(stories.slug, base), like(stories.slug, `${base}-%`)));
  return rows.map((r) => r.slug);
}

export async function insertStory(
  db: Db,
  values: {
    slug: string;
    title: string;
    standfirst: string;
    authorId: string;
    body: JSONContent;
    plainText: string;
    wordCount: number;
    status?: StoryStatus;
    issueId?: string | null;
    position?: number;
    locale?: string;
    translationGroup?: string | null;
  },
): Promise<{ id: string }> {
  const [row] = await db.insert(stories).values(values).returning({ id: stories.id });
  if (!row) throw new Error("insert into stories returned no row");
  return row;
}

/**
 * Optimistic locking: the update happens only if nobody changed the story since the
 * caller read `version`. Returns the new version, or null when the caller was too late.
 */
export async function updateStoryAtVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<{
    title: string;
    standfirst: string;
    body: JSONContent;
    plainText: string;
    wordCount: number;
    status: StoryStatus;
    updatedAt: Date;
  }>,
): Promise<number | null> {
  const [row] = await db
    .update(stories)
    .set({ updatedAt: new Date(), ...patch, version: sql`${stories.version} + 1` })
    .where(and(eq(stories.id, id), eq(stories.version, version)))
    .returning({ version: stories.version });
  return row?.version ?? null;
}

/**
 * Places a story in an issue (or takes it out). Not a change to the story itself, so its
 * version stays: a reviewer reading it is not told that "someone changed it".
 */
export async function setStoryPlacement(
  db: Db,
  id: string,
  placement: { issueId: string | null; position: number },
): Promise<void> {
  await db.update(stories).set(placement).where(eq(stories.id, id));
}

export async function insertRevision(
  db: Db,
  values: { storyId: string; title: string; body: JSONContent; reason: string; authorId: string },
): Promise<void> {
  await db.insert(revisions).values(values);
}

export async function insertReviewEvent(
  db: Db,
  values: { storyId: string; actorId: string; kind: ReviewEventKind; body?: string | null },
): Promise<void> {
  await db.insert(reviewEvents).values(values);
}

export interface ReviewEventItem {
  id: string;
  kind: ReviewEventKind;
  body: string | null;
  actorName: string;
  createdAt: Date;
}

export async function listReviewEvents(db: Db, storyId: string): Promise<ReviewEventItem[]> {
  return db
    .select({
      id: reviewEvents.id,
      kind: reviewEvents.kind,
      body: reviewEvents.body,
      actorName: users.name,
      createdAt: reviewEvents.createdAt,
    })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .where(eq(reviewEvents.storyId, storyId))
    .orderBy(asc(reviewEvents.createdAt));
}

export async function listStoriesOfIssue(
  db: Db,
  issueId: string,
): Promise<(StoryListItem & { position: number })[]> {
  return db
    .select({ ...listColumns, position: stories.position })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .leftJoin(issues, eq(issues.id, stories.issueId))
    .where(eq(stories.issueId, issueId))
    .orderBy(asc(stories.position), asc(stories.createdAt));
}

export interface TranslationItem {
  id: string;
  authorId: string;
  title: string;
  locale: string;
  status: StoryStatus;
  issueId: string | null;
  position: number;
}

/** The stories of a translation group, oldest first (the original comes first). */
export async function listTranslationGroup(db: Db, group: string): Promise<TranslationItem[]> {
  return db
    .select({
      id: stories.id,
      authorId: stories.authorId,
      title: stories.title,
      locale: stories.locale,
      status: stories.status,
      issueId: stories.issueId,
      position: stories.position,
    })
    .from(stories)
    .where(eq(stories.translationGroup, group))
    .orderBy(asc(stories.createdAt), asc(stories.id));
}

/**
 * Puts a story into a translation group. Called on the group's first story before a
 * translation is added, always (also when it is in the group already): on Postgres the
 * update locks that row, so two people adding a language to one group take turns, and the
 * second sees the first's translation and is refused the same language.
 */
export async function joinTranslationGroup(db: Db, id: string, group: string): Promise<void> {
  await db.update(stories).set({ translationGroup: group }).where(eq(stories.id, id));
}

/** Moves the stories of an issue after `position` down one place, to make room there. */
export async function makeRoomAfter(db: Db, issueId: string, position: number): Promise<void> {
  await db
    .update(stories)
    .set({ position: sql`${stories.position} + 1` })
    .where(and(eq(stories.issueId, issueId), gt(stories.position, position)));
}
