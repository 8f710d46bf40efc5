import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IssueView } from "@/components/reader/issue-view";
import { getPublishedIssue, getSiteSettings } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";
import { issueCover } from "@/lib/reader/structured-data";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [found, settings] = await Promise.all([getPublishedIssue((await params).slug), getSiteSettings()]);
  if (!found) return { title: (await getTranslations("Issue"))("notFound") };
  const { issue, stories } = found;
  return readerMetadata({
    path: `/issues/${issue.slug}`,
    title: issue.title,
    shareTitle: `${settings.siteNameEn} ${settings.newsletterName}: ${issue.title}`,
    description: issue.editorsNote,
    image: issueCover(stories),
  });
}

export default async function IssuePage({ params }: Props) {
  const found = await getPublishedIssue((await params).slug);
  if (!found) notFound();
  return <IssueView {...found} />;
}
