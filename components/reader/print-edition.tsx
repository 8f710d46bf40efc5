import { getLocale, getTranslations } from "next-intl/server";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import type { IssueWithStories } from "@/lib/reader/read-published";
import { IssueHeading, isNumberedTitle } from "./issue-heading";

/**
 * The whole issue laid out for paper (see "@media print" in app/globals.css): the heading
 * and editor's note, the contents, then every story in full, each starting a new page.
 * Images load at once, not lazily, so a printout or PDF made straight away has them all.
 */
export async function PrintEdition({ issue, stories }: IssueWithStories) {
  const [t, tIssue, locale, siteLanguage] = await Promise.all([
    getTranslations("Print"),
    getTranslations("Issue"),
    getLocale(),
    getSiteLanguage(),
  ]);
  const issueLang = langIfOther(siteLanguage, locale);
  const issueTitle = isNumberedTitle(issue) ? (
    tIssue("numbered", { number: issue.number, year: String(issue.year) })
  ) : (
    <span lang={issueLang}>{issue.title}</span>
  );
  return (
    <article className="print-edition mx-auto max-w-3xl px-4 pt-10">
      <div className="no-print mb-8 rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm text-gray-800">
        <p>{t.rich("notice", { title: issue.title, strong: (chunks) => <strong lang={issueLang}>{chunks}</strong> })}</p>
        <p className="mt-2">
          <a href={`/issues/${issue.slug}`} className="text-brand-700 hover:underline">
            {t.rich("back", { issue: () => issueTitle })}
          </a>
        </p>
      </div>
      <header className="print-cover">
        <IssueHeading issue={issue} />
        {issue.editorsNote ? (
          <p lang={issueLang} className="mx-auto mt-6 max-w-2xl text-center font-serif text-lg italic leading-relaxed text-gray-700">
            {issue.editorsNote}
          </p>
        ) : null}
        {stories.length > 0 ? (
          <section aria-labelledby="contents-heading" className="print-contents mx-auto mt-8 max-w-2xl">
            <h2 id="contents-heading" className="text-sm font-semibold uppercase tracking-wider text-gray-600">
              {t("contents")}
            </h2>
            <ol className="mt-2 list-decimal space-y-1 pl-5">
              {stories.map((story) => (
                <li key={story.slug}>
                  <a lang={langIfOther(story.locale, locale)} className="text-brand-700 hover:underline" href={`#${story.slug}`}>
                    {story.title}
                  </a>
                  <span className="text-gray-600"> — {story.authorName}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </header>
      {stories.map((story) => (
        <section key={story.slug} id={story.slug} aria-labelledby={`${story.slug}-title`} className="print-story mt-12 border-t border-gray-200 pt-8">
          <p lang={issueLang} className="print-running-head text-xs font-medium uppercase tracking-wider text-gray-600">
            {issue.title}
          </p>
          <h2 id={`${story.slug}-title`} lang={langIfOther(story.locale, locale)} className="mt-1 font-serif text-2xl font-bold leading-snug text-ink sm:text-3xl">
            {story.title}
          </h2>
          {story.standfirst ? (
            <p lang={langIfOther(story.locale, locale)} className="mt-3 text-lg text-gray-700">
              {story.standfirst}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-gray-600">{tIssue("byline", { author: story.authorName })}</p>
          {/* Rendered on publish from the allow-listed schema; text is escaped there. */}
          <div lang={langIfOther(story.locale, locale)} className="story-body mt-6" dangerouslySetInnerHTML={{ __html: eagerImages(story.html) }} />
        </section>
      ))}
    </article>
  );
}

/** The renderer marks story images loading="lazy"; a print run does not scroll to load them. */
function eagerImages(html: string): string {
  return html.replaceAll(' loading="lazy"', "");
}
