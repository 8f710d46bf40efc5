import type { Metadata } from "next";
import Link from "next/link";
import { HistoryPanel } from "@/components/editor/history-panel";
import { StoryWorkspace } from "@/components/editor/story-workspace";
import { CommentForm } from "@/components/studio/comment-form";
import { ReviewHistory } from "@/components/studio/review-history";
import { StatusBadge } from "@/components/studio/status-badge";
import { loadOrRefuse } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { storyPlainText } from "@/lib/content/story-body";
import {
  canCommentOnStory,
  canEditStory,
  canReopenStory,
  canReviewStory,
  canSubmitStory,
  canWithdrawStory,
} from "@/lib/policy";
import { getStoryForStudio } from "@/lib/stories/read-stories";
import { readingLabel, readingMinutes, wordsLabel } from "@/lib/text/words";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }> };

export default async function StoryEditorPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const { story, events } = await loadOrRefuse(() => getStoryForStudio(user, id));
  const can = {
    edit: canEditStory(user, story),
    submit: canSubmitStory(user, story),
    withdraw: canWithdrawStory(user, story),
    review: canReviewStory(user, story),
    reopen: canReopenStory(user, story),
  };
  const reading = readingLabel(readingMinutes(storyPlainText(story.body)));
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/studio/stories" className="text-brand-700 hover:underline">
          ← Stories
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{story.title}</h1>
        <StatusBadge status={story.status} kind="story" />
        <div className="ml-auto">
          <HistoryPanel storyId={story.id} canRestore={can.edit} />
        </div>
      </div>
      <p className="mt-1 text-sm text-gray-600">
        By {story.authorName} · <span data-testid="saved-length">{wordsLabel(story.wordCount)}{reading ? ` · ${reading}` : ""}</span>
      </p>
      <div className="mt-6">
        {/* Remounts after each workflow step (status changes), never after a save: the editor keeps its text and cursor. */}
        <StoryWorkspace
          key={`${story.id}-${story.status}`}
          story={{ id: story.id, version: story.version, title: story.title, standfirst: story.standfirst, body: story.body, status: story.status }}
          can={can}
        />
      </div>
      <section aria-labelledby="history-heading" className="mt-8 max-w-3xl rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="history-heading" className="mb-3 text-sm font-semibold text-gray-800">
          Review history
        </h2>
        <ReviewHistory events={events} />
        {canCommentOnStory(user, story) ? (
          <div className="mt-4 border-t border-gray-100 pt-4">
            <CommentForm storyId={story.id} />
          </div>
        ) : null}
      </section>
    </div>
  );
}
