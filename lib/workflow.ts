import type { IssueStatus, StoryStatus } from "./domain-types";

/** The story state machine of DESIGN.md; anything not listed here is illegal. */
export const STORY_TRANSITIONS = {
  submit: { from: ["draft", "changes_requested"], to: "in_review" },
  withdraw: { from: ["in_review"], to: "draft" },
  requestChanges: { from: ["in_review"], to: "changes_requested" },
  approve: { from: ["in_review"], to: "approved" },
  reopen: { from: ["approved"], to: "draft" },
} as const satisfies Record<string, { from: readonly StoryStatus[]; to: StoryStatus }>;

export type StoryAction = keyof typeof STORY_TRANSITIONS;

export function nextStoryStatus(status: StoryStatus, action: StoryAction): StoryStatus | null {
  const rule = STORY_TRANSITIONS[action];
  return (rule.from as readonly StoryStatus[]).includes(status) ? rule.to : null;
}

export const ISSUE_TRANSITIONS = {
  schedule: { from: ["draft"], to: "scheduled" },
  unschedule: { from: ["scheduled"], to: "draft" },
  publish: { from: ["draft", "scheduled"], to: "published" },
  unpublish: { from: ["published"], to: "draft" },
} as const satisfies Record<string, { from: readonly IssueStatus[]; to: IssueStatus }>;

export type IssueAction = keyof typeof ISSUE_TRANSITIONS;

export function nextIssueStatus(status: IssueStatus, action: IssueAction): IssueStatus | null {
  const rule = ISSUE_TRANSITIONS[action];
  return (rule.from as readonly IssueStatus[]).includes(status) ? rule.to : null;
}

export const STORY_STATUS_LABEL: Record<StoryStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
};

export const ISSUE_STATUS_LABEL: Record<IssueStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  published: "Published",
};
