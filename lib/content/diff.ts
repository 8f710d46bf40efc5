import type { JSONContent } from "@tiptap/core";
import { diffArrays } from "diff";

/**
 * A readable diff of two versions of a story: the text is shown as it reads, block by
 * block (headings stay headings, list items stay in their lists), with inserted and
 * deleted words marked in place by <ins> and <del>. Every piece of text goes through
 * escapeHtml, so nothing a writer typed can ever become markup here.
 */

export interface StoryVersion {
  title: string;
  body: JSONContent;
}

export interface StoryDiff {
  html: string;
  insertedWords: number;
  deletedWords: number;
}

/** A container a block sits in, outermost first; `fresh` when this block is its first. */
interface Container {
  type: string;
  fresh: boolean;
}

interface Block {
  tag: string;
  className?: string;
  text: string;
  path: Container[];
}

const CONTAINER_TAG: Record<string, string> = {
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  blockquote: "blockquote",
  table: "table",
  tableRow: "tr",
  tableHeader: "th",
  tableCell: "td",
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const attr = (node: JSONContent, name: string) => {
  const value: unknown = node.attrs?.[name];
  return typeof value === "string" ? value.trim() : "";
};

function inlineText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

/** Atoms have no text of their own; their attributes are what a reader sees of them. */
function atomBlock(node: JSONContent, path: Container[]): Block | null {
  switch (node.type) {
    case "image": {
      const parts = [attr(node, "caption"), attr(node, "credit") && `(${attr(node, "credit")})`].filter(Boolean);
      const alt = attr(node, "alt");
      return {
        tag: "p",
        className: "diff-atom",
        text: `Image: ${parts.join(" ") || alt || "no caption"}${alt && parts.length ? ` — alt text: ${alt}` : ""}`,
        path,
      };
    }
    case "speakerCard":
      return {
        tag: "p",
        className: "diff-atom",
        text: `Speaker: ${[attr(node, "name"), attr(node, "title")].filter(Boolean).join(", ")}${attr(node, "quote") ? ` — “${attr(node, "quote")}”` : ""}`,
        path,
      };
    case "horizontalRule":
      return { tag: "p", className: "diff-atom", text: "Divider", path };
    default:
      return null;
  }
}

function collectBlocks(node: JSONContent, path: Container[], out: Block[]): void {
  for (const child of node.content ?? []) {
    const before = out.length;
    if (child.type === "paragraph") {
      out.push({ tag: "p", text: inlineText(child), path });
    } else if (child.type === "heading") {
      const level = Math.min(6, Math.max(2, Number(child.attrs?.level) || 2));
      out.push({ tag: `h${level}`, text: inlineText(child), path });
    } else if (child.type && child.type in CONTAINER_TAG) {
      collectBlocks(child, [...path, { type: child.type, fresh: true }], out);
      // Only the first block inside a container opens it; the rest continue it.
      for (const block of out.slice(before + 1)) {
        block.path = block.path.map((c, depth) => (depth === path.length ? { ...c, fresh: false } : c));
      }
    } else {
      const atom = atomBlock(child, path);
      if (atom) out.push(atom);
      else if (child.content) collectBlocks(child, path, out);
    }
  }
}

function blocksOf(version: StoryVersion): Block[] {
  const blocks: Block[] = [{ tag: "h1", className: "diff-title", text: version.title, path: [] }];
  collectBlocks(version.body, [], blocks);
  return blocks;
}

const shape = (block: Block) => `${block.tag}|${block.path.map((c) => c.type).join(">")}`;
const identity = (block: Block) => `${shape(block)}|${block.text}`;

/** Below this share of common words, an edit reads better as one block removed and another added. */
const MIN_SIMILARITY = 1 / 3;

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

/** Words, spaces and punctuation as separate tokens; Chinese or Thai are split into words too. */
function tokens(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);
const countWordTokens = (list: string[]) => list.filter(isWord).length;

const inTable = (block: Block) => block.path.some((c) => c.type === "tableCell" || c.type === "tableHeader");

/** How alike two blocks are, 0 to 1. A table cell always pairs with its counterpart, or the table would grow a column. */
function similarity(a: Block, b: Block): number {
  if (shape(a) !== shape(b)) return 0;
  return inTable(a) ? Math.max(MIN_SIMILARITY, wordOverlap(a, b)) : wordOverlap(a, b);
}

/** A block's words, segmented once: a rewritten story compares every removed block with every added one. */
const wordCache = new WeakMap<Block, string[]>();
function wordsOf(block: Block): string[] {
  let words = wordCache.get(block);
  if (!words) {
    words = tokens(block.text).filter(isWord);
    wordCache.set(block, words);
  }
  return words;
}

function wordOverlap(a: Block, b: Block): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.length + wb.length === 0) return 1;
  const pool = new Map<string, number>();
  for (const w of wa) pool.set(w, (pool.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const left = pool.get(w) ?? 0;
    if (left > 0) {
      shared += 1;
      pool.set(w, left - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

type Piece = { kind: "same" | "ins" | "del"; text: string };

/**
 * Word diff of one block. A space left unchanged between two changes is folded into them,
 * so a rewritten phrase reads as one deletion and one insertion, not a word-by-word zip.
 */
function diffText(before: string, after: string): Piece[] {
  const changes = diffArrays(tokens(before), tokens(after));
  const pieces: Piece[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    // Spaces both sides end with are unchanged text, not part of the change.
    const tail = deleted && inserted ? sharedTrailingSpace(deleted, inserted) : "";
    if (deleted) pieces.push({ kind: "del", text: deleted.slice(0, deleted.length - tail.length) });
    if (inserted) pieces.push({ kind: "ins", text: inserted.slice(0, inserted.length - tail.length) });
    if (tail) pieces.push({ kind: "same", text: tail });
    deleted = "";
    inserted = "";
  };
  changes.forEach((change, index) => {
    const text = change.value.join("");
    if (change.added) inserted += text;
    else if (change.removed) deleted += text;
    else if ((deleted || inserted) && /^\s+$/u.test(text) && index < changes.length - 1) {
      deleted += text;
      inserted += text;
    } else {
      flush();
      pieces.push({ kind: "same", text });
    }
  });
  flush();
  return pieces;
}

function sharedTrailingSpace(a: string, b: string): string {
  const spaceA = /\s*$/u.exec(a)![0];
  const spaceB = /\s*$/u.exec(b)![0];
  let n = 0;
  while (n < spaceA.length && n < spaceB.length && spaceA[spaceA.length - 1 - n] === spaceB[spaceB.length - 1 - n]) n++;
  // Never empty a side: "a " → "b " keeps its words, and a change made only of spaces stays visible.
  return n > 0 && a.length > n && b.length > n ? spaceA.slice(spaceA.length - n) : "";
}

const renderText = (text: string) => escapeHtml(text).replace(/\n/g, "<br>");

function renderPieces(pieces: Piece[]): string {
  return pieces
    .map((p) => (p.kind === "same" ? renderText(p.text) : `<${p.kind}>${renderText(p.text)}</${p.kind}>`))
    .join("");
}

const continues = (block: Block) => block.path.length > 0 && !block.path[0]!.fresh;

type Row = { block: Block; pieces: Piece[]; change?: "added" | "removed" };

/**
 * Pairs the removed and added blocks of one hunk so that an edited paragraph shows as a
 * word diff of itself: the order-keeping pairing with the most similarity wins, and a
 * pair must share its kind of block and at least a third of its words.
 */
function alignHunk(removed: Block[], added: Block[]): Row[] {
  const n = removed.length;
  const m = added.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = similarity(removed[i]!, added[j]!);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s >= MIN_SIMILARITY ? s + best[i + 1]![j + 1]! : 0);
    }
  }
  const rows: Row[] = [];
  const whole = (block: Block, kind: "ins" | "del"): Row => ({
    block,
    pieces: block.text === "" ? [] : [{ kind, text: block.text }],
    change: kind === "ins" ? "added" : "removed",
  });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = similarity(removed[i]!, added[j]!);
      if (s >= MIN_SIMILARITY && best[i]![j] === s + best[i + 1]![j + 1]!) {
        rows.push({ block: added[j]!, pieces: diffText(removed[i]!.text, added[j]!.text) });
        i++;
        j++;
        continue;
      }
      const skipRemoved = best[i]![j] === best[i + 1]![j];
      const skipAdded = best[i]![j] === best[i]![j + 1];
      // Between equal choices, a block that continues the list or quote before it goes first.
      if (skipRemoved && !(skipAdded && continues(added[j]!) && !continues(removed[i]!)))
        rows.push(whole(removed[i++]!, "del"));
      else rows.push(whole(added[j++]!, "ins"));
    } else if (i < n) {
      rows.push(whole(removed[i++]!, "del"));
    } else {
      rows.push(whole(added[j++]!, "ins"));
    }
  }
  return rows;
}

