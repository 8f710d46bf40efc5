import type { IssueStatus, StoryStatus } from "@/lib/domain-types";
import { ISSUE_STATUS_LABEL, STORY_STATUS_LABEL } from "@/lib/workflow";

const STYLE: Record<StoryStatus | IssueStatus, string> = {
  draft: "bg-gray-100 text-gray-800 ring-gray-300",
  in_review: "bg-amber-50 text-amber-900 ring-amber-300",
  changes_requested: "bg-red-50 text-red-800 ring-red-300",
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  scheduled: "bg-sky-50 text-sky-800 ring-sky-300",
  published: "bg-emerald-50 text-emerald-800 ring-emerald-300",
};

export function StatusBadge({ status, kind }: { status: StoryStatus | IssueStatus; kind: "story" | "issue" }) {
  const label =
    kind === "story" ? STORY_STATUS_LABEL[status as StoryStatus] : ISSUE_STATUS_LABEL[status as IssueStatus];
  return (
    <span data-status={status} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[status]}`}>
      {label}
    </span>
  );
}
