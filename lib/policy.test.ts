import { describe, expect, it } from "vitest";
import type { IssueStatus, Role, StoryStatus } from "./domain-types";
import * as policy from "./policy";
import type { Actor, StoryFacts } from "./policy";

/*
 * The expected answers below are written out by hand from DESIGN.md's role table and the
 * doc comments in policy.ts — never computed from the code under test — so a change in a
 * rule has to be made twice (here and in policy.ts) on purpose.
 */

const ROLE_LIST = ["contributor", "reviewer", "editor", "admin"] as const satisfies readonly Role[];
const STORY_STATUS_LIST = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
] as const satisfies readonly StoryStatus[];
const ISSUE_STATUS_LIST = ["draft", "scheduled", "published"] as const satisfies readonly IssueStatus[];

type Ownership = "own" | "other";
type ByStatus = Record<StoryStatus, boolean>;
type StoryTable = Record<Role, Record<Ownership, ByStatus>>;
type IssueTable = Record<Role, Record<IssueStatus, boolean>>;
type RoleTable = Record<Role, boolean>;

const actorFor = (role: Role): Actor => ({ id: `user-${role}`, role });
const storyFor = (actor: Actor, ownership: Ownership, status: StoryStatus): StoryFacts => ({
  authorId: ownership === "own" ? actor.id : "someone-else",
  status,
});

// Shorthands for rows of the story tables (still explicit booleans, one per status).
const ALL: ByStatus = { draft: true, in_review: true, changes_requested: true, approved: true };
const NONE: ByStatus = { draft: false, in_review: false, changes_requested: false, approved: false };
const ONLY_IN_REVIEW: ByStatus = { draft: false, in_review: true, changes_requested: false, approved: false };
const ONLY_APPROVED: ByStatus = { draft: false, in_review: false, changes_requested: false, approved: true };
const DRAFT_OR_CHANGES: ByStatus = { draft: true, in_review: false, changes_requested: true, approved: false };
const ANY_BUT_APPROVED: ByStatus = { draft: true, in_review: true, changes_requested: true, approved: false };

// ---------------------------------------------------------------------------------------
// Expected tables
// ---------------------------------------------------------------------------------------

/** Contributors see their own stories; reviewers and up see everyone's. */
const VIEW_STORY: StoryTable = {
  contributor: { own: ALL, other: NONE },
  reviewer: { own: ALL, other: ALL },
  editor: { own: ALL, other: ALL },
  admin: { own: ALL, other: ALL },
};

/**
 * Authors edit in draft / changes_requested; reviewers copy-edit (any story) in in_review;
 * editors edit any story that is not approved; approved is locked for everyone.
 */
const EDIT_STORY: StoryTable = {
  contributor: { own: DRAFT_OR_CHANGES, other: NONE },
  reviewer: {
    own: { draft: true, in_review: true, changes_requested: true, approved: false },
    other: ONLY_IN_REVIEW,
  },
  editor: { own: ANY_BUT_APPROVED, other: ANY_BUT_APPROVED },
  admin: { own: ANY_BUT_APPROVED, other: ANY_BUT_APPROVED },
};

/** Authors submit their own draft / changes_requested stories; editors may submit any. */
const SUBMIT_STORY: StoryTable = {
  contributor: { own: DRAFT_OR_CHANGES, other: NONE },
  reviewer: { own: DRAFT_OR_CHANGES, other: NONE },
  editor: { own: DRAFT_OR_CHANGES, other: DRAFT_OR_CHANGES },
  admin: { own: DRAFT_OR_CHANGES, other: DRAFT_OR_CHANGES },
};

/** in_review → draft: the author withdraws (editors may too). */
const WITHDRAW_STORY: StoryTable = {
  contributor: { own: ONLY_IN_REVIEW, other: NONE },
  reviewer: { own: ONLY_IN_REVIEW, other: NONE },
  editor: { own: ONLY_IN_REVIEW, other: ONLY_IN_REVIEW },
  admin: { own: ONLY_IN_REVIEW, other: ONLY_IN_REVIEW },
};

/** Contributors comment on their own stories; reviewers and up on any story. */
const COMMENT_ON_STORY: StoryTable = {
  contributor: { own: ALL, other: NONE },
  reviewer: { own: ALL, other: ALL },
  editor: { own: ALL, other: ALL },
  admin: { own: ALL, other: ALL },
};

