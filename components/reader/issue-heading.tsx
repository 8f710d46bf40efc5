import type { PublishedIssue } from "@/db/queries/published";
import { formatIssueDate } from "./format";

export function IssueHeading({ issue, level = 1 }: { issue: PublishedIssue; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  const numbered = `Issue ${issue.number}, ${issue.year}`;
  return (
    <div className="text-center">
      <Heading className="font-serif text-3xl font-bold text-ink sm:text-4xl">{issue.title}</Heading>
      <p className="mt-2 text-sm font-medium uppercase tracking-wider text-gray-600">
        {issue.title === numbered ? null : (
          <>
            <span>{numbered}</span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        <time dateTime={issue.issueDate}>{formatIssueDate(issue.issueDate)}</time>
      </p>
    </div>
  );
}
