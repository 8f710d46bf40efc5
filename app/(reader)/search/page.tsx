import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { IssueDate } from "@/components/reader/issue-date";
import { langIfOther } from "@/lib/i18n/lang";
import { localeName } from "@/lib/locales";
import { SearchForm } from "@/components/reader/search-form";
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE } from "@/lib/search/limits";
import { setResponseStatus } from "@/lib/reader/response-status.mjs";
import { searchPageHref as pageHref } from "@/lib/search/params";
import { searchPublished, type ReaderSearch } from "@/lib/search/search-published";
import type { TextPart } from "@/lib/search/tokenize";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = typeof q === "string" ? q.trim().slice(0, 80) : "";
  const t = await getTranslations("Search");
  // Result pages change with every issue: search engines should follow them, not list them.
  return { title: text ? t("titleWithQuery", { query: text }) : t("title"), robots: { index: false, follow: true } };
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

/** The words around a page number, for screen readers: "Page 2", "第 2 页", showing "2". */
const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

function Pagination({ search }: { search: Extract<ReaderSearch, { kind: "results" }> }) {
  const { q, page, pageCount } = search;
  const t = useTranslations("Search");
  if (pageCount <= 1) return null;
  const around = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount);
  const link = "rounded px-3 py-1 text-brand-700 hover:bg-brand-50 hover:underline";
  return (
    <nav aria-label={t("pagesLabel")} className="mt-8 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? (
        <a className={link} href={pageHref(q, Math.min(page - 1, pageCount))} rel="prev">
          {t("previousPage")}
        </a>
      ) : null}
      <ul className="flex flex-wrap gap-1">
        {around.map((n, i) => (
          <li key={n} className="flex items-center gap-1">
            {i > 0 && n - (around[i - 1] ?? n) > 1 ? <span aria-hidden="true">…</span> : null}
            {n === page ? (
              <span aria-current="page" className="rounded bg-brand-700 px-3 py-1 font-semibold text-white">
                {t.rich("page", { page: n, hidden })}
              </span>
            ) : (
              <a className={link} href={pageHref(q, n)}>
                {t.rich("page", { page: n, hidden })}
              </a>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <a className={link} href={pageHref(q, page + 1)} rel="next">
          {t("nextPage")}
        </a>
      ) : null}
    </nav>
  );
}

function Results({ search }: { search: Extract<ReaderSearch, { kind: "results" }> }) {
  const { q, total, more, page, pageCount, items } = search;
  const t = useTranslations("Search");
  const tIssue = useTranslations("Issue");
  if (total === 0) {
    return (
      <div className="mt-8">
        <p className="text-lg">{t.rich("noResults", { query: q, strong })}</p>
        <p className="mt-2 text-gray-700">
          {t.rich("noResultsHint", {
            archive: (chunks) => (
              <a className="text-brand-700 underline" href="/issues">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
    );
  }
  const from = (page - 1) * SEARCH_PAGE_SIZE + 1;
  return (
    <>
      <p className="mt-6 text-sm text-gray-700" role="status">
        {t.rich(more ? "foundMore" : "found", { total, query: q, strong })}
        {pageCount > 1 ? t("showing", { from, to: from + items.length - 1, page, pageCount }) : ""}
      </p>
      <ol className="mt-4 divide-y divide-gray-200 border-y border-gray-200">
        {items.map((item) => (
          <li key={item.href} className="py-5">
            <h2 className="font-serif text-xl font-semibold leading-snug">
              <a href={item.href} hrefLang={item.locale} lang={item.locale} className="text-brand-700 hover:underline">
                <Marked parts={item.titleParts} />
              </a>
            </h2>
            <p className="mt-1 text-sm text-gray-600">
              <a href={item.issueHref} className="hover:underline">
                {tIssue("numbered", { number: item.issueNumber, year: String(item.issueYear) })}
              </a>
              {item.issueTitle !== `Issue ${item.issueNumber}, ${item.issueYear}` ? ` · ${item.issueTitle}` : ""} ·{" "}
              <IssueDate date={item.issueDate} /> · {tIssue("byline", { author: item.authorName })} ·{" "}
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

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** Why the search could not be run (the page answers 400 or 404). */
function SearchProblem({ children, lang }: { children: React.ReactNode; lang?: string }) {
  return (
    <p lang={lang} className="mt-6 rounded border border-red-300 bg-red-50 p-3 text-red-900" role="alert">
      {children}
    </p>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const [search, t, locale] = await Promise.all([searchPublished(await searchParams), getTranslations("Search"), getLocale()]);
  // A bad address was given its 400 (or 404) by proxy.ts, which reads it with the same
  // schema; a page after the last page of results is only known now: 404, with the same
  // page and a message (set by scripts/server.mjs, see lib/reader/response-status.mjs).
  if (search.kind === "past-end") setResponseStatus(404);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold">{t("title")}</h1>
      <div className="mt-4">
        <SearchForm id="search-page-query" name={t("formName")} defaultValue={search.q} large />
      </div>
      {search.kind === "blank" ? (
        <p className="mt-6 text-gray-700">
          {t("intro")} <span lang="en">English</span>,{" "}
          <span lang="vi">Tiếng Việt</span>, <span lang="zh">中文</span>, <span lang="th">ไทย</span>,{" "}
          <span lang="lo">ລາວ</span>, <span lang="km">ខ្មែរ</span>, <span lang="my">မြန်မာ</span>.
        </p>
      ) : search.kind === "invalid" ? (
        // The search's own messages are said in the reader's language by name; one zod wrote
        // itself (none should) stays in English.
        search.problem ? (
          <SearchProblem>{t(`problems.${search.problem}`, { max: MAX_QUERY_LENGTH, page: MAX_SEARCH_PAGE })}</SearchProblem>
        ) : (
          <SearchProblem lang={langIfOther("en", locale)}>{search.message}</SearchProblem>
        )
      ) : search.kind === "past-end" ? (
        <SearchProblem>
          {t.rich("pastEnd", {
            page: search.page,
            query: search.q,
            strong,
            first: (chunks) => (
              <a className="underline" href={pageHref(search.q, 1)}>
                {chunks}
              </a>
            ),
          })}
        </SearchProblem>
      ) : (
        <Results search={search} />
      )}
    </div>
  );
}
