import { describe, expect, it } from "vitest";
import { highlight, indexText, parseQuery, searchWords, snippet, toFts5Match, toLooseTsQuery, toTsQuery } from "./tokenize";

const marked = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text);

describe("search words", () => {
  it("English: lower case, punctuation dropped, apostrophes kept inside the word", () => {
    expect(searchWords("The River's Dolphins, counted again!")).toEqual(["the", "rivers", "dolphins", "counted", "again"]);
  });

  it("Vietnamese: diacritics and đ are folded, so a query typed without them matches", () => {
    expect(searchWords("Bảo vệ môi trường Đồng bằng")).toEqual(["bao", "ve", "moi", "truong", "dong", "bang"]);
    expect(parseQuery("moi truong")).toEqual(parseQuery("môi trường"));
  });

  it("Chinese: a sentence is cut into words, two-character words included", () => {
    const words = searchWords("我们加强区域合作，保护湄公河。");
    expect(words).toContain("合作");
    expect(words).toContain("保护");
    expect(words).not.toContain("我们加强区域合作");
  });

  it("Thai: words inside a sentence without spaces, vowel and tone marks kept", () => {
    const words = searchWords("ชาวบ้านช่วยกันปกป้องแม่น้ำโขง");
    expect(words).toContain("ปกป้อง");
    // SARA AM is stored in its compatibility form (NIKHAHIT + SARA AA), on both sides alike.
    expect(words).toContain("แม่น\u0e49\u0e4d\u0e32");
    expect(parseQuery("แม่น้ำ")).toEqual([{ words: ["แม่น\u0e49\u0e4d\u0e32"], prefix: true }]);
  });

  it("Lao, Khmer and Burmese: words inside a sentence", () => {
    expect(searchWords("ປະເທດລາວປົກປັກຮັກສາແມ່ນ້ຳຂອງ")).toContain("ປະເທດ");
    expect(searchWords("កម្ពុជាការពារទន្លេមេគង្គ")).toContain("ការពារ");
    expect(searchWords("မြန်မာနိုင်ငံသည်မြစ်များကိုကာကွယ်သည်")).toContain("မြစ်");
  });

  it("stores words with single spaces and nothing else", () => {
    expect(indexText("  Hợp tác — 合作!  ")).toBe("hop tac 合作");
  });
});

describe("queries", () => {
  it("keeps each chunk a phrase, ANDs the chunks, and lets the last word of a script without spaces begin a longer word", () => {
    expect(parseQuery("Mekong dolphins")).toEqual([
      { words: ["mekong"], prefix: false },
      { words: ["dolphins"], prefix: false },
    ]);
    expect(parseQuery("ร่วมมือ")).toEqual([{ words: ["ร่วม", "มือ"], prefix: true }]);
    expect(parseQuery("!!! ...")).toEqual([]);
  });

  it("writes the same query for both engines, with nothing that could escape the literal", () => {
    const query = parseQuery(`river's "end" 合作`);
    expect(toFts5Match(query)).toBe(`"rivers" AND "end" AND "合作" *`);
    expect(toTsQuery(query)).toBe(`('rivers') & ('end') & ('合作':*)`);
    expect(toTsQuery(parseQuery("ร่วมมือ"))).toBe(`('ร่วม' <-> 'มือ':*)`);
    // Loosened for the index: the words of every phrase, in any order.
    expect(toLooseTsQuery(parseQuery("ร่วมมือ lancang-mekong 生态系统"))).toBe(`'ร่วม' & 'มือ':* & 'lancang' & 'mekong' & '生态' & '系统':*`);
    expect(toLooseTsQuery(query)).toBe(`'rivers' & 'end' & '合作':*`);
  });
});

