import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { SearchForm } from "./search-form";
import type { SiteSettings } from "@/db/queries/settings";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";

export async function Masthead({ settings }: { settings: SiteSettings }) {
  const [t, locale, siteLanguage] = await Promise.all([getTranslations("Masthead"), getLocale(), getSiteLanguage()]);
  return (
    <header className="border-b-4 border-brand-700 bg-white">
      <div className="mx-auto flex max-w-3xl flex-col items-center gap-1 px-4 py-6 text-center">
        <a href="/" className="group flex flex-col items-center gap-1 no-underline">
          {settings.siteNameZh ? (
            <span lang={langIfOther("zh-CN", locale)} className="font-cjk text-xl font-semibold tracking-wide text-brand-800 sm:text-2xl">
              {settings.siteNameZh}
            </span>
          ) : null}
          <span lang={langIfOther("en", locale)} className="font-serif text-lg font-semibold text-ink group-hover:underline sm:text-xl">
            {settings.siteNameEn}
          </span>
        </a>
        <span lang={langIfOther(siteLanguage, locale)} className="mt-1 text-xs font-semibold uppercase tracking-[0.3em] text-brand-700">
          {settings.newsletterName}
        </span>
      </div>
      <nav aria-label={t("navLabel")} className="no-print border-t border-gray-200">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-center gap-x-6 gap-y-2 px-4 py-2">
          <ul className="flex justify-center gap-6 text-sm">
            <li>
              <a className="text-gray-700 hover:text-brand-700 hover:underline" href="/">
                {t("latestIssue")}
              </a>
            </li>
            <li>
              <a className="text-gray-700 hover:text-brand-700 hover:underline" href="/issues">
                {t("archive")}
              </a>
            </li>
            {settings.aboutBlock.trim() ? (
              <li>
                <a className="text-gray-700 hover:text-brand-700 hover:underline" href="/about">
                  {t("about")}
                </a>
              </li>
            ) : null}
          </ul>
          <SearchForm id="site-search" name={t("siteSearch")} />
          <LanguageSwitch />
        </div>
      </nav>
    </header>
  );
}
