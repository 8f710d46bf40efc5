import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSiteSettings } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  if (!settings.aboutBlock.trim()) return { title: "Page not found" };
  return readerMetadata({
    path: "/about",
    title: `About ${settings.siteNameEn}`,
    shareTitle: `About ${settings.siteNameEn}`,
    description: settings.aboutBlock,
  });
}

/** Paragraphs of a settings block: a blank line (or a line break) starts a new one. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * The site's "About" block from the settings (the contact block is in the footer, as on every
 * page). It depends on the settings alone: the reader cache drops it on a settings change.
 */
export default async function AboutPage() {
  const settings = await getSiteSettings();
  if (!settings.aboutBlock.trim()) notFound();
  return (
    <div className="mx-auto max-w-2xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold text-ink">About {settings.siteNameEn}</h1>
      {settings.siteNameZh ? (
        <p lang="zh-CN" className="font-cjk mt-1 text-lg text-brand-800">
          {settings.siteNameZh}
        </p>
      ) : null}
      <div className="mt-6 space-y-4 font-serif text-lg leading-relaxed text-ink">
        {paragraphs(settings.aboutBlock).map((text, i) => (
          <p key={i} className="whitespace-pre-line">
            {text}
          </p>
        ))}
      </div>
      <p className="mt-8 text-gray-700">
        Read the <a href="/" className="text-brand-700 underline">latest issue</a> of the {settings.newsletterName}, or browse every
        issue in the <a href="/issues" className="text-brand-700 underline">archive</a>.
      </p>
    </div>
  );
}
