import { describe, expect, it } from "vitest";
import {
  ISSUE_STATUSES,
  STORY_STATUSES,
  type IssueStatus,
  type StoryStatus,
} from "./domain-types";
import {
  ISSUE_STATUS_LABEL,
  ISSUE_TRANSITIONS,
  STORY_STATUS_LABEL,
  STORY_TRANSITIONS,
  nextIssueStatus,
  nextStoryStatus,
  type IssueAction,
  type StoryAction,
} from "./workflow";

/*
 * Expected tables written out by hand from DESIGN.md's workflow section (null = illegal):
 *   Story: draft → in_review → approved, in_review → changes_requested → in_review,
 *          in_review → draft (withdraw), approved → draft (reopen).
 *   Issue: draft → scheduled, scheduled → draft (unschedule), draft | scheduled → published,
 *          published → draft (unpublish).
 */

const STORY_ACTION_LIST = ["submit", "withdraw", "requestChanges", "approve", "reopen"] as const satisfies readonly StoryAction[];
const ISSUE_ACTION_LIST = ["schedule", "unschedule", "publish", "unpublish"] as const satisfies readonly IssueAction[];

const STORY_EXPECTED: Record<StoryStatus, Record<StoryAction, StoryStatus | null>> = {
  draft: { submit: "in_review", withdraw: null, requestChanges: null, approve: null, reopen: null },
  in_review: {
    submit: null,
    withdraw: "draft",
    requestChanges: "changes_requested",
    approve: "approved",
    reopen: null,
  },
  changes_requested: { submit: "in_review", withdraw: null, requestChanges: null, approve: null, reopen: null },
  approved: { submit: null, withdraw: null, requestChanges: null, approve: null, reopen: "draft" },
};

const ISSUE_EXPECTED: Record<IssueStatus, Record<IssueAction, IssueStatus | null>> = {
  draft: { schedule: "scheduled", unschedule: null, publish: "published", unpublish: null },
  scheduled: { schedule: null, unschedule: "draft", publish: "published", unpublish: null },
  published: { schedule: null, unschedule: null, publish: null, unpublish: "draft" },
};

const outcome = (to: string | null) => (to === null ? "illegal" : `→ ${to}`);

describe("story state machine", () => {
  it("knows exactly the statuses and actions of DESIGN.md", () => {
    expect([...STORY_STATUSES].sort()).toEqual(["approved", "changes_requested", "draft", "in_review"]);
    expect(Object.keys(STORY_TRANSITIONS).sort()).toEqual([...STORY_ACTION_LIST].sort());
  });

  const rows = STORY_STATUSES.flatMap((status) =>
    (Object.keys(STORY_TRANSITIONS) as StoryAction[]).map((action) => {
      const expected = STORY_EXPECTED[status][action];
      return { status, action, expected, outcome: outcome(expected) };
    }),
  );

  it("covers every (status, action) pair", () => {
    expect(rows).toHaveLength(4 * 5);
  });

  it.each(rows)("$status + $action: $outcome", ({ status, action, expected }) => {
    expect(nextStoryStatus(status, action)).toBe(expected);
  });

  it("has exactly 6 legal transitions", () => {
    expect(rows.filter((row) => nextStoryStatus(row.status, row.action) !== null)).toHaveLength(6);
  });

  it("walks the full review loop: submit, request changes, resubmit, approve, reopen", () => {
    let status: StoryStatus | null = "draft";
    const path: Array<StoryStatus | null> = [status];
    for (const action of ["submit", "requestChanges", "submit", "approve", "reopen"] as const) {
      status = status === null ? null : nextStoryStatus(status, action);
      path.push(status);
    }
    expect(path).toEqual(["draft", "in_review", "changes_requested", "in_review", "approved", "draft"]);
  });

  it.each(STORY_STATUSES.map((status) => ({ status })))("has a label for $status", ({ status }) => {
    expect(STORY_STATUS_LABEL[status]).toMatch(/\S/);
  });
});

describe("issue state machine", () => {
  it("knows exactly the statuses and actions of DESIGN.md", () => {
    expect([...ISSUE_STATUSES].sort()).toEqual(["draft", "published", "scheduled"]);
    expect(Object.keys(ISSUE_TRANSITIONS).sort()).toEqual([...ISSUE_ACTION_LIST].sort());
  });

  const rows = ISSUE_STATUSES.flatMap((status) =>
    (Object.keys(ISSUE_TRANSITIONS) as IssueAction[]).map((action) => {
      const expected = ISSUE_EXPECTED[status][action];
      return { status, action, expected, outcome: outcome(expected) };
    }),
  );

  it("covers every (status, action) pair", () => {
    expect(rows).toHaveLength(3 * 4);
  });

  it.each(rows)("$status + $action: $outcome", ({ status, action, expected }) => {
    expect(nextIssueStatus(status, action)).toBe(expected);
  });

  it("has exactly 5 legal transitions", () => {
    expect(rows.filter((row) => nextIssueStatus(row.status, row.action) !== null)).toHaveLength(5);
  });

  it.each(ISSUE_STATUSES.map((status) => ({ status })))("has a label for $status", ({ status }) => {
    expect(ISSUE_STATUS_LABEL[status]).toMatch(/\S/);
  });
});
