import { describe, expect, it } from "vitest";
import { slugify } from "./validation";

describe("slugify", () => {
  it.each([
    ["The 2022 Second Working-Group Meeting", "the-2022-second-working-group-meeting"],
    ["Hợp tác môi trường Mê Kông", "hop-tac-moi-truong-me-kong"],
    ["Đặng Thu's notes", "dang-thu-s-notes"],
    ["澜沧江-湄公河环境合作中心", "澜沧江-湄公河环境合作中心"],
    ["2023—2027 框架：合作", "2023-2027-框架-合作"],
    ["การประชุมครั้งที่สอง", "การประชุมครั้งที่สอง"],
    ["ກອງປະຊຸມ ຄັ້ງທີສອງ", "ກອງປະຊຸມ-ຄັ້ງທີສອງ"],
    ["កិច្ចសហប្រតិបត្តិការ", "កិច្ចសហប្រតិបត្តិការ"],
    ["ပူးပေါင်းဆောင်ရွက်မှု", "ပူးပေါင်းဆောင်ရွက်မှု"],
    ["!!!", "story"],
  ])("turns %j into %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("keeps at most 80 characters and never ends on a dash", () => {
    const slug = slugify(`${"合作".repeat(39)} extra words`);
    expect(Array.from(slug).length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});
