import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";
import { getSiteSettings } from "@/lib/reader/read-published";
import { readerMetadata } from "@/lib/reader/seo";

export async function generateMetadata(): Promise<Metadata> {
  const [settings, t, tNotFound] = await Promise.all([getSiteSettings(), getTranslations("About"), getTranslations("NotFound")]);
  if (!settings.aboutBlock.trim()) return { title: tNotFound("title") };
  return readerMetadata({
    path: "/about",
    title: t("title", { site: settings.siteNameEn }),
    shareTitle: t("title", { site: settings.siteNameEn }),
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
  const [settings, t, locale, siteLanguage] = await Promise.all([getSiteSettings(), getTranslations("About"), getLocale(), getSiteLanguage()]);
  if (!settings.aboutBlock.trim()) notFound();
  // The settings' own words are in the site's language; the page's own in the reader's.
  const settingsLang = langIfOther(siteLanguage, locale);
  return (
    <div className="mx-auto max-w-2xl px-4 pt-10">
      <h1 className="font-serif text-3xl font-bold text-ink">
        {t.rich("heading", { site: () => <span lang={langIfOther("en", locale)}>{settings.siteNameEn}</span> })}
      </h1>
      {settings.siteNameZh ? (
        <p lang={langIfOther("zh-CN", locale)} className="font-cjk mt-1 text-lg text-brand-800">
          {settings.siteNameZh}
        </p>
      ) : null}
      <div lang={settingsLang} className="mt-6 space-y-4 font-serif text-lg leading-relaxed text-ink">
        {paragraphs(settings.aboutBlock).map((text, i) => (
          <p key={i} className="whitespace-pre-line">
            {text}
          </p>
        ))}
      </div>
      <p className="mt-8 text-gray-700">
        {t.rich("readOn", {
          newsletter: () => <span lang={settingsLang}>{settings.newsletterName}</span>,
          latest: (chunks) => (
            <a href="/" className="text-brand-700 underline">
              {chunks}
            </a>
          ),
          archive: (chunks) => (
            <a href="/issues" className="text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
