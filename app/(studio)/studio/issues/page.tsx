import type { Metadata } from "next";
import Link from "next/link";
import { formatIssueDate } from "@/components/reader/format";
import { NewIssueForm } from "@/components/studio/new-issue-form";
import { StatusBadge } from "@/components/studio/status-badge";
import { requireRole } from "@/lib/auth/session";
import { listIssuesFor } from "@/lib/issues/read-issues";

export const metadata: Metadata = { title: "Issues" };

export default async function IssuesPage() {
  const user = await requireRole("editor");
  const issues = await listIssuesFor(user);
  const now = new Date();
  const year = now.getUTCFullYear();
  const lastThisYear = issues.filter((i) => i.year === year).reduce((max, i) => Math.max(max, i.number), 0);
  const lastEver = issues.reduce((max, i) => Math.max(max, i.number), 0);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold">Issues</h1>
      {issues.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-gray-300 bg-white p-6 text-gray-700">No issues yet.</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Issues</caption>
            <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-600">
              <tr>
                <th scope="col" className="px-4 py-2">Issue</th>
                <th scope="col" className="px-4 py-2">Date</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2 text-right">Stories</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {issues.map((issue) => (
                <tr key={issue.id}>
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/studio/issues/${issue.id}`} className="text-brand-700 hover:underline">
                      {issue.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-gray-700">{formatIssueDate(issue.issueDate)}</td>
                  <td className="px-4 py-2">
                    <StatusBadge status={issue.status} kind="issue" />
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{issue.storyCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-issue-heading" className="mt-8 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="new-issue-heading" className="mb-4 text-lg font-semibold">
          New issue
        </h2>
        <NewIssueForm
          suggestedNumber={Math.max(lastThisYear, lastEver) + 1}
          year={year}
          today={now.toISOString().slice(0, 10)}
        />
      </section>
    </div>
  );
}
