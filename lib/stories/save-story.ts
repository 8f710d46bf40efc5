import "server-only";
import { getDatabase } from "../../db/client";
import { findStory, updateStoryAtVersion } from "../../db/queries/stories";
import { normalizeStoryBody } from "../content/story-body";
import { AppError } from "../errors";
import { canEditStory, type Actor } from "../policy";
import { STORY_STATUS_LABEL } from "../workflow";
import { parseInput } from "../validation";
import { snapshotIfDue } from "./revisions";
import { saveStorySchema } from "./schemas";

export const STALE_STORY_MESSAGE =
  "Someone else changed this story after you opened it. Your text is still here: copy it, reload the page, and apply your changes again.";

export interface SavedStory {
  version: number;
  /** ISO time of the save, for the editor's "Saved at …". */
  updatedAt: string;
}

/**
 * Saves title, standfirst and body, if the caller may edit and started from the latest
 * version; otherwise a conflict, so a save never silently overwrites someone else's.
 */
export async function saveStory(actor: Actor, input: unknown): Promise<SavedStory> {
  const data = parseInput(saveStorySchema, input);
  const normalized = normalizeStoryBody(data.body);
  const { write } = await getDatabase();
  return write(async (tx) => {
    const story = await findStory(tx, data.storyId);
    if (!story) throw new AppError("not_found", "This story no longer exists.");
    if (!canEditStory(actor, story)) {
      throw new AppError(
        "forbidden",
        story.status === "approved"
          ? "This story is approved and locked. An editor can reopen it."
          : `You can't edit this story while it is “${STORY_STATUS_LABEL[story.status]}”.`,
      );
    }
    const updatedAt = new Date();
    const version = await updateStoryAtVersion(tx, story.id, data.version, {
      title: data.title,
      standfirst: data.standfirst,
      ...normalized,
      updatedAt,
    });
    if (version === null) throw new AppError("conflict", STALE_STORY_MESSAGE);
    await snapshotIfDue(tx, { id: story.id, title: data.title, body: normalized.body }, actor);
    return { version, updatedAt: updatedAt.toISOString() };
  });
}
