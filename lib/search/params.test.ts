import { describe, expect, it } from "vitest";
import { readSearchParams, searchPageHref } from "./params";

const read = (query: string) => readSearchParams(new URLSearchParams(query));

describe("search addresses", () => {
  it("reads a search and its page, and a visit without a query as the bare form", () => {
    expect(read("q=mekong&page=3")).toMatchObject({ kind: "search", q: "mekong", page: 3 });
    expect(read("q=+mekong+")).toMatchObject({ kind: "search", q: "mekong", page: 1 });
    expect(read("")).toEqual({ kind: "blank", q: "" });
    expect(read("q=&page=2")).toEqual({ kind: "blank", q: "" });
    expect(read("q=mekong&utm_source=mail")).toMatchObject({ kind: "search" });
  });

  it("refuses what cannot be searched with 400, and a page that cannot exist with 404", () => {
    expect(read(`q=${"a".repeat(201)}`)).toMatchObject({ status: 400, message: "Please search for at most 200 characters.", q: "a".repeat(200) });
    for (const page of ["abc", "0", "-1", "1.5", "1e2", "", "9999999"]) {
      expect(read(`q=river&page=${page}`), page).toMatchObject({ kind: "invalid", status: 400, message: "The page number is not valid." });
    }
    expect(read("q=river&page=101")).toMatchObject({ kind: "invalid", status: 404 });
    expect(read("q=a&q=b")).toMatchObject({ kind: "invalid", status: 400, q: "a" });
    expect(read("q=a&page=1&page=2")).toMatchObject({ kind: "invalid", status: 400 });
    expect(read("q=%E2%80%94%21%3F")).toMatchObject({ kind: "invalid", status: 400, message: /search for a word/ });
  });

  it("writes the address of a page of results", () => {
    expect(searchPageHref("mê kông", 1)).toBe("/search?q=m%C3%AA+k%C3%B4ng");
    expect(searchPageHref("river", 2)).toBe("/search?q=river&page=2");
  });
});
