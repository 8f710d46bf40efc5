import type { Metadata } from "next";
import Link from "next/link";
import { formatIssueDate } from "@/components/reader/format";
import { IssuePublishingForms } from "@/components/studio/issue-publishing-forms";
import { StatusBadge } from "@/components/studio/status-badge";
import { ActionForm } from "@/components/ui/action-form";
import { inputClass } from "@/components/ui/field";
import { loadOrRefuse } from "@/lib/action-result";
import { requireRole } from "@/lib/auth/session";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import { canEmailIssue, canPublishIssue, canUnpublishIssue } from "@/lib/policy";
import { STORY_STATUS_LABEL } from "@/lib/workflow";
import { addStoryAction, publishIssueAction, removeStoryAction, unpublishIssueAction } from "../actions";
import { localeName } from "@/lib/locales";

export const metadata: Metadata = { title: "Issue" };

type Props = { params: Promise<{ id: string }> };

export default async function IssueEditorPage({ params }: Props) {
  const user = await requireRole("editor");
  const { id } = await params;
  const { issue, stories, available } = await loadOrRefuse(() => getIssueForStudio(user, id));
  const unapproved = stories.filter((s) => s.status !== "approved");
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href="/studio/issues" className="text-brand-700 hover:underline">
          ← Issues
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{issue.title}</h1>
        <StatusBadge status={issue.status} kind="issue" />
      </div>
      <p className="mt-1 text-sm text-gray-600">
        Issue {issue.number}, {issue.year} · {formatIssueDate(issue.issueDate)}
        {issue.status === "published" ? (
          <>
            {" · "}
            <Link href={`/issues/${issue.slug}`} className="text-brand-700 hover:underline">
              View on the reader site
            </Link>
          </>
        ) : null}
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="stories-heading" className="rounded-lg border border-gray-200 bg-white p-4">
          <h2 id="stories-heading" className="text-lg font-semibold">
            Stories in this issue
          </h2>
          {stories.length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">No stories yet. Add approved stories below.</p>
          ) : (
            <ol className="mt-3 divide-y divide-gray-100">
              {stories.map((story, index) => (
                <li key={story.id} className="flex items-center justify-between gap-3 py-3">
                  <div className="flex min-w-0 flex-1 flex-wrap items-center gap-3">
                    <span className="w-6 text-right text-sm tabular-nums text-gray-500">{index + 1}.</span>
                    <Link href={`/studio/stories/${story.id}`} lang={story.locale} className="font-medium text-brand-700 hover:underline">
                      {story.title}
                    </Link>
                    {story.locale !== "en" ? (
                      <span className="rounded bg-gray-100 px-2 py-0.5 text-xs text-gray-700" lang={story.locale}>
                        {localeName(story.locale)}
                      </span>
                    ) : null}
                    <StatusBadge status={story.status} kind="story" />
                  </div>
                  <ActionForm
                    action={removeStoryAction}
                    hidden={{ issueId: issue.id, storyId: story.id }}
                    label="Remove"
                    className="flex items-center gap-2"
                  />
                </li>
              ))}
            </ol>
          )}
          <div className="mt-4 border-t border-gray-100 pt-4">
            {available.length === 0 ? (
              <p className="text-sm text-gray-600">Every story is already in an issue.</p>
            ) : (
              <ActionForm action={addStoryAction} hidden={{ issueId: issue.id }} label="Add to issue" className="flex flex-wrap items-end gap-2">
                <div className="flex min-w-64 flex-1 flex-col gap-1">
                  <label htmlFor="add-story" className="text-sm font-medium text-gray-800">
                    Story to add
                  </label>
                  <select id="add-story" name="storyId" className={inputClass}>
                    {available.map((story) => (
                      <option key={story.id} value={story.id}>
                        {story.title} ({STORY_STATUS_LABEL[story.status]})
                      </option>
                    ))}
                  </select>
                </div>
              </ActionForm>
            )}
          </div>
        </section>

        <aside aria-label="Publishing" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 lg:self-start">
          <h2 className="text-sm font-semibold text-gray-800">Publishing</h2>
          {canPublishIssue(user, issue) && unapproved.length > 0 ? (
            <p className="text-sm text-amber-800">
              {unapproved.length} {unapproved.length === 1 ? "story is" : "stories are"} not approved yet.
            </p>
          ) : null}
          <IssuePublishingForms
            issueId={issue.id}
            version={issue.version}
            published={issue.status === "published"}
            canPublish={canPublishIssue(user, issue)}
            canUnpublish={canUnpublishIssue(user, issue)}
            publishAction={publishIssueAction}
            unpublishAction={unpublishIssueAction}
          >
            {canUnpublishIssue(user, issue) ? (
              <p className="text-sm text-gray-700">
                Live since {issue.publishedAt ? issue.publishedAt.toISOString().slice(0, 16).replace("T", " ") : "—"} UTC.
                Changes to its stories reach readers when you publish again.
              </p>
            ) : null}
          </IssuePublishingForms>
          {canEmailIssue(user, issue) ? (
            <p className="border-t border-gray-100 pt-3 text-sm">
              <Link href={`/studio/issues/${issue.id}/email`} className="font-medium text-brand-700 hover:underline">
                Email version
              </Link>
              <span className="block text-gray-600">HTML for a mailing, to copy, download or send yourself as a test.</span>
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
