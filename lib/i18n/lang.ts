/**
 * The `lang` attribute for text written in `textLanguage` on a page whose language is
 * `pageLanguage`: the text's language when the two differ, else nothing (it inherits).
 * "zh" and "zh-CN" count as one language here.
 */
export function langIfOther(textLanguage: string | null | undefined, pageLanguage: string): string | undefined {
  if (!textLanguage) return undefined;
  const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return base(textLanguage) === base(pageLanguage) ? undefined : textLanguage;
}
