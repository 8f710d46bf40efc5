import { describe, expect, it } from "vitest";
import { groupIssueStories, languagesOf, type StoryLanguage } from "./translations";

const story = (slug: string, position: number, locale = "en", translationGroup: string | null = null): StoryLanguage => ({
  slug,
  title: slug,
  locale,
  position,
  translationGroup,
});

const lead = story("lead", 0, "en", "g1");
const leadZh = story("lead-zh", 1, "zh", "g1");
const leadTh = story("lead-th", 2, "th", "g1");
const second = story("second", 3);
const thaiOnly = story("thai-only", 4, "th", "g2");
const thaiOnlyVi = story("thai-only-vi", 5, "vi", "g2");
const issue = [leadTh, second, lead, thaiOnlyVi, leadZh, thaiOnly];

describe("translations on the reader", () => {
  it("list each group once, by its English story, else its first, with the other languages beside it", () => {
    expect(groupIssueStories(issue).map((e) => [e.story.slug, e.others.map((o) => o.slug)])).toEqual([
      ["lead", ["lead-zh", "lead-th"]],
      ["second", []],
      ["thai-only", ["thai-only-vi"]],
    ]);
  });

  it("give a story's languages main language first, then in the newsletter's order", () => {
    expect(languagesOf(issue, leadTh).map((s) => s.locale)).toEqual(["en", "zh", "th"]);
    expect(languagesOf(issue, second)).toEqual([second]);
  });
});
