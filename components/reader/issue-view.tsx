import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import type { IssueWithStories } from "@/lib/reader/read-published";
import { IssueHeading } from "./issue-heading";

/** A whole issue, read top to bottom like the printed newsletter. */
export async function IssueView({ issue, stories }: IssueWithStories) {
  const [t, locale, siteLanguage] = await Promise.all([getTranslations("Issue"), getLocale(), getSiteLanguage()]);
  return (
    <article className="mx-auto max-w-3xl px-4 pt-10">
      <IssueHeading issue={issue} />
      <p className="no-print mt-3 text-center text-sm">
        <Link href={`/issues/${issue.slug}/print`} className="text-brand-700 hover:underline">
          {t("printEdition")}
        </Link>
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
              <li key={story.slug} lang={langIfOther(story.locale, locale)}>
                <a className="text-brand-700 hover:underline" href={`#${story.slug}`}>
                  {story.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {stories.map((story) => (
        <section key={story.slug} id={story.slug} aria-labelledby={`${story.slug}-title`} className="issue-story mt-12 border-t border-gray-200 pt-8">
          <h2 id={`${story.slug}-title`} lang={langIfOther(story.locale, locale)} className="font-serif text-2xl font-bold leading-snug text-ink sm:text-3xl">
            <Link href={`/issues/${issue.slug}/${story.slug}`} className="hover:text-brand-700 hover:underline">
              {story.title}
            </Link>
          </h2>
          {story.standfirst ? (
            <p lang={langIfOther(story.locale, locale)} className="mt-3 text-lg text-gray-700">
              {story.standfirst}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-gray-600">{t("byline", { author: story.authorName })}</p>
          {/* Rendered on publish from the allow-listed schema; text is escaped there. */}
          <div lang={langIfOther(story.locale, locale)} className="story-body mt-6" dangerouslySetInnerHTML={{ __html: story.html }} />
        </section>
      ))}
    </article>
  );
}
