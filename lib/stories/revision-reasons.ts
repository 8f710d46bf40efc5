/** Why a snapshot was kept, as the history panel says it. Unknown reasons show as they are. */
export const REVISION_REASON_LABEL: Record<string, string> = {
  submitted: "Submitted for review",
  approved: "Approved",
  autosave: "Saved while writing",
  restore: "Restored an earlier version",
  before_restore: "Text before a restore",
};

export const revisionReasonLabel = (reason: string) => REVISION_REASON_LABEL[reason] ?? reason;

/** Saving keeps at most one snapshot per this interval; workflow steps always keep one. */
export const AUTOSAVE_SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;
