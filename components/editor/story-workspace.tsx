"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition } from "react";
import { transitionStoryAction } from "@/app/(studio)/studio/stories/actions";
import type { StoryStatus } from "@/lib/domain-types";
import { STANDFIRST_MAX, TITLE_MAX } from "@/lib/stories/limits";
import type { StoryAction } from "@/lib/workflow";
import { buttonClass, inputClass } from "../ui/field";
import { LengthCounter } from "../ui/length-counter";
import { statusLabel, useStoryAutosave } from "./autosave-hook";
import { ConflictResolver } from "./conflict-resolver";
import { storyExtensions } from "./extensions";
import { MediaTools } from "./media-tools";
import { usePortraitPicker } from "./portrait-picker";
import { StoryLength } from "./story-length";
import { Toolbar } from "./toolbar";

export interface WorkspaceStory {
  id: string;
  version: number;
  title: string;
  standfirst: string;
  body: JSONContent;
  status: StoryStatus;
  /** The story's language (BCP 47), on its title, standfirst and text for spelling and speech. */
  locale?: string;
}

export interface WorkspacePermissions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  review: boolean;
  reopen: boolean;
}

const LEAVE_WARNING = "This story has changes that are not saved yet. Leave anyway?";

/**
 * The editor with the story's save state and next workflow step always in view. The text
 * lives here (and in the browser's storage) until the server confirms a save: a refused,
 * failed or conflicting save never loses it.
 */
