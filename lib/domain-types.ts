// The newsroom's vocabulary, shared by the schemas, the policy and the UI.
export const ROLES = ["contributor", "reviewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ["invited", "active", "deactivated"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const STORY_STATUSES = ["draft", "in_review", "changes_requested", "approved"] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const ISSUE_STATUSES = ["draft", "scheduled", "published"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const REVIEW_EVENT_KINDS = [
  "comment",
  "submitted",
  "withdrawn",
  "changes_requested",
  "approved",
  "reopened",
  "published",
  "unpublished",
] as const;
export type ReviewEventKind = (typeof REVIEW_EVENT_KINDS)[number];

export const TOKEN_KINDS = ["invitation", "password_reset"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/**
 * What the throttle counts attempts against (lib/auth/throttle.ts): sign-in failures per
 * account (email) and per address, forgot-password requests per email and per address,
 * wrong current passwords per signed-in account (user id), and test mails of an issue's
 * email edition per account (user id).
 */
export const THROTTLE_SCOPES = ["account", "ip", "reset_email", "reset_ip", "password_check", "email_test"] as const;
export type ThrottleScope = (typeof THROTTLE_SCOPES)[number];
