import type { Metadata } from "next";
import Link from "next/link";
import { formatIssueDate } from "@/components/reader/format";
import { getSiteSettings, listArchive } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return readerMetadata({
    path: "/issues",
    title: "Archive",
    shareTitle: `${settings.siteNameEn} ${settings.newsletterName}: archive`,
    description: `Every issue of ${settings.newsletterName}, newest first.`,
  });
}

export default async function ArchivePage() {
  const issues = await listArchive();
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold">Archive</h1>
      {issues.length === 0 ? (
        <p className="mt-4 text-gray-700">No issue has been published yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-gray-200 border-y border-gray-200">
          {issues.map((issue) => (
            <li key={issue.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-4">
              <Link href={`/issues/${issue.slug}`} className="font-serif text-xl font-semibold text-brand-700 hover:underline">
                {issue.title}
              </Link>
              <span className="text-sm text-gray-600">
                Issue {issue.number}, {issue.year} · <time dateTime={issue.issueDate}>{formatIssueDate(issue.issueDate)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
