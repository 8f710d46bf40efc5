import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE } from "../search/limits";
import { SEARCH_PROBLEMS, type SearchProblem } from "../search/params";
import { UI_LOCALES } from "./locales.mjs";

type Tree = { [key: string]: string | Tree };
const catalogs: Record<(typeof UI_LOCALES)[number], Tree> = { en, zh };

/** "Masthead.archive" → its text, for every message of a catalog. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments ({author}, {total, plural, …}) and tags (<strong>) a message uses. */
function slots(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z_]\w*)/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<([A-Za-z]\w*)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

const flat = Object.fromEntries(UI_LOCALES.map((locale) => [locale, flatten(catalogs[locale])])) as Record<
  (typeof UI_LOCALES)[number],
  Map<string, string>
>;

describe("the reader's messages", () => {
  it("has every English key in Chinese and every Chinese key in English", () => {
    const enKeys = [...flat.en.keys()].sort();
    const zhKeys = [...flat.zh.keys()].sort();
    expect(enKeys.filter((k) => !flat.zh.has(k))).toEqual([]);
    expect(zhKeys.filter((k) => !flat.en.has(k))).toEqual([]);
    expect(enKeys.length).toBeGreaterThan(40);
  });

  it("leaves no message empty, and uses the same arguments and tags in both languages", () => {
    for (const [key, text] of flat.en) {
      const other = flat.zh.get(key) ?? "";
      expect(text.trim(), key).not.toBe("");
      expect(other.trim(), key).not.toBe("");
      // Plural branches may drop "#" (Chinese has no plural forms), not their arguments.
      expect(slots(other), key).toEqual(slots(text));
    }
  });

  it("formats every message in both languages (valid ICU syntax, tags closed)", () => {
    for (const locale of UI_LOCALES) {
      const t = createTranslator({ locale, messages: catalogs[locale], timeZone: "UTC" });
      for (const [key, text] of flat[locale]) {
        const values: Record<string, unknown> = {};
        for (const slot of slots(text)) {
          const name = slot.slice(1, -1);
          values[name] = slot.startsWith("<") ? (chunks: unknown) => chunks : 3;
        }
        expect(() => t.rich(key as never, values as never), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it("writes issue numbers and dates the way each language does", () => {
    const year = "2022";
    expect(createTranslator({ locale: "en", messages: en }).raw("Issue.numbered")).toBe("Issue {number}, {year}");
    expect(createTranslator({ locale: "zh", messages: zh })("Issue.numbered", { number: 13, year })).toBe("2022年第13期");
    expect(createTranslator({ locale: "en", messages: en })("Issue.numbered", { number: 13, year })).toBe("Issue 13, 2022");
    expect(createTranslator({ locale: "en", messages: en })("Story.readingTime", { minutes: 4 })).toBe("4 min read");
    expect(createTranslator({ locale: "zh", messages: zh })("Story.readingTime", { minutes: 4 })).toBe("阅读约 4 分钟");
  });

  it("says each of the search's problems as lib/search/params.ts does in English, and names every one in both languages", () => {
    const t = createTranslator({ locale: "en", messages: en });
    for (const key of Object.keys(SEARCH_PROBLEMS) as SearchProblem[]) {
      expect(t(`Search.problems.${key}`, { max: MAX_QUERY_LENGTH, page: MAX_SEARCH_PAGE }), key).toBe(SEARCH_PROBLEMS[key]);
      expect(flat.zh.has(`Search.problems.${key}`), key).toBe(true);
    }
  });

  it("counts search results past the cap and archive issues the way each language does", () => {
    const tEn = createTranslator({ locale: "en", messages: en });
    const tZh = createTranslator({ locale: "zh", messages: zh });
    expect(tEn.markup("Search.foundMore", { total: 1000, query: "x", strong: (c) => c })).toBe("1,000+ stories found for “x”");
    expect(tZh.markup("Search.foundMore", { total: 1000, query: "x", strong: (c) => c })).toBe("找到 1,000+ 篇与“x”相关的文章");
    expect(tEn("Archive.count", { total: 1 })).toBe("1 issue, newest first");
    expect(tEn("Archive.countInYear", { total: 3, year: "2022" })).toBe("3 issues in 2022");
    expect(tZh("Archive.countInYear", { total: 3, year: "2022" })).toBe("2022年共 3 期");
  });
});
