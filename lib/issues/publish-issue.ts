import "server-only";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findIssueForUpdate, updateIssueAtVersion } from "../../db/queries/issues";
import { deleteSnapshot, replaceSnapshot } from "../../db/queries/published";
import { searchColumns } from "../../db/queries/search";
import { findStory, insertReviewEvent, listStoriesOfIssue } from "../../db/queries/stories";
import { normalizeStoryBody, renderStoryHtml } from "../content/story-body";
import { AppError } from "../errors";
import { noticeReaderChange, readerChanged } from "../reader/cache-bus";
import { canPublishIssue, canUnpublishIssue, type Actor } from "../policy";
import { parseInput } from "../validation";
import { nextIssueStatus } from "../workflow";
import { issueVersionSchema } from "./schemas";

const STALE_ISSUE = "This issue changed after you opened it. Reload the page and try again.";

/**
 * Publishes a whole issue: every assigned story must be approved. Each story is rendered
 * to sanitised HTML once, and the live snapshot that readers see is replaced in the same
 * transaction as the status change, so readers never see half an issue. Publishing an
 * issue that is already live replaces its snapshot with the stories' current text.
 */
export async function publishIssue(actor: Actor, input: unknown): Promise<{ slug: string }> {
  const data = parseInput(issueVersionSchema, input);
  const { write } = await getDatabase();
  const published = await write(async (tx) => {
    const issue = await findIssueForUpdate(tx, data.issueId);
    if (!issue) throw new AppError("not_found", "This issue no longer exists.");
    if (!canPublishIssue(actor, issue)) throw new AppError("forbidden", "Only editors can publish issues.");
    if (issue.version !== data.version) throw new AppError("conflict", STALE_ISSUE);
    // Publishing again refreshes the live snapshot of an issue that is already out.
    const next = issue.status === "published" ? "published" : nextIssueStatus(issue.status, "publish");
    if (next === null) throw new AppError("conflict", STALE_ISSUE);

    const items = await listStoriesOfIssue(tx, issue.id);
    if (items.length === 0) throw new AppError("invalid", "Add at least one approved story before publishing.");
    const unapproved = items.filter((s) => s.status !== "approved");
    if (unapproved.length > 0) {
      const titles = unapproved.map((s) => `“${s.title}”`).join(", ");
      throw new AppError("invalid", `Every story must be approved before the issue is published. Not yet approved: ${titles}.`);
    }

    const publishedAt = new Date();
    const stories = [];
    for (const [position, item] of items.entries()) {
      const story = await findStory(tx, item.id);
      if (!story) throw new AppError("conflict", STALE_ISSUE);
      const plainText = normalizeStoryBody(story.body).plainText;
      stories.push({
        storyId: story.id,
        slug: story.slug,
        position,
        title: story.title,
        standfirst: story.standfirst,
        authorName: story.authorName,
        authorId: story.authorId,
        locale: story.locale,
        translationGroup: story.translationGroup,
        html: renderStoryHtml(story.body),
        plainText,
        // Search finds the story by these words from the moment the issue is live.
        ...searchColumns({ title: story.title, standfirst: story.standfirst, plainText }),
      });
    }
    await replaceSnapshot(tx, {
      issue: {
        issueId: issue.id,
        slug: issue.slug,
        number: issue.number,
        year: issue.year,
        title: issue.title,
        issueDate: issue.issueDate,
        editorsNote: issue.editorsNote,
        publishedAt,
      },
      stories,
    });
    if ((await updateIssueAtVersion(tx, issue.id, issue.version, { status: next, publishedAt, scheduledAt: null })) === null)
      throw new AppError("conflict", STALE_ISSUE);
    for (const story of stories) {
      await insertReviewEvent(tx, { storyId: story.storyId, actorId: actor.id, kind: "published" });
    }
    await insertAudit(tx, {
      actorId: actor.id,
      action: "issue.published",
      targetType: "issue",
      targetId: issue.id,
      details: { number: issue.number, year: issue.year, stories: stories.length },
    });
    await noticeReaderChange(tx);
    return { slug: issue.slug };
  });
  // Committed: cached reader pages of this server go now, other servers' on the notice.
  readerChanged();
  return published;
}

/** Takes an issue off the reader site; its stories and their text stay as they are. */
export async function unpublishIssue(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(issueVersionSchema, input);
  const { write } = await getDatabase();
  await write(async (tx) => {
    const issue = await findIssueForUpdate(tx, data.issueId);
    if (!issue) throw new AppError("not_found", "This issue no longer exists.");
    if (!canUnpublishIssue(actor, issue)) {
      throw new AppError(
        "forbidden",
        issue.status !== "published" ? "This issue is not published." : "Only editors can unpublish issues.",
      );
    }
    if (issue.version !== data.version) throw new AppError("conflict", STALE_ISSUE);
    // Someone else changed the issue since it was read: throwing rolls the snapshot back too.
    if ((await updateIssueAtVersion(tx, issue.id, issue.version, { status: "draft", publishedAt: null })) === null)
      throw new AppError("conflict", STALE_ISSUE);
    await deleteSnapshot(tx, issue.id);
    for (const story of await listStoriesOfIssue(tx, issue.id)) {
      await insertReviewEvent(tx, { storyId: story.id, actorId: actor.id, kind: "unpublished" });
    }
    await insertAudit(tx, { actorId: actor.id, action: "issue.unpublished", targetType: "issue", targetId: issue.id });
    await noticeReaderChange(tx);
  });
  readerChanged();
}
