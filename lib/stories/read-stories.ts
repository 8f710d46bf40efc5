import "server-only";
import { getDatabase } from "../../db/client";
import {
  findStory,
  listReviewEvents,
  listStories,
  listTranslationGroup,
  type ReviewEventItem,
  type StoryDetail,
  type StoryListItem,
  type TranslationItem,
} from "../../db/queries/stories";
import { AppError } from "../errors";
import { canViewAllStories, canViewStory, type Actor } from "../policy";

export async function listStoriesFor(actor: Actor, scope: "mine" | "all"): Promise<StoryListItem[]> {
  const { db } = await getDatabase();
  const all = scope === "all" && canViewAllStories(actor);
  return listStories(db, all ? {} : { authorId: actor.id });
}

/** Stories waiting for this reviewer: in review, and not written by them. */
export async function listReviewQueue(actor: Actor): Promise<StoryListItem[]> {
  if (!canViewAllStories(actor)) throw new AppError("forbidden", "Only reviewers see the review queue.");
  const { db } = await getDatabase();
  const rows = await listStories(db, { statuses: ["in_review"] });
  return rows.filter((s) => s.authorId !== actor.id);
}

export async function getStoryForStudio(
  actor: Actor,
  storyId: string,
): Promise<{ story: StoryDetail; events: ReviewEventItem[]; translations: StudioTranslation[] }> {
  const { db } = await getDatabase();
  const story = /^[0-9a-f-]{36}$/i.test(storyId) ? await findStory(db, storyId) : null;
  if (!story || !canViewStory(actor, story)) throw new AppError("not_found", "No such story.");
  const group = story.translationGroup ? await listTranslationGroup(db, story.translationGroup) : [];
  const translations = group
    .filter((member) => member.id !== story.id)
    .map((member) => ({ ...member, viewable: canViewStory(actor, member) }));
  return { story, events: await listReviewEvents(db, story.id), translations };
}

/** Another language of a story; `viewable` says whether this person may open it. */
export type StudioTranslation = TranslationItem & { viewable: boolean };
