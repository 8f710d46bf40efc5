import "server-only";
import { getDatabase } from "../../db/client";
import { findIssue, listIssues, type IssueSummary } from "../../db/queries/issues";
import { listStories, listStoriesOfIssue, type StoryListItem } from "../../db/queries/stories";
import { AppError } from "../errors";
import { canManageIssues, type Actor } from "../policy";

export async function listIssuesFor(actor: Actor) {
  if (!canManageIssues(actor)) throw new AppError("forbidden", "Only editors manage issues.");
  const { db } = await getDatabase();
  return listIssues(db);
}

export async function getIssueForStudio(
  actor: Actor,
  issueId: string,
): Promise<{ issue: IssueSummary; stories: StoryListItem[]; available: StoryListItem[] }> {
  if (!canManageIssues(actor)) throw new AppError("forbidden", "Only editors manage issues.");
  const { db } = await getDatabase();
  const issue = /^[0-9a-f-]{36}$/i.test(issueId) ? await findIssue(db, issueId) : null;
  if (!issue) throw new AppError("not_found", "No such issue.");
  const [stories, all] = await Promise.all([listStoriesOfIssue(db, issue.id), listStories(db)]);
  // Stories not in any issue yet, approved ones first: those can be published straight away.
  const available = all
    .filter((s) => s.issueId === null)
    .sort((a, b) => Number(b.status === "approved") - Number(a.status === "approved"));
  return { issue, stories, available };
}
