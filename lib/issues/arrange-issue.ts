import "server-only";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findIssue, nextStoryPosition } from "../../db/queries/issues";
import { findStory, setStoryPlacement } from "../../db/queries/stories";
import { AppError } from "../errors";
import { canManageIssues, type Actor } from "../policy";
import { parseInput } from "../validation";
import { issueStorySchema } from "./schemas";

/** Adds a story to the end of an issue. The live page changes only when it is published again. */
export async function addStoryToIssue(actor: Actor, input: unknown): Promise<void> {
  if (!canManageIssues(actor)) throw new AppError("forbidden", "Only editors can arrange issues.");
  const data = parseInput(issueStorySchema, input);
  const { write } = await getDatabase();
  await write(async (tx) => {
    const [issue, story] = [await findIssue(tx, data.issueId), await findStory(tx, data.storyId)];
    if (!issue) throw new AppError("not_found", "This issue no longer exists.");
    if (!story) throw new AppError("not_found", "This story no longer exists.");
    if (story.issueId === issue.id) return;
    if (story.issueId !== null)
      throw new AppError("conflict", "This story is already in another issue. Remove it there first.");
    const position = await nextStoryPosition(tx, issue.id);
    await setStoryPlacement(tx, story.id, { issueId: issue.id, position });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "issue.story_added",
      targetType: "issue",
      targetId: issue.id,
      details: { storyId: story.id, title: story.title },
    });
  });
}

export async function removeStoryFromIssue(actor: Actor, input: unknown): Promise<void> {
  if (!canManageIssues(actor)) throw new AppError("forbidden", "Only editors can arrange issues.");
  const data = parseInput(issueStorySchema, input);
  const { write } = await getDatabase();
  await write(async (tx) => {
    const story = await findStory(tx, data.storyId);
    if (!story || story.issueId !== data.issueId)
      throw new AppError("not_found", "This story is not in that issue.");
    await setStoryPlacement(tx, story.id, { issueId: null, position: 0 });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "issue.story_removed",
      targetType: "issue",
      targetId: data.issueId,
      details: { storyId: story.id, title: story.title },
    });
  });
}
