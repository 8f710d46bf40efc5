// ICU's word segmentation knows the scripts that do not put spaces between words
// (Chinese, Thai, Lao, Khmer, Burmese) from its dictionaries, whatever the locale.
const words = new Intl.Segmenter(undefined, { granularity: "word" });

/**
 * Text is segmented a few thousand characters at a time, cut at whitespace (which no word
 * spans): V8's segment iterator slows with the length of the whole string at every step,
 * so one 20,000-word story took seconds to count in one piece, and every save waited.
 */
const CHUNK = 2000;

/** Words in `text`, in any script: "澜沧江湄公河合作" is three words, not one. */
export function countWords(text: string): number {
  let count = 0;
  const space = /\s/g;
  for (let start = 0; start < text.length; ) {
    space.lastIndex = Math.min(text.length, start + CHUNK);
    const end = start + CHUNK >= text.length ? text.length : (space.exec(text)?.index ?? text.length);
    for (const segment of words.segment(text.slice(start, end))) if (segment.isWordLike) count++;
    start = end;
  }
  return count;
}
