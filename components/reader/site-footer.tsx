import { getLocale, getTranslations } from "next-intl/server";
import type { SiteSettings } from "@/db/queries/settings";
import { langIfOther } from "@/lib/i18n/lang";
import { getSiteLanguage } from "@/lib/i18n/reader-locale";

export async function SiteFooter({ settings }: { settings: SiteSettings }) {
  const [t, locale, siteLanguage] = await Promise.all([getTranslations("Footer"), getLocale(), getSiteLanguage()]);
  const settingsLang = langIfOther(siteLanguage, locale);
  return (
    <footer className="mt-16 border-t border-gray-200 bg-gray-50">
      <div className="mx-auto grid max-w-3xl gap-8 px-4 py-10 text-sm text-gray-700 sm:grid-cols-2">
        {settings.contactBlock ? (
          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading" className="mb-2 font-semibold text-ink">
              {t("contact")}
            </h2>
            <p lang={settingsLang} className="whitespace-pre-line leading-relaxed">
              {settings.contactBlock}
            </p>
          </section>
        ) : null}
        {settings.aboutBlock ? (
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="mb-2 font-semibold text-ink">
              {t.rich("about", { site: () => <span lang={langIfOther("en", locale)}>{settings.siteNameEn}</span> })}
            </h2>
            <p lang={settingsLang} className="leading-relaxed">
              {settings.aboutBlock}
            </p>
            <p className="no-print mt-2">
              <a href="/about" className="text-brand-700 underline">
                {t("moreAbout")}
              </a>
            </p>
          </section>
        ) : null}
      </div>
      <p className="no-print pb-6 text-center text-xs text-gray-600">
        <a href="/studio" className="hover:underline">
          {t("staffSignIn")}
        </a>
      </p>
    </footer>
  );
}
