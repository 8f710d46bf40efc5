import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IssueDate } from "@/components/reader/issue-date";
import { isNumberedTitle } from "@/components/reader/issue-heading";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { localeName } from "@/lib/locales";
import { authorPath, getStoryNeighbours } from "@/lib/reader/read-pages";
import { getPublishedStory, getSiteSettings, getStoryLanguages } from "@/lib/reader/read-published";
import { absoluteUrl, getIssueCover, readerMetadata } from "@/lib/reader/seo";
import { coverPath, firstStoryImage, jsonLdText, newsArticle } from "@/lib/reader/structured-data";

type Props = { params: Promise<{ slug: string; story: string }> };

/** The story's own first image, or else its issue's cover. */
async function shareImage(found: NonNullable<Awaited<ReturnType<typeof getPublishedStory>>>) {
  return firstStoryImage(found.story.html) ?? (await getIssueCover(found.issue.issueId));
}

/** hreflang alternates: every language the story is published in, and x-default for the site's own. */
async function languageAlternates({ issue, story }: NonNullable<Awaited<ReturnType<typeof getPublishedStory>>>) {
  const languages = await getStoryLanguages(issue.issueId, story.slug, story.translationGroup);
  if (languages.length < 2) return undefined;
  const paths = Object.fromEntries(languages.map((l) => [l.locale, `/issues/${issue.slug}/${l.slug}`]));
  return { ...paths, "x-default": `/issues/${issue.slug}/${languages[0]?.slug ?? story.slug}` };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, story } = await params;
  const found = await getPublishedStory(slug, story);
  if (!found) return { title: (await getTranslations("Story"))("notFound") };
  return readerMetadata({
    locale: found.story.locale,
    languages: await languageAlternates(found),
    path: `/issues/${found.issue.slug}/${found.story.slug}`,
    title: found.story.title,
    shareTitle: found.story.title,
    description: found.story.standfirst,
    image: await shareImage(found),
    type: "article",
    article: {
      publishedTime: found.issue.issueDate,
      modifiedTime: found.issue.publishedAt.toISOString(),
      authors: [found.story.authorName],
    },
  });
}

export default async function StoryPage({ params }: Props) {
  const { slug, story: storySlug } = await params;
  const found = await getPublishedStory(slug, storySlug);
  if (!found) notFound();
  const { issue, story } = found;
  const [settings, image, languages, neighbours, t, tIssue, locale, siteLanguage] = await Promise.all([
    getSiteSettings(),
    shareImage(found),
    getStoryLanguages(issue.issueId, story.slug, story.translationGroup),
    getStoryNeighbours(issue.issueId, story.position, story.locale),
    getTranslations("Story"),
    getTranslations("Issue"),
    getLocale(),
    getSiteLanguage(),
  ]);
  const structured = newsArticle({
    url: absoluteUrl(`/issues/${issue.slug}/${story.slug}`),
    headline: story.title,
    description: story.standfirst,
    authorName: story.authorName,
    issueDate: issue.issueDate,
    publishedAt: issue.publishedAt,
    imageUrl: image ? absoluteUrl(coverPath(image)) : null,
    issue: { number: issue.number, title: issue.title, url: absoluteUrl(`/issues/${issue.slug}`) },
    publisher: { name: settings.siteNameEn, url: absoluteUrl("/"), logoUrl: absoluteUrl("/apple-touch-icon.png") },
    inLanguage: story.locale,
  });
  return (
    <article className="mx-auto max-w-2xl px-4 pt-10">
      {/* Data for search engines, not a script: browsers do not run it, so it needs no nonce;
          jsonLdText escapes "<", so no text in it can close the element. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(structured) }} />
      <p className="no-print text-sm">
        <a
          href={`/issues/${issue.slug}`}
          lang={isNumberedTitle(issue) ? undefined : langIfOther(siteLanguage, locale)}
          className="text-brand-700 hover:underline"
        >
          ← {isNumberedTitle(issue) ? tIssue("numbered", { number: issue.number, year: String(issue.year) }) : issue.title}
        </a>
      </p>
      <p className="mt-4 text-sm font-medium uppercase tracking-wider text-gray-600">
        {tIssue("numbered", { number: issue.number, year: String(issue.year) })} · <IssueDate date={issue.issueDate} />
      </p>
      {languages.length > 1 ? (
        <nav aria-label={t("languagesLabel")} className="no-print mt-3 text-sm text-gray-700" data-testid="read-in">
          {t("readIn")}{" "}
          {languages.map((l, i) => (
            <span key={l.slug}>
              {i > 0 ? " · " : null}
              {l.slug === story.slug ? (
                <span aria-current="page" lang={l.locale} className="font-semibold text-ink">
                  {localeName(l.locale)}
                </span>
              ) : (
                <a href={`/issues/${issue.slug}/${l.slug}`} hrefLang={l.locale} lang={l.locale} className="text-brand-700 underline">
                  {localeName(l.locale)}
                </a>
              )}
            </span>
          ))}
        </nav>
      ) : null}
      <h1 lang={story.locale} className="mt-2 font-serif text-3xl font-bold leading-tight text-ink sm:text-4xl">
        {story.title}
      </h1>
      {story.standfirst ? (
        <p lang={story.locale} className="mt-4 text-xl text-gray-700">
          {story.standfirst}
        </p>
      ) : null}
      <p className="mt-3 text-sm text-gray-700">
        {t.rich("byline", {
          name: story.authorName,
          author: (chunks) =>
            story.authorId ? (
              <a href={authorPath(story.authorId)} rel="author" className="font-medium text-brand-700 hover:underline">
                {chunks}
              </a>
            ) : (
              chunks
            ),
        })}
        {story.readingMinutes > 0 ? <span data-testid="reading-time"> · {t("readingTime", { minutes: story.readingMinutes })}</span> : null}
      </p>
      {/* Rendered on publish from the allow-listed schema; text is escaped there. */}
      <div lang={story.locale} className="story-body mt-8" dangerouslySetInnerHTML={{ __html: story.html }} />
      {neighbours.previous || neighbours.next ? (
        <nav aria-label={t("storyNav")} className="no-print mt-12 grid gap-3 border-t border-gray-200 pt-6 sm:grid-cols-2">
          {neighbours.previous ? (
            <a
              href={`/issues/${issue.slug}/${neighbours.previous.slug}`}
              rel="prev"
              className="group rounded-lg border border-gray-200 p-4 hover:border-brand-600"
            >
              <span className="block text-xs font-semibold uppercase tracking-wider text-gray-700">← {t("previous")}</span>
              <span lang={langIfOther(story.locale, locale)} className="mt-1 block font-serif text-lg font-semibold leading-snug text-brand-700 group-hover:underline">
                {neighbours.previous.title}
              </span>
            </a>
          ) : (
            <span className="hidden sm:block" />
          )}
          {neighbours.next ? (
            <a
              href={`/issues/${issue.slug}/${neighbours.next.slug}`}
              rel="next"
              className="group rounded-lg border border-gray-200 p-4 text-right hover:border-brand-600"
            >
              <span className="block text-xs font-semibold uppercase tracking-wider text-gray-700">{t("next")} →</span>
              <span lang={langIfOther(story.locale, locale)} className="mt-1 block font-serif text-lg font-semibold leading-snug text-brand-700 group-hover:underline">
                {neighbours.next.title}
              </span>
            </a>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}
