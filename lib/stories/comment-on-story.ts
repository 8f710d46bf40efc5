import "server-only";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findStory, insertReviewEvent } from "../../db/queries/stories";
import { AppError } from "../errors";
import { canCommentOnStory, type Actor } from "../policy";
import { parseInput } from "../validation";
import { commentOnStorySchema } from "./schemas";

export async function commentOnStory(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(commentOnStorySchema, input);
  const { write } = await getDatabase();
  await write(async (tx) => {
    const story = await findStory(tx, data.storyId);
    if (!story) throw new AppError("not_found", "This story no longer exists.");
    if (!canCommentOnStory(actor, story))
      throw new AppError("forbidden", "You may comment only on your own stories.");
    await insertReviewEvent(tx, { storyId: story.id, actorId: actor.id, kind: "comment", body: data.body });
    await insertAudit(tx, { actorId: actor.id, action: "story.comment", targetType: "story", targetId: story.id });
  });
}
