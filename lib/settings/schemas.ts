import { z } from "zod";

/** The languages the reader's own words come in; one is the default for new visitors. */
export const SITE_LOCALES = ["en", "zh"] as const;
export type SiteLocale = (typeof SITE_LOCALES)[number];
export const SITE_LOCALE_LABEL: Record<SiteLocale, string> = { en: "English", zh: "Chinese (中文)" };

export const SETTINGS_LIMITS = {
  siteNameEn: 200,
  siteNameZh: 100,
  newsletterName: 100,
  contactBlock: 2000,
  aboutBlock: 5000,
} as const;

/** Line endings as one "\n", no trailing spaces on a line, no blank lines at either end. */
const normalizeBlock = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");

// Control characters other than line breaks and tabs never belong in text a reader sees.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const oneLine = (label: string, max: number, required: string | null) => {
  let field = z
    .string({ error: `Give the ${label}.` })
    .trim()
    .max(max, `Keep the ${label} under ${max.toLocaleString("en")} characters.`)
    .refine((value) => !/[\r\n]/.test(value), `The ${label} is one line: remove the line breaks.`)
    .refine((value) => !CONTROL.test(value), `The ${label} holds an invisible control character: retype it.`);
  if (required) field = field.refine((value) => value.length > 0, required);
  return field;
};

const block = (label: string, max: number) =>
  z
    .string({ error: `Give the ${label}.` })
    .transform(normalizeBlock)
    .refine((value) => value.length <= max, `Keep the ${label} under ${max.toLocaleString("en")} characters.`)
    .refine((value) => !CONTROL.test(value), `The ${label} holds an invisible control character: retype it.`);

export const settingsSchema = z.object({
  siteNameEn: oneLine("English site name", SETTINGS_LIMITS.siteNameEn, "Give the site's name in English: it heads every page."),
  siteNameZh: oneLine("Chinese site name", SETTINGS_LIMITS.siteNameZh, null),
  newsletterName: oneLine("newsletter's name", SETTINGS_LIMITS.newsletterName, "Give the newsletter a name: it is shown under the masthead and in feeds and mails."),
  contactBlock: block("contact block", SETTINGS_LIMITS.contactBlock),
  aboutBlock: block("about text", SETTINGS_LIMITS.aboutBlock),
  defaultLocale: z.enum(SITE_LOCALES, { error: "Choose English or Chinese as the default language." }),
});

export type SettingsInput = z.infer<typeof settingsSchema>;

/** A save names the version of the settings it was made from: their last change, in ms. */
export const saveSettingsSchema = settingsSchema.extend({
  updatedAt: z.coerce
    .number({ error: "Reload the page and try again." })
    .int("Reload the page and try again.")
    .nonnegative("Reload the page and try again."),
});
