import "server-only";
import type { JSONContent } from "@tiptap/core";
import { and, desc, eq } from "drizzle-orm";
import { tables, type Db } from "../client";

const { revisions, users } = tables;

export interface RevisionListItem {
  id: string;
  title: string;
  reason: string;
  authorName: string | null;
  createdAt: Date;
}

/** Newest first: the history panel reads from the top. */
export async function listRevisionsOfStory(db: Db, storyId: string): Promise<RevisionListItem[]> {
  return db
    .select({
      id: revisions.id,
      title: revisions.title,
      reason: revisions.reason,
      authorName: users.name,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(eq(revisions.storyId, storyId))
    .orderBy(desc(revisions.createdAt));
}

export interface RevisionContent {
  id: string;
  title: string;
  body: JSONContent;
  createdAt: Date;
}

const contentColumns = {
  id: revisions.id,
  title: revisions.title,
  body: revisions.body,
  createdAt: revisions.createdAt,
};

/** A revision of this story only: an id from another story is not found. */
export async function findRevision(db: Db, storyId: string, id: string): Promise<RevisionContent | null> {
  const [row] = await db
    .select(contentColumns)
    .from(revisions)
    .where(and(eq(revisions.storyId, storyId), eq(revisions.id, id)))
    .limit(1);
  return row ?? null;
}

export async function findLatestRevision(db: Db, storyId: string): Promise<RevisionContent | null> {
  const [row] = await db
    .select(contentColumns)
    .from(revisions)
    .where(eq(revisions.storyId, storyId))
    .orderBy(desc(revisions.createdAt))
    .limit(1);
  return row ?? null;
}

/** Like insertRevision, with an explicit time when two snapshots of one transaction must keep their order. */
export async function insertRevisionAt(
  db: Db,
  values: { storyId: string; title: string; body: JSONContent; reason: string; authorId: string; createdAt: Date },
): Promise<{ id: string }> {
  const [row] = await db.insert(revisions).values(values).returning({ id: revisions.id });
  if (!row) throw new Error("insert into revisions returned no row");
  return row;
}
