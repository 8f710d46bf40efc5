import type { IssueStatus, Role, StoryStatus } from "./domain-types";

/**
 * Who may do what: every rule of DESIGN.md's role table, in one place. Domain functions
 * call these before acting, and the UI uses the same predicates to decide which buttons
 * to show — hiding a button is never the only guard.
 */
export interface Actor {
  id: string;
  role: Role;
}

export interface StoryFacts {
  authorId: string;
  status: StoryStatus;
}

const RANK: Record<Role, number> = { contributor: 0, reviewer: 1, editor: 2, admin: 3 };

export const atLeast = (actor: Actor, role: Role) => RANK[actor.role] >= RANK[role];
const isAuthor = (actor: Actor, story: StoryFacts) => actor.id === story.authorId;

export const canCreateStory = (_actor: Actor) => true;

/** Contributors see their own stories; reviewers and up see everyone's. */
export const canViewAllStories = (actor: Actor) => atLeast(actor, "reviewer");

export const canViewStory = (actor: Actor, story: StoryFacts) =>
  isAuthor(actor, story) || canViewAllStories(actor);

/**
 * Authors edit in draft and changes_requested; reviewers copy-edit in review; editors edit
 * any story that is not approved. Approved stories are locked until an editor reopens them.
 */
export function canEditStory(actor: Actor, story: StoryFacts): boolean {
  if (story.status === "approved") return false;
  if (atLeast(actor, "editor")) return true;
  if (isAuthor(actor, story) && (story.status === "draft" || story.status === "changes_requested"))
    return true;
  return atLeast(actor, "reviewer") && story.status === "in_review";
}

export const canSubmitStory = (actor: Actor, story: StoryFacts) =>
  (isAuthor(actor, story) || atLeast(actor, "editor")) &&
  (story.status === "draft" || story.status === "changes_requested");

export const canWithdrawStory = (actor: Actor, story: StoryFacts) =>
  (isAuthor(actor, story) || atLeast(actor, "editor")) && story.status === "in_review";

export const canCommentOnStory = (actor: Actor, story: StoryFacts) =>
  isAuthor(actor, story) || atLeast(actor, "reviewer");

/** Approve or request changes. No one reviews their own story. */
export const canReviewStory = (actor: Actor, story: StoryFacts) =>
  atLeast(actor, "reviewer") && !isAuthor(actor, story) && story.status === "in_review";

export const canReopenStory = (actor: Actor, story: StoryFacts) =>
  atLeast(actor, "editor") && story.status === "approved";

export const canManageIssues = (actor: Actor) => atLeast(actor, "editor");

/** Publishing a published issue again replaces its live snapshot with the current text. */
export const canPublishIssue = (actor: Actor, _issue: { status: IssueStatus }) => atLeast(actor, "editor");

export const canUnpublishIssue = (actor: Actor, issue: { status: IssueStatus }) =>
  atLeast(actor, "editor") && issue.status === "published";

/**
 * The email edition is made from the live snapshot, so it exists only for a published
 * issue: what it says is what readers see, and its "read on the web" links resolve.
 */
export const canEmailIssue = (actor: Actor, issue: { status: IssueStatus }) =>
  atLeast(actor, "editor") && issue.status === "published";

export const canManagePeople = (actor: Actor) => actor.role === "admin";
export const canEditSettings = (actor: Actor) => actor.role === "admin";
export const canReadAuditLog = (actor: Actor) => atLeast(actor, "editor");

/** Images go into stories, so whoever may write a story may upload one. */
export const canUploadMedia = (actor: Actor) => canCreateStory(actor);
