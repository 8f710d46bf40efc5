import { describe, expect, it } from "vitest";
import { countWords } from "./words";

describe("countWords", () => {
  it.each([
    ["", 0],
    ["The second working-group meeting, in 2022.", 7],
    ["Hợp tác môi trường Mê Kông", 6],
    ["澜沧江湄公河环境合作", 4],
    ["การประชุมคณะทำงานครั้งที่สอง", 7],
    ["ກອງປະຊຸມຄັ້ງທີສອງ", 4],
    ["កិច្ចសហប្រតិបត្តិការបរិស្ថាន", 4],
    ["ပတ်ဝန်းကျင်ဆိုင်ရာပူးပေါင်းဆောင်ရွက်မှု", 5],
  ])("counts %j as %i words", (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});

describe("countWords on long text", () => {
  it("counts a long text in pieces exactly as in one", () => {
    const sentence = "Hợp tác môi trường Mê Kông, 澜沧江湄公河环境合作 and the 2022 working-group meeting.\n\n";
    const text = sentence.repeat(2000);
    expect(countWords(text)).toBe(countWords(sentence) * 2000);
  });
});
