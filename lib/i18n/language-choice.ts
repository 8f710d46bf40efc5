import { z } from "zod";
import { UI_LOCALES } from "./locales.mjs";

const MAX_BACK_LENGTH = 1024;

/**
 * Whether `value` is a path on this site to send the reader back to: it starts with one
 * "/", names no other host ("//evil.example", "/\evil.example", which browsers read as
 * another host) and holds no control characters.
 */
export function isSameSitePath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return false;
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    return new URL(value, BASE).origin === BASE;
  } catch {
    return false;
  }
}

const BASE = "http://same-site.invalid";

/** The path as a Location header can carry it: percent-encoded ("/search?q=合作" → "/search?q=%E5%90%88%E4%BD%9C"). */
const encodedPath = (value: string) => {
  const url = new URL(value, BASE);
  return `${url.pathname}${url.search}${url.hash}`;
};

/** /language?to=zh&back=/issues/x: the language to read in, and the page to return to. */
export const languageChoiceSchema = z.object({
  to: z.enum(UI_LOCALES, { error: "Choose one of the languages the site offers (en, zh)." }),
  back: z
    .string()
    .max(MAX_BACK_LENGTH, "The page to return to is too long.")
    .refine(isSameSitePath, "The page to return to must be a page of this site.")
    .default("/")
    .transform(encodedPath),
});

export type LanguageChoice = z.infer<typeof languageChoiceSchema>;