describe("highlighting", () => {
  it("marks the words of the query in the original text, diacritics and all", () => {
    expect(marked(highlight("Bảo vệ môi trường sông Mê Kông", parseQuery("moi truong")))).toEqual(["môi", "trường"]);
    expect(marked(highlight("我们加强区域合作，保护湄公河。", parseQuery("合作")))).toEqual(["合作"]);
  });

  it("cuts a long text around the first match, with ellipses", () => {
    const text = `${"Filler words before the point. ".repeat(20)}The dolphins returned to the pools. ${"More words after it. ".repeat(20)}`;
    const parts = snippet(text, parseQuery("dolphins"));
    const joined = parts.map((p) => p.text).join("");
    expect(joined.startsWith("… ")).toBe(true);
    expect(joined.endsWith(" …")).toBe(true);
    expect(joined.length).toBeLessThan(260);
    expect(marked(parts)).toEqual(["dolphins"]);
  });

  it("finds a match deep in a long text, past longer words that only contain the query word", () => {
    const text = `${"Dolphinsong and seadolphins filler. ".repeat(200)}Then the Dolphins came back, Bảo vệ môi trường. ${"Tail. ".repeat(50)}`;
    const parts = snippet(text, parseQuery("dolphins"));
    expect(marked(parts)).toEqual(["Dolphins"]);
    expect(parts.map((p) => p.text).join("")).toMatch(/^… .*Then the Dolphins came back.* …$/);
    expect(marked(snippet(text, parseQuery("moi truong")))).toEqual(["môi", "trường"]);
    // Thai inside a sentence without spaces, far into the text.
    const thai = `${"Words before. ".repeat(300)}ชาวบ้านช่วยกันปกป้องแม่น้ำโขง`;
    expect(marked(snippet(thai, parseQuery("แม่น้ำ")))).toEqual(["แม่น้ำ"]);
  });

  it("finds a word wherever the text's pieces are cut, and the first of several places", () => {
    // The text is folded 1,024 characters at a time: the word at every offset around a cut.
    for (let at = 1010; at <= 1030; at++) {
      const text = `${"x".repeat(at - 1)} mekong river ${"y ".repeat(600)}`;
      expect(marked(snippet(text, parseQuery("mekong"))), `at ${at}`).toEqual(["mekong"]);
      // Not a whole word ("mekongs") at the cut, the whole word further on.
      const longer = `${"x".repeat(at - 1)} mekongs ${"y ".repeat(600)} the mekong.`;
      expect(marked(snippet(longer, parseQuery("mekong"))), `at ${at}`).toEqual(["mekong"]);
    }
    const twice = `${"Words before. ".repeat(100)}First dolphins here. ${"Middle. ".repeat(300)}Second dolphins there.`;
    expect(snippet(twice, parseQuery("dolphins")).map((p) => p.text).join("")).toContain("First dolphins here");
  });

  it("marks a phrase only where its words follow each other, and centres the snippet there", () => {
    // 生态 alone (in 生态环境部) first; 生态系统 far later.
    const text = `会议由中国生态环境部对外合作与交流中心主办。${"各国代表出席了会议。".repeat(60)}我们共同保护湄公河的生态系统。${"结尾。".repeat(20)}`;
    const parts = snippet(text, parseQuery("生态系统"));
    expect(marked(parts)).toEqual(["生态系统"]);
    expect(parts.map((p) => p.text).join("")).toContain("保护湄公河的生态系统");
    expect(marked(highlight("Lancang-Mekong cooperation, and the Mekong alone", parseQuery("lancang-mekong")))).toEqual(["Lancang-Mekong"]);
    // However many characters part the words of the text: one phrase.
    expect(marked(snippet(`${"Filler. ".repeat(100)}The Lancang – Mekong river.`, parseQuery("lancang-mekong")))).toEqual(["Lancang – Mekong"]);
    // A phrase and a word: each marked as it is.
    expect(marked(highlight("Mekong river days on the Lancang-Mekong", parseQuery("lancang-mekong river")))).toEqual(["river", "Lancang-Mekong"]);
  });

  it("starts from the beginning when nothing matches in the body", () => {
    const parts = snippet("A short text.", parseQuery("absent"));
    expect(parts).toEqual([{ text: "A short text.", match: false }]);
  });
});