export function StoryWorkspace({ story, can }: { story: WorkspaceStory; can: WorkspacePermissions }) {
  const router = useRouter();
  const ids = useId();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const editor = useEditor({
    extensions: storyExtensions,
    content: story.body,
    editable: can.edit,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "story-body tiptap px-6 py-4",
        "aria-label": "Story text",
        "aria-multiline": "true",
        role: "textbox",
        lang: story.locale ?? "en",
      },
    },
    onCreate: ({ editor: created }) => autosave.editorCreated(created),
    onUpdate: () => autosave.edited(),
  });
  const autosave = useStoryAutosave(story, editor, can.edit);
  const { unsaved, saveNow, status } = autosave;
  const holding = autosave.restoreOffer !== null || autosave.conflict !== null;
  const portraits = usePortraitPicker(story.id);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    // In-app links: Next.js navigates without unloading, so ask before its click handler runs.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.origin !== window.location.origin) return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (window.confirm(LEAVE_WARNING)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", onClick, true);
    };
  }, [unsaved]);

  useEffect(() => {
    if (!can.edit) return;
    const onKey = (event: KeyboardEvent) => {
      // Ctrl+Shift+S is strikethrough, not save.
      if ((event.metaKey || event.ctrlKey) && !event.shiftKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [can.edit, saveNow]);

  const step = (action: StoryAction) =>
    startTransition(async () => {
      if (can.edit && holding) {
        setError("First choose what to keep of the text above; then try again.");
        return;
      }
      if (can.edit && unsaved && !(await saveNow())) return;
      setError(null);
      const result = await transitionStoryAction(action, { storyId: story.id, version: autosave.version(), comment });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setComment("");
      router.refresh();
    });

  const shownError = error ?? (status.kind === "refused" ? status.message : null);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-4">
        {autosave.restoreOffer ? (
          <div role="alert" data-testid="restore-offer" className="flex flex-wrap items-center gap-3 rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950">
            <p className="min-w-0 flex-1">
              This browser kept changes to this story that were never saved (last edit{" "}
              {new Date(autosave.restoreOffer.keptAt).toLocaleString()}). Restore them, or discard them and continue from the saved
              version.
            </p>
            <button type="button" className={buttonClass.primary} onClick={autosave.restore}>
              Restore
            </button>
            <button type="button" className={buttonClass.secondary} onClick={autosave.discard}>
              Discard
            </button>
          </div>
        ) : null}
        {autosave.conflict ? (
          autosave.conflict.theirs ? (
            <ConflictResolver
              mine={autosave.conflict.mine}
              theirs={autosave.conflict.theirs}
              theirsSavedAt={autosave.conflict.theirs.savedAt}
              busy={false}
              onResolve={autosave.resolve}
            />
          ) : (
            <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              <p>{autosave.conflict.loadError ?? "Someone else saved this story while you were editing. Loading their version…"}</p>
              {autosave.conflict.loadError ? (
                <button type="button" className={`${buttonClass.secondary} mt-2`} onClick={autosave.retryConflictLoad}>
                  Try again
                </button>
              ) : null}
            </div>
          )
        ) : null}
        {/* Hidden, not unmounted, during a conflict: the editor keeps its state and undo history. */}
        <div className={autosave.conflict ? "hidden" : "space-y-4"}>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-title`} className="text-sm font-medium text-gray-700">
              Title
            </label>
            <input
              id={`${ids}-title`}
              lang={story.locale}
              value={autosave.title}
              onChange={(event) => autosave.setField("title", event.target.value)}
              readOnly={!can.edit || holding}
              maxLength={TITLE_MAX}
              className={`${inputClass} text-lg font-semibold`}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-standfirst`} className="text-sm font-medium text-gray-700">
              Standfirst
            </label>
            <textarea
              id={`${ids}-standfirst`}
              lang={story.locale}
              value={autosave.standfirst}
              onChange={(event) => autosave.setField("standfirst", event.target.value)}
              readOnly={!can.edit || holding}
              rows={2}
              maxLength={STANDFIRST_MAX}
              aria-describedby={`${ids}-standfirst-count`}
              className={inputClass}
            />
            <LengthCounter id={`${ids}-standfirst-count`} length={autosave.standfirst.length} max={STANDFIRST_MAX} />
          </div>
          <div className="rounded-lg border border-gray-300 bg-white">
            {editor && can.edit ? (
              <Toolbar editor={editor} choosePortrait={portraits.choose}>
                <MediaTools editor={editor} storyId={story.id} />
              </Toolbar>
            ) : null}
            <EditorContent editor={editor} />
          </div>
          {portraits.dialog}
        </div>
      </div>

      <aside aria-label="Save and workflow" className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <div className="rounded-lg border border-gray-200 bg-white p-4">
          <p role="status" data-testid="save-state" className="text-sm font-medium text-gray-700">
            {can.edit
              ? statusLabel(status)
              : story.status === "approved"
                ? "Approved and locked. An editor can reopen it for changes."
                : "Read-only: you can't edit this story in its current state."}
          </p>
          {editor ? <StoryLength editor={editor} /> : null}
          {can.edit && status.kind === "offline" ? (
            <p className="mt-2 text-xs text-gray-600">Your text is kept in this browser until the server has it.</p>
          ) : null}
          {shownError ? (
            <p data-testid="form-error" className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {shownError}
            </p>
          ) : null}
          {can.edit ? (
            <button
              type="button"
              className={`${buttonClass.secondary} mt-3 w-full`}
              disabled={pending || status.kind === "saving" || holding}
              onClick={() => void saveNow()}
            >
              Save
            </button>
          ) : null}
        </div>

        {can.submit || can.withdraw || can.review || can.reopen ? (
          <div className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
            <h2 className="text-sm font-semibold text-gray-800">Next step</h2>
            {can.submit ? (
              <button type="button" className={`${buttonClass.primary} w-full`} disabled={pending} onClick={() => step("submit")}>
                Submit for review
              </button>
            ) : null}
            {can.withdraw ? (
              <button type="button" className={`${buttonClass.secondary} w-full`} disabled={pending} onClick={() => step("withdraw")}>
                Withdraw from review
              </button>
            ) : null}
            {can.review ? (
              <>
                <div className="flex flex-col gap-1">
                  <label htmlFor={`${ids}-comment`} className="text-sm font-medium text-gray-700">
                    Comment for the author
                  </label>
                  <textarea
                    id={`${ids}-comment`}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    rows={4}
                    className={inputClass}
                  />
                </div>
                <button type="button" className={`${buttonClass.primary} w-full`} disabled={pending} onClick={() => step("approve")}>
                  Approve
                </button>
                <button type="button" className={`${buttonClass.danger} w-full`} disabled={pending} onClick={() => step("requestChanges")}>
                  Request changes
                </button>
              </>
            ) : null}
            {can.reopen ? (
              <button type="button" className={`${buttonClass.secondary} w-full`} disabled={pending} onClick={() => step("reopen")}>
                Reopen for editing
              </button>
            ) : null}
          </div>
        ) : null}
      </aside>
    </div>
  );
}
