"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useId, useRef, useState, useTransition } from "react";
import {
  diffRevisionsAction,
  listRevisionsAction,
  restoreRevisionAction,
} from "@/app/(studio)/studio/stories/revision-actions";
import type { StoryDiff } from "@/lib/content/diff";
import { revisionReasonLabel } from "@/lib/stories/revision-reasons";
import { buttonClass, inputClass } from "../ui/field";

interface RevisionItem {
  id: string;
  reason: string;
  authorName: string | null;
  createdAt: Date;
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const CURRENT = "current";

/** Diff markup: structure from the story's own styles, changes coloured and still struck or underlined for those who can't see colour. */
const diffClass =
  "story-body text-base [&_h1]:mb-2 [&_h1]:text-xl [&_h1]:font-bold [&_table]:border-collapse [&_td]:border [&_td]:border-gray-300 [&_td]:px-2 [&_th]:border [&_th]:border-gray-300 [&_th]:px-2 " +
  "[&_ins]:rounded-sm [&_ins]:bg-green-100 [&_ins]:text-green-900 [&_ins]:decoration-green-700 [&_del]:rounded-sm [&_del]:bg-red-100 [&_del]:text-red-900 [&_del]:decoration-red-700 " +
  "[&_.diff-atom]:italic [&_.diff-atom]:text-gray-700";

/**
 * The story's history: every kept revision (who, when, why), a word diff between any two
 * of them or one and the current text, and restoring one as a new version. Everything is
 * loaded when the panel opens, so it never shows a stale list.
 */
export function HistoryPanel({ storyId, canRestore }: { storyId: string; canRestore: boolean }) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<RevisionItem[] | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState(CURRENT);
  const [diff, setDiff] = useState<StoryDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const request = useRef(0);

  const compare = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    setConfirming(false);
    const ticket = ++request.current;
    startTransition(async () => {
      const result = await diffRevisionsAction({ storyId, from: nextFrom, to: nextTo });
      // A slower answer to an earlier choice must not replace the diff of the latest one.
      if (ticket !== request.current) return;
      setDiff(result.ok ? result.data : null);
      setError(result.ok ? null : result.error);
    });
  };

  const load = () => {
    setRevisions(null);
    setDiff(null);
    setError(null);
    setConfirming(false);
    startTransition(async () => {
      const result = await listRevisionsAction({ storyId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setRevisions(result.data);
      const latest = result.data[0];
      if (latest) compare(latest.id, CURRENT);
    });
  };

  const restore = () =>
    startTransition(async () => {
      if (!from) return;
      const result = await restoreRevisionAction({ storyId, revisionId: from });
      if (!result.ok) {
        setError(result.error);
        setConfirming(false);
        return;
      }
      // A full load gives the editor the restored text and its new version, whatever state it held.
      window.location.reload();
    });

  const selected = revisions?.find((r) => r.id === from);
  const label = (r: RevisionItem) => `${when.format(r.createdAt)} UTC · ${revisionReasonLabel(r.reason)}`;

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) load();
      }}
    >
      <Dialog.Trigger className={buttonClass.secondary}>History</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-900/40" />
        <Dialog.Content className="fixed inset-4 z-50 mx-auto flex max-w-6xl flex-col rounded-lg bg-white shadow-xl md:inset-8">
          <div className="flex items-center justify-between border-b border-gray-200 px-5 py-3">
            <div>
              <Dialog.Title className="text-lg font-semibold">Story history</Dialog.Title>
              <Dialog.Description className="text-sm text-gray-600">
                Snapshots kept at each submission and approval, at most every 10 minutes while saving, and at each restore.
              </Dialog.Description>
            </div>
            <Dialog.Close className={buttonClass.secondary}>Close</Dialog.Close>
          </div>
          <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[18rem_1fr]">
            <nav aria-label="Revisions" className="min-h-0 overflow-y-auto border-b border-gray-200 p-3 md:border-r md:border-b-0">
              {revisions === null ? (
                <p className="text-sm text-gray-600">{error ? "" : "Loading…"}</p>
              ) : revisions.length === 0 ? (
                <p className="text-sm text-gray-600">No revisions yet. One is kept when you save, submit or get approved.</p>
              ) : (
                <ol className="space-y-1" data-testid="revision-list">
                  {revisions.map((r) => (
                    <li key={r.id}>
                      <button
                        type="button"
                        aria-pressed={r.id === from}
                        onClick={() => compare(r.id, to === r.id ? CURRENT : to)}
                        className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-gray-50 aria-pressed:bg-brand-50 aria-pressed:ring-1 aria-pressed:ring-brand-600"
                      >
                        <span className="block font-medium text-gray-900">{revisionReasonLabel(r.reason)}</span>
                        <span className="block text-gray-600">
                          {r.authorName ?? "Unknown"} · {when.format(r.createdAt)} UTC
                        </span>
                      </button>
                    </li>
                  ))}
                </ol>
              )}
            </nav>
            <section aria-label="Differences" className="flex min-h-0 flex-col">
              <div className="flex flex-wrap items-end gap-3 border-b border-gray-200 px-5 py-3 text-sm">
                {selected ? (
                  <>
                    <p className="text-gray-700">
                      Changes from <span className="font-medium">{label(selected)}</span> to
                    </p>
                    <label htmlFor={`${ids}-to`} className="sr-only">
                      Compare with
                    </label>
                    <select
                      id={`${ids}-to`}
                      value={to}
                      onChange={(event) => compare(selected.id, event.target.value)}
                      className={`${inputClass} max-w-sm py-1`}
                    >
                      <option value={CURRENT}>the current text</option>
                      {revisions
                        ?.filter((r) => r.id !== selected.id)
                        .map((r) => (
                          <option key={r.id} value={r.id}>
                            {label(r)}
                          </option>
                        ))}
                    </select>
                    {diff ? (
                      <p className="text-gray-600" data-testid="diff-summary">
                        <span className="rounded-sm bg-green-100 px-1 text-green-900">{diff.insertedWords} {diff.insertedWords === 1 ? "word" : "words"} added</span>{" "}
                        <span className="rounded-sm bg-red-100 px-1 text-red-900">{diff.deletedWords} removed</span>
                      </p>
                    ) : null}
                  </>
                ) : null}
                {pending ? <span className="text-gray-500">Loading…</span> : null}
              </div>
              {error ? (
                <p role="alert" className="mx-5 mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                  {error}
                </p>
              ) : null}
              <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
                {diff ? (
                  <div
                    data-testid="revision-diff"
                    className={diffClass}
                    // Built by lib/content/diff.ts, which escapes every piece of text: only its own tags are markup.
                    dangerouslySetInnerHTML={{ __html: diff.html }}
                  />
                ) : null}
              </div>
              {canRestore && selected ? (
                <div className="flex flex-wrap items-center gap-3 border-t border-gray-200 px-5 py-3">
                  {confirming ? (
                    <>
                      <p className="text-sm text-gray-800">
                        Replace the story&apos;s text with the version of {when.format(selected.createdAt)} UTC? The current text stays
                        in the history.
                      </p>
                      <button type="button" className={buttonClass.primary} disabled={pending} onClick={restore}>
                        Restore
                      </button>
                      <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(false)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(true)}>
                      Restore this version…
                    </button>
                  )}
                </div>
              ) : null}
            </section>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
