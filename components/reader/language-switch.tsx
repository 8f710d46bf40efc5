import { getLocale, getTranslations } from "next-intl/server";
import { LANGUAGE_PATH, UI_LOCALES } from "@/lib/i18n/locales.mjs";
import { getPagePath } from "@/lib/i18n/reader-locale";

/** Each language named in itself, so a reader finds their own whatever the page's language. */
const ENDONYMS: Record<(typeof UI_LOCALES)[number], string> = { en: "English", zh: "中文" };

/**
 * Plain links to /language (app/language/route.ts), which remembers the choice in a
 * cookie and comes back to this page: it works with JavaScript off.
 */
export async function LanguageSwitch() {
  const [locale, back, t] = await Promise.all([getLocale(), getPagePath(), getTranslations("Masthead")]);
  return (
    <ul aria-label={t("languageLabel")} className="flex items-center text-sm">
      {UI_LOCALES.map((code, i) => (
        <li key={code} lang={code} className={i > 0 ? "border-l border-gray-300 pl-2 ml-2" : undefined}>
          {code === locale ? (
            <span aria-current="true" className="font-semibold text-ink">
              {ENDONYMS[code]}
            </span>
          ) : (
            <a className="text-gray-700 hover:text-brand-700 hover:underline" href={`${LANGUAGE_PATH}?${new URLSearchParams({ to: code, back })}`}>
              {ENDONYMS[code]}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
