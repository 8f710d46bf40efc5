import { nameKey } from "../text/name-key";

/*
 * Search works on words, never on substrings, in every script the newsletter prints.
 * Text is cut into words by ICU (Intl.Segmenter) — which knows from its dictionaries where
 * the words of Chinese, Thai, Lao, Khmer and Burmese begin and end — and each word is folded
 * like a person's name (lower case, no accents or tone marks: "Trường" → "truong", vowel
 * signs of the other scripts kept). The index stores these words separated by single
 * spaces; both engines split them on the spaces only (SQLite FTS5's "ascii" tokenizer, a
 * tsvector built lexeme by lexeme on Postgres), so both index exactly the same words and
 * answer the same queries. The query goes through the same function.
 */

/**
 * Bump when the words stored for a story would change (a different fold or segmentation):
 * rows indexed with an older version are indexed again at the next start.
 */
export const SEARCH_INDEX_VERSION = 1;

/** Longer "words" are not words (a pasted hash, a URL run together) and are not indexed. */
const MAX_WORD_LENGTH = 64;

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

/** Scripts written without spaces between words, where ICU's word may be longer than the reader's. */
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function fold(word: string): string {
  return nameKey(word).replace(/[^\p{L}\p{M}\p{N}]+/gu, "");
}

/** The words of `text`, folded, in order. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    const word = fold(segment.segment);
    if (word && word.length <= MAX_WORD_LENGTH) words.push(word);
  }
  return words;
}

/** What the index stores for a text: its folded words, separated by single spaces. */
export function indexText(text: string): string {
  return searchWords(text).join(" ");
}

/**
 * One part of a query: the words of one space-separated chunk, which must appear next to
 * each other in this order ("ร่วมมือ" is the two ICU words "ร่วม" "มือ"; "环境合作" is
 * "环境" "合作"). In a script without spaces the last word may also begin a longer word of
 * the text: ICU keeps "ទន្លេមេគង្គ" (the Mekong river) as one word, yet a reader who searches
 * for "ទន្លេ" (river) should find it.
 */
export interface QueryPhrase {
  words: string[];
  prefix: boolean;
}

/** Every phrase must match (AND). Empty when the query holds no word at all. */
export type ParsedQuery = QueryPhrase[];

/** At most this many phrases are searched for; more would only slow the query down. */
const MAX_PHRASES = 12;

export function parseQuery(query: string): ParsedQuery {
  const phrases: ParsedQuery = [];
  const seen = new Set<string>();
  for (const chunk of query.split(/\s+/u)) {
    const words = searchWords(chunk);
    if (words.length === 0) continue;
    const last = words[words.length - 1] ?? "";
    const phrase = { words, prefix: NO_SPACE_SCRIPT.test(last) };
    const key = JSON.stringify(phrase);
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
    if (phrases.length === MAX_PHRASES) break;
  }
  return phrases;
}

/**
 * The FTS5 MATCH expression. Words hold only letters, marks and digits (see fold), so
 * quoting them cannot break out of the string; "ascii" splits them on the spaces.
 */
export function toFts5Match(query: ParsedQuery): string {
  return query.map((p) => `"${p.words.join(" ")}"${p.prefix ? " *" : ""}`).join(" AND ");
}

/** The Postgres tsquery, written as a literal so that no text-search parser re-cuts the words. */
export function toTsQuery(query: ParsedQuery): string {
  return query
    .map((p) => {
      const words = p.words.map((w, i) => `'${w}'${p.prefix && i === p.words.length - 1 ? ":*" : ""}`);
      return `(${words.join(" <-> ")})`;
    })
    .join(" & ");
}

/** Does this word of a text answer one of the query's words? */
export function matchesQueryWord(word: string, query: ParsedQuery): boolean {
  for (const phrase of query) {
    for (const [i, w] of phrase.words.entries()) {
      if (word === w) return true;
      if (phrase.prefix && i === phrase.words.length - 1 && word.startsWith(w)) return true;
    }
  }
  return false;
}

export interface TextPart {
  text: string;
  match: boolean;
}

function merge(parts: TextPart[]): TextPart[] {
  const merged: TextPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.match === part.match) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** `text` cut into parts, those that are words of the query marked. */
export function highlight(text: string, query: ParsedQuery): TextPart[] {
  const parts: TextPart[] = [];
  for (const segment of segmenter.segment(text)) {
    const match = segment.isWordLike === true && matchesQueryWord(fold(segment.segment), query);
    parts.push({ text: segment.segment, match });
  }
  return merge(parts);
}

/**
 * A short extract of `text` around the first word of the query it holds (or its
 * beginning), with the query's words marked; "…" where it was cut.
 */
export function snippet(text: string, query: ParsedQuery, maxLength = 240): TextPart[] {
  const segments = [...segmenter.segment(text.replace(/\s+/gu, " ").trim())].map((s) => ({
    text: s.segment,
    match: s.isWordLike === true && matchesQueryWord(fold(s.segment), query),
  }));
  const first = Math.max(
    0,
    segments.findIndex((s) => s.match),
  );
  // Some context before the first match, then as much as fits after it.
  let start = first;
  let before = 0;
  while (start > 0 && before + (segments[start - 1]?.text.length ?? 0) <= maxLength / 3) {
    start--;
    before += segments[start]?.text.length ?? 0;
  }
  let end = first;
  let length = before;
  while (end < segments.length && length + (segments[end]?.text.length ?? 0) <= maxLength) {
    length += segments[end]?.text.length ?? 0;
    end++;
  }
  if (end === first && end < segments.length) end++; // one very long word still shows
  const parts = segments.slice(start, end);
  if (parts[0]?.text === " ") parts.shift();
  if (parts[parts.length - 1]?.text === " ") parts.pop();
  if (start > 0) parts.unshift({ text: "… ", match: false });
  if (end < segments.length) parts.push({ text: " …", match: false });
  return merge(parts);
}
