import { getLocale, getTranslations } from "next-intl/server";
import type { PublishedIssue } from "@/db/queries/published";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { IssueDate } from "./issue-date";

/** A title that only numbers the issue ("Issue 13, 2022"), which is said in the reader's language. */
export const isNumberedTitle = (issue: Pick<PublishedIssue, "title" | "number" | "year">) =>
  issue.title === `Issue ${issue.number}, ${issue.year}`;

export async function IssueHeading({ issue, level = 1 }: { issue: PublishedIssue; level?: 1 | 2 }) {
  const [t, locale, siteLanguage] = await Promise.all([getTranslations("Issue"), getLocale(), getSiteLanguage()]);
  const Heading = level === 1 ? "h1" : "h2";
  const numbered = t("numbered", { number: issue.number, year: String(issue.year) });
  const plainTitle = isNumberedTitle(issue);
  return (
    <div className="text-center">
      <Heading lang={plainTitle ? undefined : langIfOther(siteLanguage, locale)} className="font-serif text-3xl font-bold text-ink sm:text-4xl">
        {plainTitle ? numbered : issue.title}
      </Heading>
      <p className="mt-2 text-sm font-medium uppercase tracking-wider text-gray-600">
        {plainTitle ? null : (
          <>
            <span>{numbered}</span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        <IssueDate date={issue.issueDate} />
      </p>
    </div>
  );
}
