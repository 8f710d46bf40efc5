import type { Metadata } from "next";
import Link from "next/link";
import { formatIssueDate } from "@/components/reader/format";
import { localeName } from "@/lib/locales";
import { SearchForm } from "@/components/reader/search-form";
import { SEARCH_PAGE_SIZE } from "@/lib/search/limits";
import { setResponseStatus } from "@/lib/reader/response-status.mjs";
import { searchPageHref as pageHref } from "@/lib/search/params";
import { searchPublished, type ReaderSearch } from "@/lib/search/search-published";
import type { TextPart } from "@/lib/search/tokenize";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = typeof q === "string" ? q.trim().slice(0, 80) : "";
  // Result pages change with every issue: search engines should follow them, not list them.
  return { title: text ? `Search: ${text}` : "Search", robots: { index: false, follow: true } };
}

function Marked({ parts }: { parts: TextPart[] }) {
  return parts.map((part, i) =>
    part.match ? (
      <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-ink">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

function Pagination({ search }: { search: Extract<ReaderSearch, { kind: "results" }> }) {
  const { q, page, pageCount } = search;
  if (pageCount <= 1) return null;
  const around = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount);
  const link = "rounded px-3 py-1 text-brand-700 hover:bg-brand-50 hover:underline";
  return (
    <nav aria-label="Search result pages" className="mt-8 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? (
        <Link className={link} href={pageHref(q, Math.min(page - 1, pageCount))} rel="prev">
          ← Previous
        </Link>
      ) : null}
      <ul className="flex flex-wrap gap-1">
        {around.map((n, i) => (
          <li key={n} className="flex items-center gap-1">
            {i > 0 && n - (around[i - 1] ?? n) > 1 ? <span aria-hidden="true">…</span> : null}
            {n === page ? (
              <span aria-current="page" className="rounded bg-brand-700 px-3 py-1 font-semibold text-white">
                <span className="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <Link className={link} href={pageHref(q, n)}>
                <span className="sr-only">Page </span>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <Link className={link} href={pageHref(q, page + 1)} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

function Results({ search }: { search: Extract<ReaderSearch, { kind: "results" }> }) {
  const { q, total, more, page, pageCount, items } = search;
  if (total === 0) {
    return (
      <div className="mt-8">
        <p className="text-lg">
          No published story matches <strong>“{q}”</strong>.
        </p>
        <p className="mt-2 text-gray-700">
          Try fewer words, another spelling, or browse the <Link className="text-brand-700 underline" href="/issues">archive</Link>.
        </p>
      </div>
    );
  }
  const from = (page - 1) * SEARCH_PAGE_SIZE + 1;
  return (
    <>
      <p className="mt-6 text-sm text-gray-700" role="status">
        {more ? `${total.toLocaleString("en")}+ stories` : total === 1 ? "1 story" : `${total.toLocaleString("en")} stories`} found
        for <strong>“{q}”</strong>
        {pageCount > 1 ? ` · showing ${from}–${from + items.length - 1}, page ${page} of ${pageCount}` : ""}
      </p>
      <ol className="mt-4 divide-y divide-gray-200 border-y border-gray-200">
        {items.map((item) => (
          <li key={item.href} className="py-5">
            <h2 className="font-serif text-xl font-semibold leading-snug">
              <Link href={item.href} hrefLang={item.locale} lang={item.locale} className="text-brand-700 hover:underline">
                <Marked parts={item.titleParts} />
              </Link>
            </h2>
            <p className="mt-1 text-sm text-gray-600">
              <Link href={item.issueHref} className="hover:underline">
                Issue {item.issueNumber}, {item.issueYear}
              </Link>
              {item.issueTitle !== `Issue ${item.issueNumber}, ${item.issueYear}` ? ` · ${item.issueTitle}` : ""} ·{" "}
              <time dateTime={item.issueDate}>{formatIssueDate(item.issueDate)}</time> · By {item.authorName} ·{" "}
              <span data-testid="result-language" lang={item.locale}>
                {localeName(item.locale)}
              </span>
            </p>
            <p className="search-snippet mt-2 text-gray-800" lang={item.locale}>
              <Marked parts={item.snippetParts} />
            </p>
          </li>
        ))}
      </ol>
      <Pagination search={search} />
    </>
  );
}

/** Why the search could not be run (the page answers 400 or 404). */
function SearchProblem({ children }: { children: React.ReactNode }) {
  return (
    <p className="mt-6 rounded border border-red-300 bg-red-50 p-3 text-red-900" role="alert">
      {children}
    </p>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const search = await searchPublished(await searchParams);
  // A bad address was given its 400 (or 404) by proxy.ts, which reads it with the same
  // schema; a page after the last page of results is only known now: 404, with the same
  // page and a message (set by scripts/server.mjs, see lib/reader/response-status.mjs).
  if (search.kind === "past-end") setResponseStatus(404);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold">Search</h1>
      <div className="mt-4">
        <SearchForm id="search-page-query" name="Search the newsletter" defaultValue={search.q} large />
      </div>
      {search.kind === "blank" ? (
        <p className="mt-6 text-gray-700">
          Search the stories of every published issue, in any of the newsletter’s languages: English,{" "}
          <span lang="vi">Tiếng Việt</span>, <span lang="zh">中文</span>, <span lang="th">ไทย</span>,{" "}
          <span lang="lo">ລາວ</span>, <span lang="km">ខ្មែរ</span>, <span lang="my">မြန်မာ</span>.
        </p>
      ) : search.kind === "invalid" ? (
        <SearchProblem>{search.message}</SearchProblem>
      ) : search.kind === "past-end" ? (
        <SearchProblem>
          There is no page {search.page} of results for <strong>“{search.q}”</strong>.{" "}
          <Link className="underline" href={pageHref(search.q, 1)}>
            Go to the first page
          </Link>
          .
        </SearchProblem>
      ) : (
        <Results search={search} />
      )}
    </div>
  );
}