/** Writes rows out, opening and closing lists, quotes and tables as the blocks' paths say. */
function renderRows(rows: Row[]): string {
  let html = "";
  const open: string[] = [];
  for (const { block, pieces, change } of rows) {
    let keep = 0;
    while (
      keep < open.length &&
      keep < block.path.length &&
      open[keep] === block.path[keep]!.type &&
      !block.path[keep]!.fresh
    )
      keep++;
    while (open.length > keep) html += `</${CONTAINER_TAG[open.pop()!]}>`;
    for (const container of block.path.slice(keep)) {
      html += `<${CONTAINER_TAG[container.type]}>`;
      open.push(container.type);
    }
    const classes = [block.className, change && `diff-${change}`].filter(Boolean).join(" ");
    html += `<${block.tag}${classes ? ` class="${classes}"` : ""}>${renderPieces(pieces)}</${block.tag}>`;
  }
  while (open.length) html += `</${CONTAINER_TAG[open.pop()!]}>`;
  return html;
}

export function diffStoryVersions(before: StoryVersion, after: StoryVersion): StoryDiff {
  const oldBlocks = blocksOf(before);
  const newBlocks = blocksOf(after);
  const rows: Row[] = [];
  let oi = 0;
  let ni = 0;
  let removed: Block[] = [];
  let added: Block[] = [];
  const flush = () => {
    rows.push(...alignHunk(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(oldBlocks.map(identity), newBlocks.map(identity))) {
    if (change.removed) {
      removed.push(...oldBlocks.slice(oi, oi + change.count));
      oi += change.count;
    } else if (change.added) {
      added.push(...newBlocks.slice(ni, ni + change.count));
      ni += change.count;
    } else {
      flush();
      for (const block of newBlocks.slice(ni, ni + change.count)) rows.push({ block, pieces: [{ kind: "same", text: block.text }] });
      oi += change.count;
      ni += change.count;
    }
  }
  flush();

  let insertedWords = 0;
  let deletedWords = 0;
  for (const piece of rows.flatMap((row) => row.pieces)) {
    if (piece.kind === "ins") insertedWords += countWordTokens(tokens(piece.text));
    if (piece.kind === "del") deletedWords += countWordTokens(tokens(piece.text));
  }
  return { html: renderRows(rows), insertedWords, deletedWords };
}
