import type { JSONContent } from "@tiptap/core";
import { diffArrays, diffWords } from "diff";

/**
 * Two versions of a story split into what they share and where they differ, so the writer
 * can take each differing part from either side (or both) without losing a word. The body
 * is compared block by block (paragraph, heading, list, …) and a block keeps its
 * formatting whichever side it comes from; the word diff is only for showing the change.
 */

export interface StoryText {
  title: string;
  standfirst: string;
  body: JSONContent;
}

export type Pick = "mine" | "theirs" | "both";

export type MergePart =
  | { kind: "same"; blocks: JSONContent[] }
  | { kind: "title" | "standfirst"; mine: string; theirs: string }
  | { kind: "blocks"; mine: JSONContent[]; theirs: JSONContent[] };

export interface WordChange {
  text: string;
  /** Only in mine (removed by theirs) or only in theirs (added by theirs). */
  change: "same" | "mine" | "theirs";
}

const blocksOf = (doc: JSONContent): JSONContent[] => doc.content ?? [];

/** The readable text of a block: its text nodes, with line breaks between nested blocks. */
export function blockText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  const children = node.content ?? [];
  const inline = children.every((c) => c.type === "text" || c.type === "hardBreak");
  return children.map(blockText).join(inline ? "" : "\n");
}

export function splitVersions(mine: StoryText, theirs: StoryText): MergePart[] {
  const parts: MergePart[] = [];
  if (mine.title !== theirs.title) parts.push({ kind: "title", mine: mine.title, theirs: theirs.title });
  if (mine.standfirst !== theirs.standfirst) parts.push({ kind: "standfirst", mine: mine.standfirst, theirs: theirs.standfirst });

  const mineBlocks = blocksOf(mine.body);
  const theirBlocks = blocksOf(theirs.body);
  // Blocks compare by their whole JSON, so a formatting change is a difference too.
  const changes = diffArrays(mineBlocks.map((b) => JSON.stringify(b)), theirBlocks.map((b) => JSON.stringify(b)));
  let m = 0;
  let t = 0;
  let open: Extract<MergePart, { kind: "blocks" }> | null = null;
  for (const change of changes) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      open = null;
      parts.push({ kind: "same", blocks: mineBlocks.slice(m, m + count) });
      m += count;
      t += count;
      continue;
    }
    if (!open) {
      open = { kind: "blocks", mine: [], theirs: [] };
      parts.push(open);
    }
    if (change.removed) {
      open.mine.push(...mineBlocks.slice(m, m + count));
      m += count;
    } else {
      open.theirs.push(...theirBlocks.slice(t, t + count));
      t += count;
    }
  }
  return parts;
}

/** The text after the writer's picks; a part without a pick keeps the writer's own. */
export function mergeVersions(parts: MergePart[], picks: ReadonlyMap<number, Pick>, mine: StoryText): StoryText {
  let title = mine.title;
  let standfirst = mine.standfirst;
  const content: JSONContent[] = [];
  parts.forEach((part, index) => {
    const pick = picks.get(index) ?? "mine";
    if (part.kind === "same") {
      content.push(...part.blocks);
    } else if (part.kind === "blocks") {
      if (pick !== "theirs") content.push(...part.mine);
      if (pick !== "mine") content.push(...part.theirs);
    } else {
      const value = pick === "theirs" ? part.theirs : pick === "both" ? `${part.mine} ${part.theirs}` : part.mine;
      if (part.kind === "title") title = value;
      else standfirst = value;
    }
  });
  return { title, standfirst, body: { ...mine.body, type: "doc", content } };
}

/** Word-level differences between two texts, for marking them on both sides. */
export function wordChanges(mine: string, theirs: string): WordChange[] {
  return diffWords(mine, theirs).map((c) => ({
    text: c.value,
    change: c.added ? "theirs" : c.removed ? "mine" : "same",
  }));
}

export const partText = (part: Exclude<MergePart, { kind: "same" }>, side: "mine" | "theirs"): string =>
  part.kind === "blocks" ? part[side].map(blockText).join("\n\n") : part[side];
