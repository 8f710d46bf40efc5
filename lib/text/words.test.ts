import { describe, expect, it } from "vitest";
import { addTallies, countWords, readingLabel, readingMinutes, tallyWords, wordsLabel } from "./words";

const ENGLISH = "The second working-group meeting, in 2022.";
const CHINESE = "澜沧江湄公河环境合作"; // 4 words, 10 characters
const THAI = "การประชุมคณะทำงานครั้งที่สอง"; // 7 words
const LAO = "ກອງປະຊຸມຄັ້ງທີສອງ"; // 4 words
const KHMER = "កិច្ចសហប្រតិបត្តិការបរិស្ថាន"; // 4 words
const BURMESE = "ပတ်ဝန်းကျင်ဆိုင်ရာပူးပေါင်းဆောင်ရွက်မှု"; // 5 words

/** `text` written `times` times, as sentences or paragraphs would be. */
const times = (text: string, n: number, separator = " ") => Array.from({ length: n }, () => text).join(separator);

/** The segmenter over the whole string at once: what countWords must agree with. */
const wholeStringCount = (text: string) => {
  let count = 0;
  for (const segment of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) if (segment.isWordLike) count++;
  return count;
};

describe("countWords", () => {
  it.each([
    ["", 0],
    [ENGLISH, 7],
    ["Hợp tác môi trường Mê Kông", 6],
    [CHINESE, 4],
    [THAI, 7],
    [LAO, 4],
    [KHMER, 4],
    [BURMESE, 5],
  ])("counts %j as %i words", (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it("counts a long text in pieces exactly as the whole string counts", () => {
    const paragraph = [
      ENGLISH,
      "It cost 3.5 million dollars, i.e. more than planned; don't ask.",
      `${CHINESE}。${CHINESE}！${CHINESE}？`,
      "Ha Noi: Hợp tác môi trường — 👩‍👩‍👧 family e\u0301te\u0301 \u0301accent",
      THAI,
      `${LAO} ${KHMER} ${BURMESE}။`,
      "नदी का पानी साफ़ है",
      `${CHINESE}${CHINESE}${CHINESE}${CHINESE}${CHINESE}${CHINESE}`,
    ].join(" ");
    const long = times(paragraph, 40, "\n\n") + " " + times(THAI, 60, "") + " " + times(ENGLISH, 60, "  ");
    expect(long.length).toBeGreaterThan(10_000);
    expect(countWords(long)).toBe(wholeStringCount(long));
  });
});

describe("tallyWords", () => {
  it("counts the characters of Chinese words, and only of those", () => {
    expect(tallyWords(CHINESE)).toEqual({ words: 4, characterWords: 4, characters: 10 });
    expect(tallyWords(`${ENGLISH} ${THAI}`)).toEqual({ words: 14, characterWords: 0, characters: 0 });
    expect(tallyWords(`Kunming 昆明 2022年`)).toEqual({ words: 4, characterWords: 2, characters: 3 });
  });

  it("adds up over paragraphs to the tally of the whole text", () => {
    const parts = [ENGLISH, CHINESE, THAI, LAO, KHMER, BURMESE];
    const summed = parts.map(tallyWords).reduce(addTallies);
    expect(summed).toEqual(tallyWords(parts.join("\n\n")));
  });
});

describe("readingMinutes", () => {
  it("is 0 for text with no words, and at least 1 for any word", () => {
    expect(readingMinutes("")).toBe(0);
    expect(readingMinutes(" — … ! \n\n ")).toBe(0);
    expect(readingMinutes("Hello")).toBe(1);
    expect(readingMinutes("你好")).toBe(1);
  });

  it("reads English at 230 words a minute, to the nearest minute", () => {
    expect(readingMinutes(times("word", 230 * 3))).toBe(3);
    expect(readingMinutes(times("word", 230 * 2 + 100))).toBe(2);
    expect(readingMinutes(times("word", 230 * 2 + 130))).toBe(3);
    expect(readingMinutes(times(ENGLISH, 230))).toBe(7); // 1,610 words
  });

  it("reads Chinese at 300 characters a minute, however the segmenter cuts it into words", () => {
    // 90 × 10 characters: 900 characters, 360 words.
    const text = times(CHINESE, 90, "。");
    expect(tallyWords(text).words).toBe(360);
    expect(readingMinutes(text)).toBe(3);
  });

  it.each([
    ["Thai", THAI, 7, 230, 7],
    ["Lao", LAO, 4, 115, 2],
    ["Khmer", KHMER, 4, 115, 2],
    ["Burmese", BURMESE, 5, 92, 2],
  ])("reads %s by its dictionary words at 230 a minute", (_script, sentence, perSentence, n, minutes) => {
    const text = times(sentence, n);
    expect(countWords(text)).toBe(perSentence * n);
    expect(readingMinutes(text)).toBe(minutes);
  });

  it("adds the English and Chinese parts of a mixed text", () => {
    // 690 English words (3 minutes) and 600 Chinese characters (2 minutes).
    const mixed = `${times("river", 690)}\n\n${times(CHINESE, 60, "，")}`;
    expect(readingMinutes(mixed)).toBe(5);
    expect(readingMinutes(tallyWords(mixed))).toBe(5);
    // Thai, Lao, Khmer and Burmese words count as words beside English.
    expect(readingMinutes(`${times("river", 115)} ${times(THAI, 10)} ${times(LAO, 10)} ${times(KHMER, 10)} ${times(BURMESE, 10)}`)).toBe(1);
  });
});

describe("labels", () => {
  it("writes counts the way the studio shows them", () => {
    expect(wordsLabel(0)).toBe("0 words");
    expect(wordsLabel(1)).toBe("1 word");
    expect(wordsLabel(20_412)).toBe("20,412 words");
    expect(readingLabel(0)).toBeNull();
    expect(readingLabel(4)).toBe("4 min read");
  });
});

describe("countWords on long text", () => {
  it("counts a long text in pieces exactly as in one", () => {
    const sentence = "Hợp tác môi trường Mê Kông, 澜沧江湄公河环境合作 and the 2022 working-group meeting.\n\n";
    const text = sentence.repeat(2000);
    expect(countWords(text)).toBe(countWords(sentence) * 2000);
  });
});
