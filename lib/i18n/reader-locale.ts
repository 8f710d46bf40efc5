import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getSiteSettings } from "../reader/read-published";
import { FALLBACK_LOCALE, LANGUAGE_COOKIE, PAGE_PATH_HEADER, isStaffPath, uiLocaleOf, type UiLocale } from "./locales.mjs";

/** "zh-CN" → "zh": the settings may name a regional form of a UI language. */
const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";

/** The page's own path and query (set by proxy.ts), "/" when unknown. */
export const getPagePath = cache(async (): Promise<string> => (await headers()).get(PAGE_PATH_HEADER) || "/");

/**
 * The language of this request's chrome: the reader's choice (the language cookie), else
 * the site's default language from the settings, else English. Staff pages are English.
 */
export const getUiLocale = cache(async (): Promise<UiLocale> => {
  if (isStaffPath((await getPagePath()).split("?")[0] ?? "/")) return FALLBACK_LOCALE;
  const chosen = uiLocaleOf((await cookies()).get(LANGUAGE_COOKIE)?.value);
  if (chosen) return chosen;
  return uiLocaleOf(baseLanguage((await getSiteSettings()).defaultLocale)) ?? FALLBACK_LOCALE;
});

/**
 * The language the issues' own text (titles, editor's notes) is written in: the site's
 * default language, as the feeds and the email edition say too. Stories carry their own.
 */
export const getSiteLanguage = cache(async (): Promise<string> => (await getSiteSettings()).defaultLocale || "en");
