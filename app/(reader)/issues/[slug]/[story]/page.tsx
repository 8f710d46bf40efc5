import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IssueDate } from "@/components/reader/issue-date";
import { isNumberedTitle } from "@/components/reader/issue-heading";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { getPublishedStory, getSiteSettings } from "@/lib/reader/read-published";
import { absoluteUrl, getIssueCover, readerMetadata } from "@/lib/reader/seo";
import { coverPath, firstStoryImage, jsonLdText, newsArticle } from "@/lib/reader/structured-data";

type Props = { params: Promise<{ slug: string; story: string }> };

/** The story's own first image, or else its issue's cover. */
async function shareImage(found: NonNullable<Awaited<ReturnType<typeof getPublishedStory>>>) {
  return firstStoryImage(found.story.html) ?? (await getIssueCover(found.issue.issueId));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, story } = await params;
  const found = await getPublishedStory(slug, story);
  if (!found) return { title: (await getTranslations("Story"))("notFound") };
  return readerMetadata({
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
  const [settings, image, t, tIssue, locale, siteLanguage] = await Promise.all([
    getSiteSettings(),
    shareImage(found),
    getTranslations("Story"),
    getTranslations("Issue"),
    getLocale(),
    getSiteLanguage(),
  ]);
  const storyLang = langIfOther(story.locale, locale);
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
    inLanguage: "en",
  });
  return (
    <article className="mx-auto max-w-2xl px-4 pt-10">
      {/* Data for search engines, not a script: browsers do not run it, so it needs no nonce;
          jsonLdText escapes "<", so no text in it can close the element. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(structured) }} />
      <p className="no-print text-sm">
        <Link
          href={`/issues/${issue.slug}`}
          lang={isNumberedTitle(issue) ? undefined : langIfOther(siteLanguage, locale)}
          className="text-brand-700 hover:underline"
        >
          ← {isNumberedTitle(issue) ? tIssue("numbered", { number: issue.number, year: String(issue.year) }) : issue.title}
        </Link>
      </p>
      <p className="mt-4 text-sm font-medium uppercase tracking-wider text-gray-600">
        {tIssue("numbered", { number: issue.number, year: String(issue.year) })} · <IssueDate date={issue.issueDate} />
      </p>
      <h1 lang={storyLang} className="mt-2 font-serif text-3xl font-bold leading-tight text-ink sm:text-4xl">{story.title}</h1>
      {story.standfirst ? (
        <p lang={storyLang} className="mt-4 text-xl text-gray-700">
          {story.standfirst}
        </p>
      ) : null}
      <p className="mt-3 text-sm text-gray-600">
        {tIssue("byline", { author: story.authorName })}
        {story.readingMinutes > 0 ? <span data-testid="reading-time"> · {t("readingTime", { minutes: story.readingMinutes })}</span> : null}
      </p>
      {/* Rendered on publish from the allow-listed schema; text is escaped there. */}
      <div lang={storyLang} className="story-body mt-8" dangerouslySetInnerHTML={{ __html: story.html }} />
    </article>
  );
}
