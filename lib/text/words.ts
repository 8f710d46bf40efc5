// ICU's word segmentation knows the scripts that do not put spaces between words
// (Chinese, Thai, Lao, Khmer, Burmese) from its dictionaries, whatever the locale.
const words = new Intl.Segmenter(undefined, { granularity: "word" });

/**
 * Silent reading of English non-fiction averages about 238 words a minute (Brysbaert,
 * "How many words do we read per minute?", Journal of Memory and Language, 2019); 230
 * leans towards the slower reader. Thai, Lao, Khmer and Burmese words, as ICU's
 * dictionaries cut them, are units of about the size of an English word, and there is
 * no better-established rate for them: they are read at this rate too.
 */
export const WORDS_PER_MINUTE = 230;

/**
 * Chinese (and Japanese) is read by the character, not by the word: the segmenter's
 * words are one to four characters long, so a rate per word would be a guess about how
 * it cut the text. Published rates for Chinese run from about 250 to 400 characters a
 * minute; 300 is the middle of that range.
 */
export const CHARACTERS_PER_MINUTE = 300;

const READ_BY_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * What a word count and a reading time are worked out from. The tally of a text cut at
 * word boundaries (between paragraphs, say) is the sum of its parts' tallies.
 */
export interface WordTally {
  /** Words in any script: what countWords returns. */
  words: number;
  /** Of those, the words written in Chinese characters or kana… */
  characterWords: number;
  /** …and the characters they are made of. */
  characters: number;
}

export const EMPTY_TALLY: WordTally = { words: 0, characterWords: 0, characters: 0 };

export const addTallies = (a: WordTally, b: WordTally): WordTally => ({
  words: a.words + b.words,
  characterWords: a.characterWords + b.characterWords,
  characters: a.characters + b.characters,
});

/**
 * Node 20's segmenter slows down with the square of the text's length (a 20,000-word
 * story in one string takes seconds on the server; Chromium's does not), so long text is
 * segmented in pieces of about this many characters, cut where a word boundary is certain.
 */
const PIECE = 1000;
// After white space or a Chinese full stop, question or exclamation mark, and before a
// character that is neither white space nor one that attaches to what precedes it (a
// combining mark, a joiner): ICU's word rules always break there, so the cut changes nothing.
const SAFE_CUT = /(?<=[\s\u3002\uFF01\uFF1F])(?=[^\s\p{M}\p{Cf}])/gu;

function* pieces(text: string): Generator<string> {
  let start = 0;
  const cut = new RegExp(SAFE_CUT);
  while (text.length - start > PIECE) {
    cut.lastIndex = start + PIECE;
    const found = cut.exec(text);
    if (!found) break;
    yield text.slice(start, found.index);
    start = found.index;
  }
  yield text.slice(start);
}

/** Words in `text`, and what reading them takes. */
export function tallyWords(text: string): WordTally {
  let count = 0;
  let characterWords = 0;
  let characters = 0;
  for (const piece of pieces(text)) {
    for (const segment of words.segment(piece)) {
      if (!segment.isWordLike) continue;
      count++;
      const read = segment.segment.match(READ_BY_CHARACTER)?.length ?? 0;
      if (read > 0) {
        characterWords++;
        characters += read;
      }
    }
  }
  return { words: count, characterWords, characters };
}

/** Words in `text`, in any script: "澜沧江湄公河合作" is three words, not one. */
export function countWords(text: string): number {
  return tallyWords(text).words;
}

/**
 * Minutes a reader takes over the text (or its tally): words at WORDS_PER_MINUTE, Chinese
 * and Japanese at CHARACTERS_PER_MINUTE, rounded to the nearest minute; at least 1 for
 * any text with a word in it, 0 for none.
 */
export function readingMinutes(text: string | WordTally): number {
  const tally = typeof text === "string" ? tallyWords(text) : text;
  if (tally.words === 0) return 0;
  const minutes = (tally.words - tally.characterWords) / WORDS_PER_MINUTE + tally.characters / CHARACTERS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

/** "1 word", "1,204 words": how the studio writes a count. */
export const wordsLabel = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "word" : "words"}`;

/** "3 min read" — or null for a text with nothing to read. */
export const readingLabel = (minutes: number) => (minutes > 0 ? `${minutes.toLocaleString("en")} min read` : null);
