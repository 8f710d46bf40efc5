import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { mergeVersions, partText, splitVersions, wordChanges, type Pick, type StoryText } from "./conflict-merge";

const p = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const bold = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text, marks: [{ type: "bold" }] }] });
const story = (title: string, ...blocks: JSONContent[]): StoryText => ({ title, standfirst: "", body: { type: "doc", content: blocks } });

describe("splitVersions and mergeVersions", () => {
  const mine = story("Title", p("Intro."), p("My middle."), p("Shared end."));
  const theirs = story("Their title", p("Intro."), p("Their middle."), p("Shared end."), p("Their extra."));

  it("splits into shared blocks and differing parts", () => {
    const parts = splitVersions(mine, theirs);
    expect(parts.map((x) => x.kind)).toEqual(["title", "same", "blocks", "same", "blocks"]);
    const middle = parts[2];
    if (middle?.kind !== "blocks") throw new Error("expected a blocks part");
    expect(partText(middle, "mine")).toBe("My middle.");
    expect(partText(middle, "theirs")).toBe("Their middle.");
    const tail = parts[4];
    expect(tail?.kind === "blocks" && tail.mine.length === 0 && tail.theirs.length === 1).toBe(true);
  });

  it("keeps mine where nothing was picked, and takes or joins the picked parts", () => {
    const parts = splitVersions(mine, theirs);
    expect(mergeVersions(parts, new Map(), mine)).toEqual(mine);
    const picks = new Map<number, Pick>([
      [0, "theirs"],
      [2, "both"],
      [4, "theirs"],
    ]);
    expect(mergeVersions(parts, picks, mine)).toEqual(
      story("Their title", p("Intro."), p("My middle."), p("Their middle."), p("Shared end."), p("Their extra.")),
    );
    const all = new Map<number, Pick>(parts.map((_, i) => [i, "theirs"]));
    expect(mergeVersions(parts, all, mine)).toEqual(theirs);
  });

  it("counts a formatting change as a difference", () => {
    const parts = splitVersions(story("T", p("Same words.")), story("T", bold("Same words.")));
    expect(parts.map((x) => x.kind)).toEqual(["blocks"]);
  });
});

describe("wordChanges", () => {
  it("marks the words only one side has", () => {
    expect(wordChanges("the quick fox", "the slow fox")).toEqual([
      { text: "the ", change: "same" },
      { text: "quick", change: "mine" },
      { text: "slow", change: "theirs" },
      { text: " fox", change: "same" },
    ]);
  });
});
