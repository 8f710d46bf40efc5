import "server-only";
import { getDatabase, type Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findMediaByIds } from "../../db/queries/media";
import {
  findStory,
  insertReviewEvent,
  insertRevision,
  updateStoryAtVersion,
  type StoryDetail,
} from "../../db/queries/stories";
import type { ReviewEventKind } from "../domain-types";
import { AppError } from "../errors";
import { imageLabel, imagesWithoutAlt, missingAltMessage } from "../media/missing-alt";
import {
  canReopenStory,
  canReviewStory,
  canSubmitStory,
  canWithdrawStory,
  type Actor,
} from "../policy";
import { parseInput } from "../validation";
import { nextStoryStatus, STORY_STATUS_LABEL, type StoryAction } from "../workflow";
import { STALE_STORY_MESSAGE } from "./save-story";
import { transitionStorySchema } from "./schemas";

/** Readers who cannot see an image rely on its alt text, so no story goes to review without it. */
async function checkImagesHaveAlt(story: StoryDetail, tx: Db): Promise<void> {
  const missing = imagesWithoutAlt(story.body);
  if (missing.length === 0) return;
  const ids = missing.flatMap((image) => (image.mediaId ? [image.mediaId] : []));
  const filenames = new Map((await findMediaByIds(tx, ids)).map((item) => [item.id, item.filename]));
  const labels = missing.map((image) => imageLabel(image, image.mediaId ? filenames.get(image.mediaId) : undefined));
  throw new AppError("invalid", missingAltMessage(labels));
}

interface Rule {
  allowed: (actor: Actor, story: StoryDetail) => boolean;
  refusal: string;
  event: ReviewEventKind;
  /** A snapshot of title and body is kept at these moments. */
  revision: boolean;
  check?: (story: StoryDetail, comment: string, tx: Db) => void | Promise<void>;
}

const RULES: Record<StoryAction, Rule> = {
  submit: {
    allowed: canSubmitStory,
    refusal: "Only the author or an editor can submit this story.",
    event: "submitted",
    revision: true,
    check: async (story, _comment, tx) => {
      if (story.wordCount === 0)
        throw new AppError("invalid", "Write the story before submitting it for review.");
      await checkImagesHaveAlt(story, tx);
    },
  },
  withdraw: {
    allowed: canWithdrawStory,
    refusal: "Only the author or an editor can withdraw this story.",
    event: "withdrawn",
    revision: false,
  },
  requestChanges: {
    allowed: canReviewStory,
    refusal: "Only a reviewer who did not write this story can request changes.",
    event: "changes_requested",
    revision: false,
    check: (_story, comment) => {
      if (comment === "")
        throw new AppError("invalid", "Say what should change: the author sees your comment.", {
          comment: "Say what should change.",
        });
    },
  },
  approve: {
    allowed: canReviewStory,
    refusal: "Only a reviewer who did not write this story can approve it.",
    event: "approved",
    revision: true,
  },
  reopen: {
    allowed: canReopenStory,
    refusal: "Only an editor can reopen an approved story.",
    event: "reopened",
    revision: false,
  },
};

/**
 * Moves a story along the workflow. The caller names the version it saw, so nobody
 * approves text that changed under them; the review event, revision and audit row are
 * written in the same transaction as the status change.
 */
export async function transitionStory(
  actor: Actor,
  action: StoryAction,
  input: unknown,
): Promise<{ version: number }> {
  const data = parseInput(transitionStorySchema, input);
  const rule = RULES[action];
  const { write } = await getDatabase();
  return write(async (tx) => {
    const story = await findStory(tx, data.storyId);
    if (!story) throw new AppError("not_found", "This story no longer exists.");
    const next = nextStoryStatus(story.status, action);
    if (next === null) {
      throw new AppError(
        "conflict",
        `This story is “${STORY_STATUS_LABEL[story.status]}”, so that step is not possible now. Reload to see its current state.`,
      );
    }
    if (!rule.allowed(actor, story)) throw new AppError("forbidden", rule.refusal);
    if (story.version !== data.version) throw new AppError("conflict", STALE_STORY_MESSAGE);
    await rule.check?.(story, data.comment, tx);

    const version = await updateStoryAtVersion(tx, story.id, story.version, { status: next });
    if (version === null) throw new AppError("conflict", STALE_STORY_MESSAGE);
    await insertReviewEvent(tx, {
      storyId: story.id,
      actorId: actor.id,
      kind: rule.event,
      body: data.comment || null,
    });
    if (rule.revision) {
      await insertRevision(tx, {
        storyId: story.id,
        title: story.title,
        body: story.body,
        reason: rule.event,
        authorId: actor.id,
      });
    }
    await insertAudit(tx, {
      actorId: actor.id,
      action: `story.${rule.event}`,
      targetType: "story",
      targetId: story.id,
      details: { from: story.status, to: next, title: story.title },
    });
    return { version };
  });
}

export const submitStory = (actor: Actor, input: unknown) => transitionStory(actor, "submit", input);
export const withdrawStory = (actor: Actor, input: unknown) => transitionStory(actor, "withdraw", input);
export const requestChanges = (actor: Actor, input: unknown) =>
  transitionStory(actor, "requestChanges", input);
export const approveStory = (actor: Actor, input: unknown) => transitionStory(actor, "approve", input);
export const reopenStory = (actor: Actor, input: unknown) => transitionStory(actor, "reopen", input);
