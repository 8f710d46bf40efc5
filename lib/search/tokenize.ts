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

/**
 * The same query with every phrase loosened to its words in any order (`'a' <-> 'b'`
 * becomes `'a' & 'b'`): what a GIN index answers exactly, without reading each match's
 * word positions. It finds every story the query finds, and maybe more.
 */
export function toLooseTsQuery(query: ParsedQuery): string {
  return query
    .flatMap((p) => p.words.map((w, i) => `'${w}'${p.prefix && i === p.words.length - 1 ? ":*" : ""}`))
    .join(" & ");
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
  return merge(markSegments([...segmenter.segment(text)], query));
}

/**
 * The text's words (ICU segments) marked where they answer the query: a one-word phrase
 * wherever its word is; a phrase of several words only where they follow each other in
 * its order (with no other word between them), so that 生态系统 is not marked in 生态环境.
 * What lies between the words of a marked phrase ("-" in lancang-mekong) is marked too.
 */
function markSegments(segments: Intl.SegmentData[], query: ParsedQuery): TextPart[] {
  const parts = segments.map((s) => ({ text: s.segment, match: false }));
  /** The word segments, with their folded text: [index in segments, folded]. */
  const words: [number, string][] = [];
  for (const [i, s] of segments.entries()) if (s.isWordLike === true) words.push([i, foldWord(s.segment)]);
  for (const phrase of query) {
    const n = phrase.words.length;
    const answers = (word: string, k: number) =>
      word === phrase.words[k] || (phrase.prefix && k === n - 1 && word.startsWith(phrase.words[k] ?? ""));
    for (let at = 0; at + n <= words.length; at++) {
      let k = 0;
      while (k < n && answers(words[at + k]![1], k)) k++;
      if (k < n) continue;
      for (let i = words[at]![0]; i <= words[at + n - 1]![0]; i++) parts[i]!.match = true;
    }
  }
  return parts;
}

/** Characters folded one at a time (see candidateStarts), remembered: texts repeat them. */
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = fold(ch);
    if (foldedChars.size < 20_000) foldedChars.set(ch, folded);
  }
  return folded;
}

/** Words folded (for snippets), remembered: texts repeat them, and folding is dear. */
const foldedWords = new Map<string, string>();

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = fold(word);
    if (foldedWords.size >= 50_000) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** At most this many places of a text are tried for the snippet's first match. */
const MAX_CANDIDATES = 32;

/** Inside a word for ICU ("river's", "U.S."): left out of the folded text, like fold() does. */
const WORD_INSIDE = /^[.'\u2019:\u00b7]$/u;

/** The text is folded this many characters at a time, and only as far as the snippet needs. */
const FOLD_PIECE = 1024;

/**
 * Where in `text` a word of the query may be, in order, found without cutting the whole
 * text into words (ICU's word breaking, with its dictionaries, costs far more than this):
 * the text's characters are folded one by one, what parts words becomes one space, and each
 * phrase of the query is looked for in that, as whole words (in a script without spaces,
 * anywhere).
 * A word of the text that matches is found there; the caller makes sure by cutting only
 * a short piece of the text around each place into words. The text is folded a piece at
 * a time, and the places of each piece are given before the next is folded, so a match
 * near the start of a long story costs only its first piece.
 */
function* candidateStarts(text: string, query: ParsedQuery): Generator<number> {
  // What is looked for: each phrase's words as the folded text holds them, one after the
  // other (after a space where they are written with spaces, as "lancang-mekong" is).
  const words = query.map((phrase) => phrase.words.reduce((joined, word) => (joined && !NO_SPACE_SCRIPT.test(word) ? `${joined} ${word}` : joined + word), ""));
  if (words.length === 0) return;
  const longest = Math.max(...words.map((w) => w.length));
  const edge = (ch: string | undefined) => ch === undefined || ch === " " || NO_SPACE_SCRIPT.test(ch);
  let stream = "";
  const from: number[] = [];
  let index = 0;
  // Places before `searched` in the stream were looked at already. A word is looked for
  // only where it would end, with the character after it, inside what is folded: a place
  // nearer the piece's end is looked at again with the next piece.
  let searched = 0;
  const given = new Set<number>();
  const chars = text[Symbol.iterator]();
  for (let done = false; !done && given.size < MAX_CANDIDATES; ) {
    for (let n = 0; n < FOLD_PIECE; n++) {
      const next = chars.next();
      if (next.done) {
        done = true;
        break;
      }
      const ch = next.value;
      let folded = foldChar(ch);
      if (folded === "" && !WORD_INSIDE.test(ch)) folded = " ";
      // One space between words, however many characters part them ("river – delta").
      if (folded === " " && stream.endsWith(" ")) folded = "";
      for (let k = 0; k < folded.length; k++) from.push(index);
      stream += folded;
      index += ch.length;
    }
    // A word found now must be followed by a known character (or the end of the text).
    const limit = done ? stream.length : Math.max(searched, stream.length - longest - 1);
    const found: number[] = [];
    for (const word of words) {
      const anywhere = NO_SPACE_SCRIPT.test(word);
      for (let at = stream.indexOf(word, searched); at !== -1 && at < limit; at = stream.indexOf(word, at + 1)) {
        if (anywhere || (edge(stream[at - 1]) && edge(stream[at + word.length]))) found.push(from[at] ?? 0);
      }
    }
    searched = limit;
    for (const at of found.sort((a, b) => a - b)) {
      if (given.has(at) || given.size >= MAX_CANDIDATES) continue;
      given.add(at);
      yield at;
    }
  }
}

/** `text` from `start` to `end`, cut into words, each marked if it answers the query. */
function segmentsOf(text: string, start: number, end: number, query: ParsedQuery): TextPart[] {
  return markSegments([...segmenter.segment(text.slice(start, end))], query);
}

/** A piece of `text` around `at`, from and to a space where there is one near. */
function windowAround(text: string, at: number, maxLength: number): [number, number] {
  let start = Math.max(0, at - Math.ceil(maxLength / 2));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < at) start = space + 1;
  }
  let end = Math.min(text.length, at + Math.ceil(maxLength * 1.2));
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > at + maxLength) end = space;
  }
  return [start, end];
}

/**
 * A short extract of `text` around the first word of the query it holds (or its
 * beginning), with the query's words marked; "…" where it was cut. Only a piece of the
 * text around each likely place is cut into words (candidateStarts), so a long story
 * costs little more than a short one.
 */
export function snippet(text: string, query: ParsedQuery, maxLength = 240): TextPart[] {
  const flat = text.replace(/\s+/gu, " ").trim();
  let window: [number, number] | null = null;
  let segments: TextPart[] = [];
  for (const at of candidateStarts(flat, query)) {
    const [start, end] = windowAround(flat, at, maxLength);
    const found = segmentsOf(flat, start, end, query);
    if (found.some((s) => s.match)) {
      window = [start, end];
      segments = found;
      break;
    }
  }
  if (!window) {
    // No word of the query in the text (it matched by its title): the text's beginning.
    window = [0, Math.min(flat.length, windowAround(flat, 0, maxLength)[1])];
    segments = segmentsOf(flat, window[0], window[1], query);
  }
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
  if (start > 0 || window[0] > 0) parts.unshift({ text: "… ", match: false });
  if (end < segments.length || window[1] < flat.length) parts.push({ text: " …", match: false });
  return merge(parts);
}
