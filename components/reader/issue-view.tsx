import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { localeName } from "@/lib/locales";
import { authorPath } from "@/lib/reader/read-pages";
import type { IssueWithStories } from "@/lib/reader/read-published";
import { groupIssueStories } from "@/lib/reader/translations";
import { IssueHeading } from "./issue-heading";

/** A whole issue, read top to bottom like the printed newsletter. */
export async function IssueView({ issue, stories: all }: IssueWithStories) {
  const [t, tStory, locale, siteLanguage] = await Promise.all([getTranslations("Issue"), getTranslations("Story"), getLocale(), getSiteLanguage()]);
  // Each translation group once, in the site's language; its translations are linked under it.
  const entries = groupIssueStories(all);
  const stories = entries.map((entry) => entry.story);
  const othersOf = new Map(entries.map((entry) => [entry.story.slug, entry.others]));
  return (
    <article className="mx-auto max-w-3xl px-4 pt-10">
      <IssueHeading issue={issue} />
      <p className="no-print mt-3 text-center text-sm">
        <a href={`/issues/${issue.slug}/print`} className="text-brand-700 hover:underline">
          {t("printEdition")}
        </a>
      </p>
      {issue.editorsNote ? (
        <p lang={langIfOther(siteLanguage, locale)} className="mx-auto mt-6 max-w-2xl text-center font-serif text-lg italic leading-relaxed text-gray-700">
          {issue.editorsNote}
        </p>
      ) : null}
      {stories.length > 1 ? (
        <nav aria-label={t("inThisIssue")} className="no-print mx-auto mt-8 max-w-2xl rounded-lg border border-gray-200 p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wider text-gray-600">{t("inThisIssue")}</h2>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {stories.map((story) => (
              <li key={story.slug}>
                <a className="text-brand-700 hover:underline" href={`#${story.slug}`} lang={story.locale}>
                  {story.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {stories.map((story) => (
        <section key={story.slug} id={story.slug} aria-labelledby={`${story.slug}-title`} className="issue-story mt-12 border-t border-gray-200 pt-8">
          <h2 id={`${story.slug}-title`} lang={story.locale} className="font-serif text-2xl font-bold leading-snug text-ink sm:text-3xl">
            <a href={`/issues/${issue.slug}/${story.slug}`} className="hover:text-brand-700 hover:underline">
              {story.title}
            </a>
          </h2>
          {story.standfirst ? <p className="mt-3 text-lg text-gray-700" lang={story.locale}>{story.standfirst}</p> : null}
          <p className="mt-2 text-sm text-gray-600">
            {tStory.rich("byline", {
              name: story.authorName,
              author: (chunks) =>
                story.authorId ? (
                  <a href={authorPath(story.authorId)} rel="author" className="text-brand-700 hover:underline">
                    {chunks}
                  </a>
                ) : (
                  chunks
                ),
            })}
          </p>
          <AlsoIn issueSlug={issue.slug} others={othersOf.get(story.slug) ?? []} />
          {/* Rendered on publish from the allow-listed schema; text is escaped there. */}
          <div className="story-body mt-6" lang={story.locale} dangerouslySetInnerHTML={{ __html: story.html }} />
        </section>
      ))}
    </article>
  );
}

/** "Also in: 中文 · ไทย": the story's translations, each in its own language. */
function AlsoIn({ issueSlug, others }: { issueSlug: string; others: IssueWithStories["stories"] }) {
  const t = useTranslations("Issue");
  if (others.length === 0) return null;
  return (
    <p className="no-print mt-1 text-sm text-gray-600" data-testid="also-in">
      {t("alsoIn")}{" "}
      {others.map((other, i) => (
        <span key={other.slug}>
          {i > 0 ? " · " : null}
          <a href={`/issues/${issueSlug}/${other.slug}`} hrefLang={other.locale} lang={other.locale} className="text-brand-700 underline">
            {localeName(other.locale)}
          </a>
        </span>
      ))}
    </p>
  );
}
