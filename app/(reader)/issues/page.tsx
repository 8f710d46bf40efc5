import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IssueDate } from "@/components/reader/issue-date";
import { isNumberedTitle } from "@/components/reader/issue-heading";
import { Pagination } from "@/components/reader/pagination";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { mediaSrcSet, mediaUrl } from "@/lib/media/urls";
import { pageHref, parsePage, parseYear } from "@/lib/reader/page-params";
import { getArchive, type Archive, type ArchiveIssue } from "@/lib/reader/read-pages";
import { getSiteSettings } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The archive asked for, or null (404) for a bad or empty year or a page past the last. */
async function archiveOf(searchParams: Props["searchParams"]): Promise<Archive | null> {
  const params = await searchParams;
  const year = parseYear(params.year);
  const page = parsePage(params.page);
  if (year === null || page === null) return null;
  return getArchive(year, page);
}

const archiveHref = (year: number | undefined, page: number) => pageHref("/issues", page, { year: year === undefined ? undefined : String(year) });

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [archive, settings, t, tNotFound] = await Promise.all([
    archiveOf(searchParams),
    getSiteSettings(),
    getTranslations("Archive"),
    getTranslations("NotFound"),
  ]);
  if (!archive) return { title: tNotFound("title") };
  const { year, page, pageCount } = archive;
  const heading = year === undefined ? t("title") : t("yearTitle", { year: String(year) });
  const title = pageCount > 1 ? t("pagedTitle", { title: heading, page, pageCount }) : heading;
  return readerMetadata({
    path: archiveHref(year, page),
    title,
    shareTitle: t("shareTitle", { site: settings.siteNameEn, newsletter: settings.newsletterName, title: title.toLowerCase() }),
    description:
      year === undefined
        ? t("description", { newsletter: settings.newsletterName })
        : t("yearDescription", { newsletter: settings.newsletterName, year: String(year) }),
    image: archive.issues.find((issue) => issue.cover)?.cover ?? null,
  });
}

async function YearLinks({ archive }: { archive: Archive }) {
  const t = await getTranslations("Archive");
  if (archive.years.length < 2 && archive.year === undefined) return null;
  const link = "inline-block rounded px-2 py-1 text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline";
  const current = "inline-block rounded bg-brand-700 px-2 py-1 font-semibold text-white";
  return (
    <nav aria-label={t("yearsLabel")} className="mt-4">
      <ul className="flex flex-wrap gap-1 text-sm">
        <li>
          {archive.year === undefined ? (
            <span aria-current="page" className={current}>
              {t("allYears")}
            </span>
          ) : (
            <a className={link} href="/issues">
              {t("allYears")}
            </a>
          )}
        </li>
        {archive.years.map(({ year, issues }) => (
          <li key={year}>
            {year === archive.year ? (
              <span aria-current="page" className={current}>
                {year}
              </span>
            ) : (
              <a className={link} href={archiveHref(year, 1)}>
                {year}
                <span className="sr-only">{t("yearIssues", { issues })}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

async function IssueCard({ issue }: { issue: ArchiveIssue }) {
  const [t, locale, siteLanguage] = await Promise.all([getTranslations("Issue"), getLocale(), getSiteLanguage()]);
  const numbered = t("numbered", { number: issue.number, year: String(issue.year) });
  // A title that only numbers the issue is said in the reader's language, as on the issue page.
  const plainTitle = isNumberedTitle(issue);
  return (
    // A row (small cover beside the title) on a phone, a card (cover above) from 30rem up.
    <li className="group relative flex flex-row overflow-hidden rounded-lg border border-gray-200 bg-white hover:border-brand-600 min-[30rem]:flex-col">
      {issue.cover ? (
        // The cover repeats the title's link for the eye; the title link is the one in the reading order.
        <img
          src={mediaUrl(issue.cover.mediaId, 480)}
          srcSet={mediaSrcSet(issue.cover.mediaId)}
          sizes="(min-width: 48rem) 15rem, (min-width: 30rem) 45vw, 7rem"
          alt=""
          width={480}
          height={270}
          loading="lazy"
          className="aspect-[4/3] w-28 shrink-0 bg-gray-100 object-cover min-[30rem]:aspect-[16/9] min-[30rem]:w-full"
        />
      ) : (
        <div
          aria-hidden="true"
          className="flex aspect-[4/3] w-28 shrink-0 items-center justify-center bg-brand-50 font-serif text-3xl font-bold text-brand-700 min-[30rem]:aspect-[16/9] min-[30rem]:w-full"
        >
          {issue.number}
        </div>
      )}
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="font-serif text-lg font-semibold leading-snug">
          <a
            href={`/issues/${issue.slug}`}
            lang={plainTitle ? undefined : langIfOther(siteLanguage, locale)}
            className="text-brand-700 after:absolute after:inset-0 hover:underline"
          >
            {plainTitle ? numbered : issue.title}
          </a>
        </h3>
        <p className="text-sm text-gray-700">
          {plainTitle || issue.title.startsWith(`Issue ${issue.number}, ${issue.year}`) ? null : <>{numbered} · </>}
          <IssueDate date={issue.issueDate} />
        </p>
      </div>
    </li>
  );
}

/** The page's issues under a heading for each year they are of (newest first already). */
function byYear(issues: ArchiveIssue[]): [number, ArchiveIssue[]][] {
  const groups: [number, ArchiveIssue[]][] = [];
  for (const issue of issues) {
    const last = groups.at(-1);
    if (last && last[0] === issue.year) last[1].push(issue);
    else groups.push([issue.year, [issue]]);
  }
  return groups;
}

export default async function ArchivePage({ searchParams }: Props) {
  const archive = await archiveOf(searchParams);
  if (!archive) notFound();
  const { year, page, pageCount, total, issues } = archive;
  const t = await getTranslations("Archive");
  return (
    <div className="mx-auto max-w-5xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold">{year === undefined ? t("title") : t("yearTitle", { year: String(year) })}</h1>
      {total === 0 ? (
        <p className="mt-4 text-gray-700">{t("empty")}</p>
      ) : (
        <>
          <p className="mt-2 text-gray-700">
            {year === undefined ? t("count", { total }) : t("countInYear", { total, year: String(year) })}
            {pageCount > 1 ? t("pageOf", { page, pageCount }) : ""}
          </p>
          <YearLinks archive={archive} />
          {byYear(issues).map(([groupYear, group]) => (
            <section key={groupYear} aria-labelledby={`year-${groupYear}`} className="mt-8">
              <h2 id={`year-${groupYear}`} className="border-b border-gray-200 pb-1 font-serif text-2xl font-bold text-ink">
                {groupYear}
              </h2>
              <ul className="mt-4 grid grid-cols-1 gap-4 min-[30rem]:grid-cols-2 md:grid-cols-3 lg:grid-cols-4">
                {group.map((issue) => (
                  <IssueCard key={issue.slug} issue={issue} />
                ))}
              </ul>
            </section>
          ))}
          <Pagination label={t("pagesLabel")} page={page} pageCount={pageCount} href={(n) => archiveHref(year, n)} />
        </>
      )}
    </div>
  );
}
