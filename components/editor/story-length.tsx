"use client";

import type { Node as PMNode } from "@tiptap/pm/model";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { addTallies, EMPTY_TALLY, readingLabel, readingMinutes, tallyWords, wordsLabel, type WordTally } from "@/lib/text/words";
import { plainTextOf } from "./extensions";

/**
 * Each top-level block's tally, by the block itself. Blocks are immutable and a change
 * keeps every block it does not touch, so typing re-counts one paragraph, not the story.
 */
const tallies = new WeakMap<PMNode, WordTally>();

/** The story's tally, block by block: the same text, cut between blocks, as the server counts on save. */
export function tallyDocument(doc: PMNode): WordTally {
  let total = EMPTY_TALLY;
  doc.forEach((block, offset) => {
    let tally = tallies.get(block);
    if (!tally) {
      tally = tallyWords(plainTextOf(doc, offset, offset + block.nodeSize));
      tallies.set(block, tally);
    }
    total = addTallies(total, tally);
  });
  return total;
}

/** At most one count per this many milliseconds while the author types. */
const INTERVAL_MS = 300;

const sameTally = (a: WordTally | null, b: WordTally) =>
  a !== null && a.words === b.words && a.characterWords === b.characterWords && a.characters === b.characters;

/**
 * "1,204 words · 5 min read", kept up to date as the text changes. Plain text, not a live
 * region: a screen reader finds it beside the save state without hearing every keystroke.
 */
export function StoryLength({ editor }: { editor: Editor }) {
  const [tally, setTally] = useState<WordTally | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      timer = undefined;
      const next = tallyDocument(editor.state.doc);
      setTally((shown) => (sameTally(shown, next) ? shown : next));
    };
    // Every change of the text, typed or not (a restore, a merge, a history restore).
    const changed = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged && timer === undefined) timer = setTimeout(measure, INTERVAL_MS);
    };
    editor.on("transaction", changed);
    measure();
    return () => {
      editor.off("transaction", changed);
      clearTimeout(timer);
    };
  }, [editor]);

  const reading = tally ? readingLabel(readingMinutes(tally)) : null;
  return (
    <p data-testid="story-length" className="mt-1 text-xs text-gray-600">
      {tally ? `${wordsLabel(tally.words)}${reading ? ` · ${reading}` : ""}` : "\u00a0"}
    </p>
  );
}
