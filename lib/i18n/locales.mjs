// The languages of the reader site's own words (navigation, dates, labels), and the cookie
// that remembers a reader's choice. Plain JavaScript: scripts/reader-cache.mjs keys cached
// pages by this cookie, and proxy.ts, the language route and next-intl's request config
// (i18n/request.ts) read the same rules.

/** The cookie set by /language; only its valid values count anywhere. */
export const LANGUAGE_COOKIE = "language";

/** The UI languages, with messages in messages/<locale>.json. */
export const UI_LOCALES = /** @type {const} */ (["en", "zh"]);

/** When neither the cookie nor the site's settings name a UI language. */
export const FALLBACK_LOCALE = "en";

/**
 * The UI language a value names, or null when it names none (a cookie someone edited, a
 * settings default such as "vi" that the reader chrome has no messages for).
 * @param {unknown} value
 * @returns {"en" | "zh" | null}
 */
export function uiLocaleOf(value) {
  return typeof value === "string" && /** @type {readonly string[]} */ (UI_LOCALES).includes(value)
    ? /** @type {"en" | "zh"} */ (value)
    : null;
}

/** The studio and sign-in pages speak English whatever the reader chose. */
const STAFF_PATH = /^\/(studio|signin|forgot-password|reset-password|invitation)(\/|$)/;

/** @param {string} pathname */
export function isStaffPath(pathname) {
  return STAFF_PATH.test(pathname);
}

/**
 * The page's own path and query, as proxy.ts saw it: the language links send the reader
 * back to it, and staff pages are known by it. Always set by the proxy, so a client
 * cannot choose it.
 */
export const PAGE_PATH_HEADER = "x-newsletter-page-path";

/** The route that switches the reader's language (app/language/route.ts). */
export const LANGUAGE_PATH = "/language";
