import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IssueDate } from "@/components/reader/issue-date";
import { isNumberedTitle } from "@/components/reader/issue-heading";
import { Pagination } from "@/components/reader/pagination";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { pageHref, parsePage } from "@/lib/reader/page-params";
import { AUTHOR_PAGE_SIZE, authorPath, getAuthorPage, type AuthorPage } from "@/lib/reader/read-pages";
import { getSiteSettings } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The author's page asked for, or null (404): no published story, or a bad or past-the-end page. */
async function authorOf({ params, searchParams }: Props): Promise<AuthorPage | null> {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const page = parsePage(query.page);
  return page === null ? null : getAuthorPage(id, page);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [author, settings, t, tNotFound] = await Promise.all([
    authorOf(props),
    getSiteSettings(),
    getTranslations("Author"),
    getTranslations("NotFound"),
  ]);
  if (!author) return { title: tNotFound("title") };
  const title = author.pageCount > 1 ? t("pagedTitle", { name: author.name, page: author.page, pageCount: author.pageCount }) : author.name;
  return readerMetadata({
    path: pageHref(authorPath(author.authorId), author.page),
    title,
    shareTitle: t("shareTitle", { name: author.name, newsletter: settings.newsletterName }),
    description: t("description", { name: author.name, newsletter: settings.newsletterName }),
  });
}

export default async function AuthorPageView(props: Props) {
  const author = await authorOf(props);
  if (!author) notFound();
  const { name, page, pageCount, total, stories } = author;
  const from = (page - 1) * AUTHOR_PAGE_SIZE + 1;
  const [t, tIssue, locale, siteLanguage] = await Promise.all([getTranslations("Author"), getTranslations("Issue"), getLocale(), getSiteLanguage()]);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10">
      <p className="text-sm font-medium uppercase tracking-wider text-gray-700">{t("label")}</p>
      <h1 className="mt-1 font-serif text-3xl font-bold text-ink">{name}</h1>
      <p className="mt-2 text-gray-700">
        {t("count", { total })}
        {pageCount > 1 ? t("range", { from, to: from + stories.length - 1, page, pageCount }) : ""}
      </p>
      <ol className="mt-6 divide-y divide-gray-200 border-y border-gray-200">
        {stories.map((story) => (
          <li key={`${story.issue.slug}/${story.slug}`} className="py-5">
            <h2 className="font-serif text-xl font-semibold leading-snug" lang={story.locale}>
              <a href={`/issues/${story.issue.slug}/${story.slug}`} className="text-brand-700 hover:underline">
                {story.title}
              </a>
            </h2>
            <p className="mt-1 text-sm text-gray-700">
              <a
                href={`/issues/${story.issue.slug}`}
                lang={isNumberedTitle(story.issue) ? undefined : langIfOther(siteLanguage, locale)}
                className="hover:underline"
              >
                {isNumberedTitle(story.issue) ? tIssue("numbered", { number: story.issue.number, year: String(story.issue.year) }) : story.issue.title}
              </a>{" "}
              · <IssueDate date={story.issue.issueDate} />
            </p>
            {story.standfirst ? (
              <p className="mt-2 text-gray-800" lang={story.locale}>
                {story.standfirst}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination label={t("pagesLabel")} page={page} pageCount={pageCount} href={(n) => pageHref(authorPath(author.authorId), n)} />
    </div>
  );
}
