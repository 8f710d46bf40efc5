import Link from "next/link";
import type { StoryListItem } from "@/db/queries/stories";
import { localeName } from "@/lib/locales";
import { StatusBadge } from "./status-badge";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function StoryTable({ stories, empty, caption }: { stories: StoryListItem[]; empty: string; caption: string }) {
  if (stories.length === 0) return <p className="rounded-lg border border-dashed border-gray-300 bg-white p-6 text-gray-700">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-600">
          <tr>
            <th scope="col" className="px-4 py-2">Title</th>
            <th scope="col" className="px-4 py-2">Language</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Author</th>
            <th scope="col" className="px-4 py-2">Issue</th>
            <th scope="col" className="px-4 py-2 text-right">Words</th>
            <th scope="col" className="px-4 py-2">Updated (UTC)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {stories.map((story) => (
            <tr key={story.id} className="hover:bg-gray-50">
              <td className="px-4 py-2 font-medium">
                <Link href={`/studio/stories/${story.id}`} lang={story.locale} className="text-brand-700 hover:underline">
                  {story.title}
                </Link>
              </td>
              <td className="px-4 py-2 text-gray-700" lang={story.locale}>
                {localeName(story.locale)}
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={story.status} kind="story" />
              </td>
              <td className="px-4 py-2 text-gray-700">{story.authorName}</td>
              <td className="px-4 py-2 text-gray-700">{story.issueTitle ?? "—"}</td>
              <td className="px-4 py-2 text-right tabular-nums text-gray-700">{story.wordCount}</td>
              <td className="px-4 py-2 text-gray-600">{dateFormat.format(story.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