/** Approve / request changes: reviewers and up, only in review, never on their own story. */
const REVIEW_STORY: StoryTable = {
  contributor: { own: NONE, other: NONE },
  reviewer: { own: NONE, other: ONLY_IN_REVIEW },
  editor: { own: NONE, other: ONLY_IN_REVIEW },
  admin: { own: NONE, other: ONLY_IN_REVIEW },
};

/** approved → draft: editors and up reopen approved stories (their own included). */
const REOPEN_STORY: StoryTable = {
  contributor: { own: NONE, other: NONE },
  reviewer: { own: NONE, other: NONE },
  editor: { own: ONLY_APPROVED, other: ONLY_APPROVED },
  admin: { own: ONLY_APPROVED, other: ONLY_APPROVED },
};

const STORY_PREDICATES: ReadonlyArray<
  [name: string, predicate: (actor: Actor, story: StoryFacts) => boolean, table: StoryTable]
> = [
  ["canViewStory", policy.canViewStory, VIEW_STORY],
  ["canEditStory", policy.canEditStory, EDIT_STORY],
  ["canSubmitStory", policy.canSubmitStory, SUBMIT_STORY],
  ["canWithdrawStory", policy.canWithdrawStory, WITHDRAW_STORY],
  ["canCommentOnStory", policy.canCommentOnStory, COMMENT_ON_STORY],
  ["canReviewStory", policy.canReviewStory, REVIEW_STORY],
  ["canReopenStory", policy.canReopenStory, REOPEN_STORY],
];

const ROLE_PREDICATES: ReadonlyArray<[name: string, predicate: (actor: Actor) => boolean, table: RoleTable]> = [
  // Every staff member may create stories.
  ["canCreateStory", policy.canCreateStory, { contributor: true, reviewer: true, editor: true, admin: true }],
  // Whoever may write a story may upload its images (issue #7).
  ["canUploadMedia", policy.canUploadMedia, { contributor: true, reviewer: true, editor: true, admin: true }],
  // Contributors never see all stories.
  ["canViewAllStories", policy.canViewAllStories, { contributor: false, reviewer: true, editor: true, admin: true }],
  // Editors: "create and arrange issues".
  ["canManageIssues", policy.canManageIssues, { contributor: false, reviewer: false, editor: true, admin: true }],
  // Admin only: invite, change role, deactivate / reactivate accounts.
  ["canManagePeople", policy.canManagePeople, { contributor: false, reviewer: false, editor: false, admin: true }],
  // Admin only: edit site settings.
  ["canEditSettings", policy.canEditSettings, { contributor: false, reviewer: false, editor: false, admin: true }],
  // Editors read the workflow entries of the audit log (issue #3); the rest is admin-only.
  ["canReadAuditLog", policy.canReadAuditLog, { contributor: false, reviewer: false, editor: true, admin: true }],
];

/** Publishing is for editors and up; publishing a live issue again refreshes its snapshot. */
const PUBLISH_ISSUE: IssueTable = {
  contributor: { draft: false, scheduled: false, published: false },
  reviewer: { draft: false, scheduled: false, published: false },
  editor: { draft: true, scheduled: true, published: true },
  admin: { draft: true, scheduled: true, published: true },
};

/** Unpublishing is for editors and up, and only for a published issue. */
const UNPUBLISH_ISSUE: IssueTable = {
  contributor: { draft: false, scheduled: false, published: false },
  reviewer: { draft: false, scheduled: false, published: false },
  editor: { draft: false, scheduled: false, published: true },
  admin: { draft: false, scheduled: false, published: true },
};

/** The email edition: editors and up, of a published issue only (it is built from the live snapshot). */
const EMAIL_ISSUE: IssueTable = {
  contributor: { draft: false, scheduled: false, published: false },
  reviewer: { draft: false, scheduled: false, published: false },
  editor: { draft: false, scheduled: false, published: true },
  admin: { draft: false, scheduled: false, published: true },
};

const ISSUE_PREDICATES: ReadonlyArray<
  [name: string, predicate: (actor: Actor, issue: { status: IssueStatus }) => boolean, table: IssueTable]
> = [
  ["canPublishIssue", policy.canPublishIssue, PUBLISH_ISSUE],
  ["canUnpublishIssue", policy.canUnpublishIssue, UNPUBLISH_ISSUE],
  ["canEmailIssue", policy.canEmailIssue, EMAIL_ISSUE],
];

