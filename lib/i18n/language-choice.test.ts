import { describe, expect, it } from "vitest";
import { isSameSitePath, languageChoiceSchema } from "./language-choice";
import { langIfOther } from "./lang";
import { isStaffPath, uiLocaleOf } from "./locales.mjs";

describe("the language link's input", () => {
  it("takes a UI language and a path of this site, encoded for a Location header", () => {
    expect(languageChoiceSchema.parse({ to: "zh", back: "/issues/issue-13-2022" })).toEqual({ to: "zh", back: "/issues/issue-13-2022" });
    expect(languageChoiceSchema.parse({ to: "en" })).toEqual({ to: "en", back: "/" });
    expect(languageChoiceSchema.parse({ to: "en", back: "/search?q=合作" }).back).toBe("/search?q=%E5%90%88%E4%BD%9C");
  });

  it("refuses other languages and any page that is not on this site", () => {
    for (const to of ["fr", "ZH", "", undefined, "zh-CN"]) expect(languageChoiceSchema.safeParse({ to, back: "/" }).success).toBe(false);
    for (const back of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "issues", "/a\nb", `/${"x".repeat(1100)}`])
      expect(isSameSitePath(back) && back.length <= 1024, back).toBe(false);
    expect(languageChoiceSchema.safeParse({ to: "zh", back: "//evil.example" }).success).toBe(false);
  });
});

describe("which language a page and its parts are in", () => {
  it("counts only the UI languages, and the studio as English", () => {
    expect(uiLocaleOf("zh")).toBe("zh");
    expect(uiLocaleOf("fr")).toBeNull();
    expect(uiLocaleOf(undefined)).toBeNull();
    expect(isStaffPath("/studio/stories")).toBe(true);
    expect(isStaffPath("/signin")).toBe(true);
    expect(isStaffPath("/studios")).toBe(false);
    expect(isStaffPath("/issues/x")).toBe(false);
  });

  it("marks text whose language differs from the page's", () => {
    expect(langIfOther("en", "zh")).toBe("en");
    expect(langIfOther("zh-CN", "zh")).toBeUndefined();
    expect(langIfOther("en", "en")).toBeUndefined();
    expect(langIfOther("", "en")).toBeUndefined();
  });
});
