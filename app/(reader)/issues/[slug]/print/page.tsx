import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintEdition } from "@/components/reader/print-edition";
import { getPublishedIssue, getSiteSettings } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";
import { issueCover } from "@/lib/reader/structured-data";
import { groupIssueStories } from "@/lib/reader/translations";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [found, settings] = await Promise.all([getPublishedIssue((await params).slug), getSiteSettings()]);
  if (!found) return { title: (await getTranslations("Issue"))("notFound") };
  const { issue, stories } = found;
  // The same issue as its page: search engines are sent there, and do not index this copy.
  return readerMetadata({
    path: `/issues/${issue.slug}/print`,
    canonicalPath: `/issues/${issue.slug}`,
    noindex: true,
    title: (await getTranslations("Print"))("title", { title: issue.title }),
    shareTitle: `${settings.siteNameEn} ${settings.newsletterName}: ${issue.title}`,
    description: issue.editorsNote,
    image: issueCover(stories),
  });
}

export default async function PrintEditionPage({ params }: Props) {
  const found = await getPublishedIssue((await params).slug);
  if (!found) notFound();
  // The printed newsletter holds each translation group once, in the site's language.
  return <PrintEdition issue={found.issue} stories={groupIssueStories(found.stories).map((entry) => entry.story)} />;
}
