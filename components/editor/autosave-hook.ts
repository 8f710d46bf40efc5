"use client";

import type { Editor, JSONContent } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { currentStoryAction } from "@/app/(studio)/studio/stories/actions";
import type { SavedStory } from "@/lib/stories/save-story";
import { BODY_TOO_LONG, bodyBytes, MAX_BODY_BYTES } from "@/lib/content/limits";
import { AutosaveScheduler, type AutosaveStatus, type SaveOutcome } from "./autosave";
import { dropDraft, keepDraft, readDraft, type UnsavedDraft } from "./autosave-backup";
import type { StoryText } from "./conflict-merge";
import type { Resolution } from "./conflict-resolver";

export interface AutosaveStory {
  id: string;
  version: number;
  title: string;
  standfirst: string;
  body: JSONContent;
}

export interface OpenConflict {
  mine: StoryText;
  /** Null while the stored version is being fetched, or when that failed. */
  theirs: (StoryText & { version: number; savedAt: Date }) | null;
  loadError: string | null;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

export function statusLabel(status: AutosaveStatus): string {
  switch (status.kind) {
    case "saved":
      return status.savedAt ? `Saved at ${clock.format(status.savedAt)}` : "All changes saved";
    case "dirty":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "offline":
      return "Offline — will retry";
    case "conflict":
      return "Conflict: someone else saved this story";
    case "refused":
      return "Not saved";
  }
}

const TOO_LONG_TO_SAVE = `${BODY_TOO_LONG} Shorten it, or split it into two stories; it is saved again once it fits.`;

/** How long after the last keystroke the browser copy is refreshed. */
const BACKUP_DELAY_MS = 300;

const sameText = (a: StoryText, b: StoryText) =>
  a.title === b.title && a.standfirst === b.standfirst && JSON.stringify(a.body) === JSON.stringify(b.body);

/**
 * The editor's save machinery: autosave through AutosaveScheduler, a copy of unsaved text
 * in the browser, the restore offer after a crash, and the conflict screen's data. The
 * version each save starts from lives in a ref, not in React state or a key, so a save
 * never re-renders or remounts the editor.
 */
export function useStoryAutosave(story: AutosaveStory, editor: Editor | null, enabled: boolean) {
  const [title, setTitle] = useState(story.title);
  const [standfirst, setStandfirst] = useState(story.standfirst);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "saved", savedAt: null });
  const [conflict, setConflict] = useState<OpenConflict | null>(null);
  const [restoreOffer, setRestoreOffer] = useState<UnsavedDraft | null>(null);
  const version = useRef(story.version);
  const fields = useRef({ title: story.title, standfirst: story.standfirst });
  const editorRef = useRef(editor);
  const scheduler = useRef<AutosaveScheduler | null>(null);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const storyId = story.id;

  const loadedBody = useRef(story.body);
  // Stable for the life of the editor: a server re-render (a comment posted) must not
  // restart the scheduler and forget what is unsaved.
  const currentText = useCallback(
    (): StoryText => ({ ...fields.current, body: editorRef.current?.getJSON() ?? loadedBody.current }),
    [],
  );

  const keepBackupSoon = useCallback(() => {
    if (backupTimer.current) clearTimeout(backupTimer.current);
    backupTimer.current = setTimeout(() => {
      backupTimer.current = null;
      if (!scheduler.current?.dirty) return;
      keepDraft({ storyId, baseVersion: version.current, ...currentText(), keptAt: new Date().toISOString() });
    }, BACKUP_DELAY_MS);
  }, [storyId, currentText]);

  const openConflict = useCallback(
    async (mine: StoryText) => {
      setConflict({ mine, theirs: null, loadError: null });
      try {
        const result = await currentStoryAction(storyId);
        if (!result.ok) {
          setConflict({ mine, theirs: null, loadError: result.error });
          return;
        }
        const theirs = { ...result.data, savedAt: new Date(result.data.updatedAt) };
        if (sameText(mine, theirs)) {
          // Nothing differs (our own save landed unanswered): continue from the stored version.
          version.current = theirs.version;
          setConflict(null);
          dropDraft(storyId);
          scheduler.current?.resolved(true, theirs.savedAt);
          return;
        }
        setConflict({ mine, theirs, loadError: null });
      } catch {
        setConflict({ mine, theirs: null, loadError: "The server can't be reached. Your text is safe here; try again in a moment." });
      }
    },
    [storyId],
  );

  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  useEffect(() => {
    if (!enabled) return;
    const save = async (): Promise<SaveOutcome> => {
      // The snapshot is taken before the first await: exactly what this save carries.
      const sent = currentText();
      const body = JSON.stringify(sent.body);
      // The server would refuse it, and a body past the server actions' 1 MB limit never
      // reaches saveStory at all: say so here instead of sending megabytes to be refused.
      if (bodyBytes(body) > MAX_BODY_BYTES) return { kind: "refused", message: TOO_LONG_TO_SAVE };
      // A network failure throws: the scheduler keeps the text and retries ("Offline").
      const response = await fetch(`/api/stories/${encodeURIComponent(storyId)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: version.current, title: sent.title, standfirst: sent.standfirst, body }),
      });
      const answer = (await response.json().catch(() => null)) as (Partial<SavedStory> & { error?: string }) | null;
      if (response.ok && answer?.version !== undefined && answer.updatedAt) {
        version.current = answer.version;
        return { kind: "saved", savedAt: new Date(answer.updatedAt) };
      }
      if (response.status === 409) {
        void openConflict(currentText());
        return { kind: "conflict" };
      }
      // The server is down or overloaded: nothing was refused, so try again like offline.
      if (response.status >= 500) throw new Error(`save answered ${response.status}`);
      return { kind: "refused", message: answer?.error ?? `The story was not saved (HTTP ${response.status}).` };
    };
    const autosave = new AutosaveScheduler({
      save,
      onStatus: (next) => {
        setStatus(next);
        if (next.kind === "saved") {
          if (backupTimer.current) clearTimeout(backupTimer.current);
          dropDraft(storyId);
        } else if (next.kind === "dirty") {
          // Edits made during a save: keep them against the version that save produced.
          keepBackupSoon();
        }
      },
    });
    scheduler.current = autosave;
    const online = () => autosave.online();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      autosave.dispose();
      scheduler.current = null;
    };
  }, [enabled, storyId, currentText, openConflict, keepBackupSoon]);

  /**
   * Called once the editor exists. A copy left by a crash, a closed tab or a reload is
   * offered back, and the editor held still until the writer decides, so new typing
   * cannot overwrite the copy.
   */
  const editorCreated = useCallback(
    (created: Editor) => {
      editorRef.current = created;
      if (!enabled) return;
      const draft = readDraft(storyId);
      if (!draft) return;
      const stored = { title: story.title, standfirst: story.standfirst, body: created.getJSON() };
      // Same text as stored (the last save landed, but the tab died before its answer): nothing to offer.
      if (sameText(draft, stored)) {
        dropDraft(storyId);
        return;
      }
      // No update event: that would count as an edit and autosave over the copy's base.
      created.setEditable(false, false);
      setRestoreOffer(draft);
    },
    [enabled, storyId, story.title, story.standfirst],
  );

  const edited = useCallback(() => {
    scheduler.current?.edited();
    keepBackupSoon();
  }, [keepBackupSoon]);

  const setField = useCallback(
    (name: "title" | "standfirst", value: string) => {
      fields.current = { ...fields.current, [name]: value };
      (name === "title" ? setTitle : setStandfirst)(value);
      edited();
    },
    [edited],
  );

  /** Puts a chosen text in the editor without counting it as the writer's typing. */
  const showText = useCallback((text: StoryText) => {
    fields.current = { title: text.title, standfirst: text.standfirst };
    setTitle(text.title);
    setStandfirst(text.standfirst);
    editorRef.current?.commands.setContent(text.body, { emitUpdate: false });
  }, []);

  const restore = useCallback(() => {
    const draft = restoreOffer;
    if (!draft) return;
    setRestoreOffer(null);
    editorRef.current?.setEditable(true, false);
    showText(draft);
    scheduler.current?.edited();
    if (draft.baseVersion !== version.current) {
      // Written on top of a version that has moved on: save it from that version, so the
      // server answers with a conflict and the writer compares before anything is overwritten.
      version.current = draft.baseVersion;
      void scheduler.current?.saveNow();
    }
  }, [restoreOffer, showText]);

  const discard = useCallback(() => {
    setRestoreOffer(null);
    dropDraft(storyId);
    editorRef.current?.setEditable(true, false);
  }, [storyId]);

  const resolve = useCallback(
    ({ choice, text }: Resolution) => {
      if (!conflict?.theirs) return;
      version.current = conflict.theirs.version;
      setConflict(null);
      showText(text);
      if (choice === "theirs") {
        dropDraft(storyId);
        scheduler.current?.resolved(true, conflict.theirs.savedAt);
      } else {
        scheduler.current?.resolved(false);
      }
    },
    [conflict, showText, storyId],
  );

  const retryConflictLoad = useCallback(() => {
    if (conflict) void openConflict(conflict.mine);
  }, [conflict, openConflict]);

  const saveNow = useCallback(async () => (await scheduler.current?.saveNow()) ?? false, []);

  return {
    title,
    standfirst,
    setField,
    edited,
    status,
    /** Anything typed that the server has not confirmed. */
    unsaved: status.kind !== "saved",
    saveNow,
    version: () => version.current,
    editorCreated,
    conflict,
    resolve,
    retryConflictLoad,
    restoreOffer,
    restore,
    discard,
  };
}