/** atLeast(actor, role): the rank order contributor < reviewer < editor < admin. */
const AT_LEAST: Record<Role, Record<Role, boolean>> = {
  contributor: { contributor: true, reviewer: false, editor: false, admin: false },
  reviewer: { contributor: true, reviewer: true, editor: false, admin: false },
  editor: { contributor: true, reviewer: true, editor: true, admin: false },
  admin: { contributor: true, reviewer: true, editor: true, admin: true },
};

// ---------------------------------------------------------------------------------------
// Rows for it.each
// ---------------------------------------------------------------------------------------

interface StoryRow {
  action: string;
  role: Role;
  ownership: Ownership;
  status: StoryStatus;
  expected: boolean;
  predicate: (actor: Actor, story: StoryFacts) => boolean;
}

const storyRows: StoryRow[] = STORY_PREDICATES.flatMap(([action, predicate, table]) =>
  ROLE_LIST.flatMap((role) =>
    (["own", "other"] as const).flatMap((ownership) =>
      STORY_STATUS_LIST.map((status) => ({
        action,
        role,
        ownership,
        status,
        expected: table[role][ownership][status],
        predicate,
      })),
    ),
  ),
);

const roleRows = ROLE_PREDICATES.flatMap(([action, predicate, table]) =>
  ROLE_LIST.map((role) => ({ action, role, expected: table[role], predicate })),
);

const issueRows = ISSUE_PREDICATES.flatMap(([action, predicate, table]) =>
  ROLE_LIST.flatMap((role) =>
    ISSUE_STATUS_LIST.map((status) => ({ action, role, status, expected: table[role][status], predicate })),
  ),
);

const atLeastRows = ROLE_LIST.flatMap((role) =>
  ROLE_LIST.map((required) => ({ role, required, expected: AT_LEAST[role][required] })),
);

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

describe("policy module", () => {
  it("exports exactly the predicates this test covers (a new rule needs a new table)", () => {
    const covered = [
      "atLeast",
      ...STORY_PREDICATES.map(([name]) => name),
      ...ROLE_PREDICATES.map(([name]) => name),
      ...ISSUE_PREDICATES.map(([name]) => name),
    ].sort();
    const exported = Object.entries(policy)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name)
      .sort();
    expect(exported).toEqual(covered);
  });
});

describe("atLeast (role rank)", () => {
  it.each(atLeastRows)("$role at least $required → $expected", ({ role, required, expected }) => {
    expect(policy.atLeast(actorFor(role), required)).toBe(expected);
  });
});

describe("story predicates: every role × own/other × status", () => {
  it.each(storyRows)(
    "$action: $role on $ownership story in $status → $expected",
    ({ predicate, role, ownership, status, expected }) => {
      const actor = actorFor(role);
      expect(predicate(actor, storyFor(actor, ownership, status))).toBe(expected);
    },
  );
});

describe("role-only predicates: every role", () => {
  it.each(roleRows)("$action: $role → $expected", ({ predicate, role, expected }) => {
    expect(predicate(actorFor(role))).toBe(expected);
  });
});

describe("issue predicates: every role × issue status", () => {
  it.each(issueRows)("$action: $role on $status issue → $expected", ({ predicate, role, status, expected }) => {
    expect(predicate(actorFor(role), { status })).toBe(expected);
  });
});

// The headline rules of DESIGN.md, stated on their own so a failure reads as the rule.
describe("headline rules", () => {
  const everyRoleAndStatus = ROLE_LIST.flatMap((role) => STORY_STATUS_LIST.map((status) => ({ role, status })));

  it.each(everyRoleAndStatus)("no one reviews their own story: $role, $status", ({ role, status }) => {
    const actor = actorFor(role);
    expect(policy.canReviewStory(actor, storyFor(actor, "own", status))).toBe(false);
  });

  it.each(ROLE_LIST.flatMap((role) => (["own", "other"] as const).map((ownership) => ({ role, ownership }))))(
    "approved stories are locked: $role, $ownership story",
    ({ role, ownership }) => {
      const actor = actorFor(role);
      expect(policy.canEditStory(actor, storyFor(actor, ownership, "approved"))).toBe(false);
    },
  );

  it("the author id decides ownership, not the role", () => {
    const editor = actorFor("editor");
    const reviewer: Actor = { id: "another-reviewer", role: "reviewer" };
    const story: StoryFacts = { authorId: editor.id, status: "in_review" };
    expect(policy.canReviewStory(editor, story)).toBe(false);
    expect(policy.canReviewStory(reviewer, story)).toBe(true);
  });
});
