import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssueView } from "@/components/reader/issue-view";
import { getLatestIssue, getSiteSettings } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";
import { issueCover } from "@/lib/reader/structured-data";

export async function generateMetadata(): Promise<Metadata> {
  const [settings, latest] = await Promise.all([getSiteSettings(), getLatestIssue()]);
  const name = `${settings.newsletterName} · ${settings.siteNameEn}`;
  return readerMetadata({
    path: "/",
    title: { absolute: name },
    shareTitle: latest ? `${settings.siteNameEn} ${settings.newsletterName}: ${latest.issue.title}` : name,
    description: latest?.issue.editorsNote || settings.aboutBlock,
    image: latest ? issueCover(latest.stories) : null,
  });
}

export default async function LatestIssuePage() {
  const latest = await getLatestIssue();
  if (!latest) {
    const t = await getTranslations("Home");
    return (
      <div className="mx-auto max-w-3xl px-4 py-16 text-center">
        <h1 className="font-serif text-2xl font-bold">{t("emptyTitle")}</h1>
        <p className="mt-2 text-gray-700">{t("emptyText")}</p>
      </div>
    );
  }
  return <IssueView {...latest} />;
}
