import "server-only";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { getDatabase, type Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import {
  findLatestRevision,
  findRevision,
  insertRevisionAt,
  listRevisionsOfStory,
  type RevisionListItem,
} from "../../db/queries/revisions";
import { findStory, updateStoryAtVersion, type StoryDetail } from "../../db/queries/stories";
import { diffStoryVersions, type StoryDiff, type StoryVersion } from "../content/diff";
import { normalizeStoryBody } from "../content/story-body";
import { AppError } from "../errors";
import { canEditStory, canViewStory, type Actor } from "../policy";
import { parseInput } from "../validation";
import { STORY_STATUS_LABEL } from "../workflow";
import { AUTOSAVE_SNAPSHOT_INTERVAL_MS } from "./revision-reasons";
import { storyIdSchema } from "./schemas";

export type { RevisionListItem };

/** "current" stands for the story's text as saved now. */
const versionRefSchema = z.union([z.literal("current"), z.string().uuid("Unknown revision.")], {
  error: "Unknown revision.",
});

export const listRevisionsSchema = z.object({ storyId: storyIdSchema });
export const diffRevisionsSchema = z.object({ storyId: storyIdSchema, from: versionRefSchema, to: versionRefSchema });
export const restoreRevisionSchema = z.object({ storyId: storyIdSchema, revisionId: z.string().uuid("Unknown revision.") });

/**
 * Called from saveStory's transaction with the text just saved: keeps a snapshot when the
 * story has none yet or its latest one is older than the interval, so a long writing
 * session leaves a trail without a row per keystroke-pause.
 */
export async function snapshotIfDue(
  tx: Db,
  story: { id: string; title: string; body: JSONContent },
  actor: Actor,
): Promise<boolean> {
  const latest = await findLatestRevision(tx, story.id);
  const now = new Date();
  if (latest && now.getTime() - latest.createdAt.getTime() < AUTOSAVE_SNAPSHOT_INTERVAL_MS) return false;
  await insertRevisionAt(tx, { storyId: story.id, title: story.title, body: story.body, reason: "autosave", authorId: actor.id, createdAt: now });
  return true;
}

async function visibleStory(db: Db, actor: Actor, storyId: string): Promise<StoryDetail> {
  const story = await findStory(db, storyId);
  // A story the actor may not see is "not found", as on its page: its existence is not leaked.
  if (!story || !canViewStory(actor, story)) throw new AppError("not_found", "No such story.");
  return story;
}

export async function listRevisions(actor: Actor, input: unknown): Promise<RevisionListItem[]> {
  const data = parseInput(listRevisionsSchema, input);
  const { db } = await getDatabase();
  const story = await visibleStory(db, actor, data.storyId);
  return listRevisionsOfStory(db, story.id);
}

/** The readable diff between two revisions, or a revision and the current text. */
export async function diffRevisions(actor: Actor, input: unknown): Promise<StoryDiff> {
  const data = parseInput(diffRevisionsSchema, input);
  const { db } = await getDatabase();
  const story = await visibleStory(db, actor, data.storyId);
  const load = async (ref: string): Promise<StoryVersion> => {
    if (ref === "current") return story;
    const revision = await findRevision(db, story.id, ref);
    if (!revision) throw new AppError("not_found", "That revision no longer exists. Reopen the history to see the current list.");
    return revision;
  };
  return diffStoryVersions(await load(data.from), await load(data.to));
}

/** JSON with sorted keys: Postgres's jsonb reorders keys, so plain JSON.stringify would see changes that are not there. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

function restoreRefusal(story: StoryDetail): string {
  if (story.status === "approved")
    return "This story is approved and locked, so no earlier version can be restored. An editor can reopen it first.";
  if (story.status === "in_review")
    return "This story is in review, so you can't restore an earlier version now. Withdraw it from review first, or ask the reviewer.";
  return `You can't change this story while it is “${STORY_STATUS_LABEL[story.status]}”.`;
}

/**
 * Makes an earlier revision's title and body the story's text again, as a new version: a
 * "restore" revision is written, and the text it replaces is kept first if no snapshot
 * holds it yet, so a restore never loses words either. Editors of the story may restore;
 * an open editor elsewhere gets a conflict on its next save, as with any other change.
 */
export async function restoreRevision(actor: Actor, input: unknown): Promise<{ version: number }> {
  const data = parseInput(restoreRevisionSchema, input);
  const { write } = await getDatabase();
  return write(async (tx) => {
    const story = await visibleStory(tx, actor, data.storyId);
    if (!canEditStory(actor, story)) throw new AppError("forbidden", restoreRefusal(story));
    const revision = await findRevision(tx, story.id, data.revisionId);
    if (!revision) throw new AppError("not_found", "That revision no longer exists. Reopen the history to see the current list.");
    const normalized = normalizeStoryBody(revision.body);

    const now = Date.now();
    const latest = await findLatestRevision(tx, story.id);
    const unsaved = !latest || latest.title !== story.title || canonical(latest.body) !== canonical(story.body);
    if (unsaved) {
      await insertRevisionAt(tx, {
        storyId: story.id,
        title: story.title,
        body: story.body,
        reason: "before_restore",
        authorId: actor.id,
        createdAt: new Date(now - 1),
      });
    }
    const version = await updateStoryAtVersion(tx, story.id, story.version, { title: revision.title, ...normalized });
    if (version === null) throw new AppError("conflict", "Someone saved this story at the same moment. Reload and try again.");
    await insertRevisionAt(tx, {
      storyId: story.id,
      title: revision.title,
      body: normalized.body,
      reason: "restore",
      authorId: actor.id,
      createdAt: new Date(now),
    });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "story.restored",
      targetType: "story",
      targetId: story.id,
      details: { revisionId: revision.id, revisionCreatedAt: revision.createdAt.toISOString(), title: revision.title },
    });
    return { version };
  });
}
