import type { Metadata } from "next";
import Link from "next/link";
import { HistoryPanel } from "@/components/editor/history-panel";
import { StoryWorkspace } from "@/components/editor/story-workspace";
import { CommentForm } from "@/components/studio/comment-form";
import { TranslationForm } from "@/components/studio/translation-form";
import { ReviewHistory } from "@/components/studio/review-history";
import { StatusBadge } from "@/components/studio/status-badge";
import { loadOrRefuse } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { storyPlainText } from "@/lib/content/story-body";
import { LOCALE_ENGLISH_NAMES, TRANSLATION_LOCALES, isStoryLocale, localeName } from "@/lib/locales";
import {
  canCommentOnStory,
  canCreateStory,
  canManageIssues,
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

/** "ไทย (Thai)", with the language's own name marked as that language. */
function languageLabel(locale: string) {
  if (!isStoryLocale(locale) || locale === "en") return localeName(locale);
  return (
    <>
      <span lang={locale}>{localeName(locale)}</span> ({LOCALE_ENGLISH_NAMES[locale]})
    </>
  );
}

export default async function StoryEditorPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const { story, events, translations } = await loadOrRefuse(() => getStoryForStudio(user, id));
  const taken = new Set([story.locale, ...translations.map((t) => t.locale)]);
  const missing = TRANSLATION_LOCALES.filter((locale) => !taken.has(locale));
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
        By {story.authorName} · <span data-testid="story-language">{languageLabel(story.locale)}</span> · <span data-testid="saved-length">{wordsLabel(story.wordCount)}{reading ? ` · ${reading}` : ""}</span>
      </p>
      <div className="mt-6">
        {/* Remounts after each workflow step (status changes), never after a save: the editor keeps its text and cursor. */}
        <StoryWorkspace
          key={`${story.id}-${story.status}`}
          story={{ id: story.id, version: story.version, title: story.title, standfirst: story.standfirst, body: story.body, status: story.status, locale: story.locale }}
          can={can}
        />
      </div>
      <section aria-labelledby="languages-heading" className="mt-8 max-w-3xl rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="languages-heading" className="mb-3 text-sm font-semibold text-gray-800">
          Languages
        </h2>
        {translations.length > 0 ? (
          <ul className="mb-4 space-y-1 text-sm" data-testid="translations">
            {translations.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-2">
                <span className="w-40 text-gray-700">{languageLabel(t.locale)}</span>
                {t.viewable ? (
                  <Link href={`/studio/stories/${t.id}`} lang={t.locale} className="text-brand-700 hover:underline">
                    {t.title}
                  </Link>
                ) : (
                  <span className="text-gray-600">written by someone else</span>
                )}
                <StatusBadge status={t.status} kind="story" />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-gray-600">This story has no translations yet.</p>
        )}
        {canCreateStory(user) && missing.length > 0 ? <TranslationForm
            storyId={story.id}
            locales={missing}
            placement={
              story.issueId === null
                ? ""
                : canManageIssues(user)
                  ? "It goes into this story's issue, right after it."
                  : "An editor adds it to this story's issue."
            }
          /> : null}
      </section>
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
