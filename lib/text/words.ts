// ICU's word segmentation knows the scripts that do not put spaces between words
// (Chinese, Thai, Lao, Khmer, Burmese) from its dictionaries, whatever the locale.
const words = new Intl.Segmenter(undefined, { granularity: "word" });

/** Words in `text`, in any script: "澜沧江湄公河合作" is three words, not one. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike) count++;
  return count;
}
