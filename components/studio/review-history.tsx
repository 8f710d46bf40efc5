import type { ReviewEventItem } from "@/db/queries/stories";
import type { ReviewEventKind } from "@/lib/domain-types";

const KIND_LABEL: Record<ReviewEventKind, string> = {
  comment: "commented",
  submitted: "submitted for review",
  withdrawn: "withdrew from review",
  changes_requested: "requested changes",
  approved: "approved",
  reopened: "reopened",
  published: "published the issue",
  unpublished: "unpublished the issue",
};

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function ReviewHistory({ events }: { events: ReviewEventItem[] }) {
  if (events.length === 0) return <p className="text-sm text-gray-600">No review activity yet.</p>;
  return (
    <ol className="space-y-3" data-testid="review-history">
      {[...events].reverse().map((event) => (
        <li key={event.id} className="text-sm">
          <p>
            <span className="font-medium">{event.actorName}</span> {KIND_LABEL[event.kind]}
            <span className="text-gray-500"> · {when.format(event.createdAt)} UTC</span>
          </p>
          {event.body ? (
            <blockquote className="mt-1 whitespace-pre-line rounded-md border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-gray-800">
              {event.body}
            </blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
