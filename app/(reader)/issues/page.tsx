import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatIssueDate } from "@/components/reader/format";
import { Pagination } from "@/components/reader/pagination";
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
  const [archive, settings] = await Promise.all([archiveOf(searchParams), getSiteSettings()]);
  if (!archive) return { title: "Page not found" };
  const { year, page, pageCount } = archive;
  const title = `${year === undefined ? "Archive" : `Issues of ${year}`}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}`;
  return readerMetadata({
    path: archiveHref(year, page),
    title,
    shareTitle: `${settings.siteNameEn} ${settings.newsletterName}: ${title.toLowerCase()}`,
    description:
      year === undefined ? `Every issue of ${settings.newsletterName}, newest first.` : `The issues of ${settings.newsletterName} published in ${year}.`,
    image: archive.issues.find((issue) => issue.cover)?.cover ?? null,
  });
}

function YearLinks({ archive }: { archive: Archive }) {
  if (archive.years.length < 2 && archive.year === undefined) return null;
  const link = "inline-block rounded px-2 py-1 text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline";
  const current = "inline-block rounded bg-brand-700 px-2 py-1 font-semibold text-white";
  return (
    <nav aria-label="Years" className="mt-4">
      <ul className="flex flex-wrap gap-1 text-sm">
        <li>
          {archive.year === undefined ? (
            <span aria-current="page" className={current}>
              All years
            </span>
          ) : (
            <a className={link} href="/issues">
              All years
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
                <span className="sr-only">: {issues === 1 ? "1 issue" : `${issues} issues`}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function IssueCard({ issue }: { issue: ArchiveIssue }) {
  const numbered = `Issue ${issue.number}, ${issue.year}`;
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
          <a href={`/issues/${issue.slug}`} className="text-brand-700 after:absolute after:inset-0 hover:underline">
            {issue.title}
          </a>
        </h3>
        <p className="text-sm text-gray-700">
          {issue.title.startsWith(numbered) ? null : <>{numbered} · </>}
          <time dateTime={issue.issueDate}>{formatIssueDate(issue.issueDate)}</time>
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
  return (
    <div className="mx-auto max-w-5xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold">{year === undefined ? "Archive" : `Issues of ${year}`}</h1>
      {total === 0 ? (
        <p className="mt-4 text-gray-700">No issue has been published yet.</p>
      ) : (
        <>
          <p className="mt-2 text-gray-700">
            {total === 1 ? "1 issue" : `${total} issues`}
            {year === undefined ? ", newest first" : ` in ${year}`}
            {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
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
          <Pagination label="Archive pages" page={page} pageCount={pageCount} href={(n) => archiveHref(year, n)} />
        </>
      )}
    </div>
  );
}
