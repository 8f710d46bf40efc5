import { describe, expect, it } from "vitest";
import { nameKey } from "./name-key";

describe("nameKey", () => {
  it.each([
    ["Émile Durand", "emile durand"],
    ["Đặng Thu", "dang thu"],
    ["ZHOU Jun", "zhou jun"],
    ["李霞", "李霞"],
    ["Ōsaka", "osaka"],
    ["  Søren   Łukasz ", "soren lukasz"],
    ["Nguyễn Thị Ánh", "nguyen thi anh"],
    ["สมชาย ใจดี", "สมชาย ใจดี"],
  ])("folds %j to %j", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it("gives a search term typed with or without marks the same key as the name", () => {
    expect(nameKey("dang")).toBe(nameKey("ĐẶNG"));
    expect(nameKey("Đặng Thu")).toContain(nameKey("ĐẶNG"));
  });
});
