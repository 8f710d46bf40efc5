import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { IssueDate } from "@/components/reader/issue-date";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { getSiteSettings, listArchive } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";

export async function generateMetadata(): Promise<Metadata> {
  const [settings, t] = await Promise.all([getSiteSettings(), getTranslations("Archive")]);
  return readerMetadata({
    path: "/issues",
    title: t("title"),
    shareTitle: t("shareTitle", { site: settings.siteNameEn, newsletter: settings.newsletterName }),
    description: t("description", { newsletter: settings.newsletterName }),
  });
}

export default async function ArchivePage() {
  const [issues, t, tIssue, locale, siteLanguage] = await Promise.all([
    listArchive(),
    getTranslations("Archive"),
    getTranslations("Issue"),
    getLocale(),
    getSiteLanguage(),
  ]);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold">{t("title")}</h1>
      {issues.length === 0 ? (
        <p className="mt-4 text-gray-700">{t("empty")}</p>
      ) : (
        <ul className="mt-6 divide-y divide-gray-200 border-y border-gray-200">
          {issues.map((issue) => (
            <li key={issue.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-4">
              <Link href={`/issues/${issue.slug}`} lang={langIfOther(siteLanguage, locale)} className="font-serif text-xl font-semibold text-brand-700 hover:underline">
                {issue.title}
              </Link>
              <span className="text-sm text-gray-600">
                {tIssue("numbered", { number: issue.number, year: String(issue.year) })} · <IssueDate date={issue.issueDate} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
