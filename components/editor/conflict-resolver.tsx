"use client";

import { useId, useMemo, useState } from "react";
import { buttonClass } from "../ui/field";
import {
  blockText,
  mergeVersions,
  partText,
  splitVersions,
  wordChanges,
  type MergePart,
  type Pick,
  type StoryText,
} from "./conflict-merge";

export type Resolution = { choice: "mine" | "theirs" | "merged"; text: StoryText };

const PART_LABEL: Record<Exclude<MergePart, { kind: "same" }>["kind"], string> = {
  title: "Title",
  standfirst: "Standfirst",
  blocks: "Text",
};

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/**
 * Someone else saved while this writer was editing: both versions side by side with the
 * differing words marked. The writer keeps theirs, takes the other, or picks part by part;
 * whatever they choose, both texts stay on screen until they do.
 */
export function ConflictResolver({
  mine,
  theirs,
  theirsSavedAt,
  busy,
  onResolve,
}: {
  mine: StoryText;
  theirs: StoryText;
  theirsSavedAt: Date;
  busy: boolean;
  onResolve: (resolution: Resolution) => void;
}) {
  const ids = useId();
  const parts = useMemo(() => splitVersions(mine, theirs), [mine, theirs]);
  const [picks, setPicks] = useState<Map<number, Pick>>(new Map());
  const differing = parts.filter((p) => p.kind !== "same").length;

  const pick = (index: number, value: Pick) => setPicks((prev) => new Map(prev).set(index, value));

  return (
    <section
      aria-labelledby={`${ids}-heading`}
      data-testid="conflict"
      className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <div>
        <h2 id={`${ids}-heading`} className="text-lg font-semibold text-amber-950">
          Someone else saved this story while you were editing
        </h2>
        <p className="mt-1 text-sm text-amber-900">
          Their version was saved at {clock.format(theirsSavedAt)}. Nothing is lost: your text is on the left, theirs on the
          right, with the words that differ marked. Keep yours, take theirs, or choose part by part ({differing}{" "}
          {differing === 1 ? "difference" : "differences"}).
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass.primary} disabled={busy} onClick={() => onResolve({ choice: "mine", text: mine })}>
          Keep mine
        </button>
        <button type="button" className={buttonClass.secondary} disabled={busy} onClick={() => onResolve({ choice: "theirs", text: theirs })}>
          Take theirs
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={busy}
          onClick={() => onResolve({ choice: "merged", text: mergeVersions(parts, picks, mine) })}
        >
          Save my choices
        </button>
      </div>

      <div className="grid grid-cols-2 gap-x-4 text-sm font-semibold text-gray-800" aria-hidden="true">
        <p>Your version</p>
        <p>Their version</p>
      </div>
      <ol className="space-y-3">
        {parts.map((part, index) =>
          part.kind === "same" ? (
            <li key={index} className="rounded-md bg-white/60 px-3 py-2 text-sm text-gray-500">
              {part.blocks.map((block, i) => (
                <p key={i} className="line-clamp-2 whitespace-pre-line">
                  {blockText(block)}
                </p>
              ))}
            </li>
          ) : (
            <li key={index} data-testid="conflict-part" className="rounded-md border border-amber-200 bg-white p-3">
              <fieldset>
                <legend className="text-xs font-semibold uppercase tracking-wide text-gray-600">{PART_LABEL[part.kind]}</legend>
                <div className="mt-2 grid grid-cols-2 gap-4">
                  <Side part={part} side="mine" />
                  <Side part={part} side="theirs" />
                </div>
                <div className="mt-2 flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label={`Use for this ${PART_LABEL[part.kind].toLowerCase()}`}>
                  {(part.kind === "blocks" ? (["mine", "theirs", "both"] as const) : (["mine", "theirs"] as const)).map((value) => (
                    <label key={value} className="inline-flex items-center gap-1">
                      <input
                        type="radio"
                        name={`${ids}-part-${index}`}
                        checked={(picks.get(index) ?? "mine") === value}
                        onChange={() => pick(index, value)}
                      />
                      {value === "mine" ? "Mine" : value === "theirs" ? "Theirs" : "Both (mine first)"}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

/** One side of a differing part, with the words only this side has marked. */
function Side({ part, side }: { part: Exclude<MergePart, { kind: "same" }>; side: "mine" | "theirs" }) {
  const changes = wordChanges(partText(part, "mine"), partText(part, "theirs"));
  const label = side === "mine" ? "Your version" : "Their version";
  return (
    <div data-side={side} aria-label={label} role="group" className="whitespace-pre-line text-sm text-gray-900">
      {changes.every((c) => c.change !== side && c.change !== "same") ? (
        <span className="italic text-gray-500">{side === "mine" ? "(not in your version)" : "(not in their version)"}</span>
      ) : (
        changes.map((c, i) =>
          c.change === "same" ? (
            <span key={i}>{c.text}</span>
          ) : c.change === side ? (
            <mark
              key={i}
              data-change={side}
              title={side === "mine" ? "Only in your version" : "Only in their version"}
              className={side === "mine" ? "rounded bg-rose-100 px-0.5 text-rose-900" : "rounded bg-emerald-100 px-0.5 text-emerald-900"}
            >
              {c.text}
            </mark>
          ) : null,
        )
      )}
    </div>
  );
}
