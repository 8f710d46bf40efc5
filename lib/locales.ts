/**
 * The languages a story can be written in: the site's own (English) and those of the
 * Lancang-Mekong countries. Each name is written in its own language, as readers look
 * for it. Tags are BCP 47; "zh" is written in simplified characters.
 */
export const STORY_LOCALES = ["en", "zh", "km", "lo", "my", "th", "vi"] as const;
export type StoryLocale = (typeof STORY_LOCALES)[number];

/** The languages a story can be translated into (a translation of an English story, say). */
export const TRANSLATION_LOCALES = ["zh", "km", "lo", "my", "th", "vi"] as const satisfies readonly StoryLocale[];

export const LOCALE_NAMES: Record<StoryLocale, string> = {
  en: "English",
  zh: "中文",
  km: "ខ្មែរ",
  lo: "ລາວ",
  my: "မြန်မာ",
  th: "ไทย",
  vi: "Tiếng Việt",
};

/** For studio staff who may not read the script: "中文 (Chinese)". */
export const LOCALE_ENGLISH_NAMES: Record<StoryLocale, string> = {
  en: "English",
  zh: "Chinese",
  km: "Khmer",
  lo: "Lao",
  my: "Burmese",
  th: "Thai",
  vi: "Vietnamese",
};

export const isStoryLocale = (value: string): value is StoryLocale => (STORY_LOCALES as readonly string[]).includes(value);

/** A language's own name, or the tag itself for one we do not know (older data). */
export const localeName = (locale: string) => (isStoryLocale(locale) ? LOCALE_NAMES[locale] : locale);
