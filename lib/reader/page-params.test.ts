import { describe, expect, it } from "vitest";
import { pageCountOf, pageHref, parsePage, parseYear } from "./page-params";

describe("reader list parameters", () => {
  it("takes page numbers as the pages write them, and nothing else", () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage("1")).toBe(1);
    expect(parsePage("42")).toBe(42);
    for (const bad of ["0", "-1", "01", "1.5", "abc", "", " 2", "1e3", "9999999", ["1", "2"]]) expect(parsePage(bad), String(bad)).toBeNull();
  });

  it("takes four-digit years; absent means every year", () => {
    expect(parseYear(undefined)).toBeUndefined();
    expect(parseYear("2022")).toBe(2022);
    for (const bad of ["22", "20222", "abcd", "", ["2021", "2022"]]) expect(parseYear(bad), String(bad)).toBeNull();
  });

  it("counts pages, an empty list being one page, and writes page links without page=1", () => {
    expect(pageCountOf(0, 24)).toBe(1);
    expect(pageCountOf(24, 24)).toBe(1);
    expect(pageCountOf(25, 24)).toBe(2);
    expect(pageHref("/issues", 1)).toBe("/issues");
    expect(pageHref("/issues", 3)).toBe("/issues?page=3");
    expect(pageHref("/issues", 1, { year: "2022" })).toBe("/issues?year=2022");
    expect(pageHref("/issues", 2, { year: "2022" })).toBe("/issues?year=2022&page=2");
    expect(pageHref("/issues", 2, { year: undefined })).toBe("/issues?page=2");
  });
});
