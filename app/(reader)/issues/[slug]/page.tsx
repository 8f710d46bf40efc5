import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueView } from "@/components/reader/issue-view";
import { getPublishedIssue } from "@/lib/reader/read-published";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getPublishedIssue((await params).slug);
  return { title: found ? found.issue.title : "Issue not found" };
}

export default async function IssuePage({ params }: Props) {
  const found = await getPublishedIssue((await params).slug);
  if (!found) notFound();
  return <IssueView {...found} />;
}
