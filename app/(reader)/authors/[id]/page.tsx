import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatIssueDate } from "@/components/reader/format";
import { Pagination } from "@/components/reader/pagination";
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
  const [author, settings] = await Promise.all([authorOf(props), getSiteSettings()]);
  if (!author) return { title: "Page not found" };
  const title = `${author.name}${author.pageCount > 1 ? `, page ${author.page} of ${author.pageCount}` : ""}`;
  return readerMetadata({
    path: pageHref(authorPath(author.authorId), author.page),
    title,
    shareTitle: `${author.name} · ${settings.newsletterName}`,
    description: `Stories by ${author.name} in ${settings.newsletterName}.`,
  });
}

export default async function AuthorPageView(props: Props) {
  const author = await authorOf(props);
  if (!author) notFound();
  const { name, page, pageCount, total, stories } = author;
  const from = (page - 1) * AUTHOR_PAGE_SIZE + 1;
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10">
      <p className="text-sm font-medium uppercase tracking-wider text-gray-700">Author</p>
      <h1 className="mt-1 font-serif text-3xl font-bold text-ink">{name}</h1>
      <p className="mt-2 text-gray-700">
        {total === 1 ? "1 published story" : `${total} published stories`}, newest first
        {pageCount > 1 ? ` · ${from}–${from + stories.length - 1}, page ${page} of ${pageCount}` : ""}
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
              <a href={`/issues/${story.issue.slug}`} className="hover:underline">
                {story.issue.title}
              </a>{" "}
              · <time dateTime={story.issue.issueDate}>{formatIssueDate(story.issue.issueDate)}</time>
            </p>
            {story.standfirst ? (
              <p className="mt-2 text-gray-800" lang={story.locale}>
                {story.standfirst}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination label="Pages of stories" page={page} pageCount={pageCount} href={(n) => pageHref(authorPath(author.authorId), n)} />
    </div>
  );
}
