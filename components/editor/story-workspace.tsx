"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { saveStoryAction, transitionStoryAction } from "@/app/(studio)/studio/stories/actions";
import type { StoryStatus } from "@/lib/domain-types";
import type { StoryAction } from "@/lib/workflow";
import { buttonClass, inputClass } from "../ui/field";
import { storyExtensions } from "./extensions";
import { Toolbar } from "./toolbar";

export interface WorkspaceStory {
  id: string;
  version: number;
  title: string;
  standfirst: string;
  body: JSONContent;
  status: StoryStatus;
}

export interface WorkspacePermissions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  review: boolean;
  reopen: boolean;
}

type SaveState = "saved" | "dirty" | "saving" | "error";

const SAVE_LABEL: Record<SaveState, string> = {
  saved: "All changes saved",
  dirty: "Unsaved changes",
  saving: "Saving…",
  error: "Not saved",
};

/**
 * The editor with the story's save state and next workflow step always in view. The text
 * lives here until the server confirms a save: a refused save never loses it.
 */
export function StoryWorkspace({ story, can }: { story: WorkspaceStory; can: WorkspacePermissions }) {
  const router = useRouter();
  const ids = useId();
  const [title, setTitle] = useState(story.title);
  const [standfirst, setStandfirst] = useState(story.standfirst);
  const [comment, setComment] = useState("");
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const version = useRef(story.version);

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
      },
    },
    onUpdate: () => setSaveState("dirty"),
  });

  const dirty = saveState === "dirty" || saveState === "error";

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!editor) return false;
    setSaveState("saving");
    setError(null);
    const result = await saveStoryAction({
      storyId: story.id,
      version: version.current,
      title,
      standfirst,
      body: JSON.stringify(editor.getJSON()),
    });
    if (!result.ok) {
      setSaveState("error");
      setError(result.error);
      return false;
    }
    version.current = result.data.version;
    setSaveState("saved");
    return true;
  }, [editor, story.id, title, standfirst]);

  useEffect(() => {
    if (!can.edit) return;
    const onKey = (event: KeyboardEvent) => {
      // Ctrl+Shift+S is strikethrough, not save.
      if ((event.metaKey || event.ctrlKey) && !event.shiftKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        startTransition(async () => void (await save()));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [can.edit, save]);

  const step = (action: StoryAction) =>
    startTransition(async () => {
      if (can.edit && dirty && !(await save())) return;
      setError(null);
      const result = await transitionStoryAction(action, { storyId: story.id, version: version.current, comment });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setComment("");
      router.refresh();
    });

  const changed = (setter: (value: string) => void) => (event: { target: { value: string } }) => {
    setter(event.target.value);
    setSaveState("dirty");
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-title`} className="text-sm font-medium text-gray-700">
            Title
          </label>
          <input
            id={`${ids}-title`}
            value={title}
            onChange={changed(setTitle)}
            readOnly={!can.edit}
            maxLength={200}
            className={`${inputClass} text-lg font-semibold`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-standfirst`} className="text-sm font-medium text-gray-700">
            Standfirst
          </label>
          <textarea
            id={`${ids}-standfirst`}
            value={standfirst}
            onChange={changed(setStandfirst)}
            readOnly={!can.edit}
            rows={2}
            maxLength={600}
            className={inputClass}
          />
        </div>
        <div className="rounded-lg border border-gray-300 bg-white">
          {editor && can.edit ? <Toolbar editor={editor} /> : null}
          <EditorContent editor={editor} />
        </div>
      </div>

      <aside aria-label="Save and workflow" className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <div className="rounded-lg border border-gray-200 bg-white p-4">
          <p role="status" data-testid="save-state" className="text-sm font-medium text-gray-700">
            {can.edit
              ? SAVE_LABEL[saveState]
              : story.status === "approved"
                ? "Approved and locked. An editor can reopen it for changes."
                : "Read-only: you can't edit this story in its current state."}
          </p>
          {error ? (
            <p data-testid="form-error" className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          {can.edit ? (
            <button
              type="button"
              className={`${buttonClass.secondary} mt-3 w-full`}
              disabled={pending || saveState === "saving"}
              onClick={() => startTransition(async () => void (await save()))}
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
