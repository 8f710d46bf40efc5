export const LANGUAGE_COOKIE: string;
export const UI_LOCALES: readonly ["en", "zh"];
export type UiLocale = (typeof UI_LOCALES)[number];
export const FALLBACK_LOCALE: UiLocale;
export function uiLocaleOf(value: unknown): UiLocale | null;
export function isStaffPath(pathname: string): boolean;
export const PAGE_PATH_HEADER: string;
export const LANGUAGE_PATH: string;
