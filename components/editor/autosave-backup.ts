import type { JSONContent } from "@tiptap/core";

/**
 * Unsaved text kept in this browser's localStorage, so a crash, a closed tab or a reload
 * loses nothing. One entry per story; it records the version the text was based on, so a
 * restore onto a newer stored version goes through the conflict screen instead of
 * overwriting someone else's save.
 */
export interface UnsavedDraft {
  storyId: string;
  baseVersion: number;
  title: string;
  standfirst: string;
  body: JSONContent;
  /** ISO time of the last edit kept. */
  keptAt: string;
}

const keyOf = (storyId: string) => `newsletter-studio:unsaved-story:${storyId}`;

export function readDraft(storyId: string): UnsavedDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(storyId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<UnsavedDraft>;
    if (draft.storyId !== storyId || typeof draft.baseVersion !== "number" || typeof draft.body !== "object") return null;
    return draft as UnsavedDraft;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the caller can say so. */
export function keepDraft(draft: UnsavedDraft): boolean {
  try {
    window.localStorage.setItem(keyOf(draft.storyId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function dropDraft(storyId: string): void {
  try {
    window.localStorage.removeItem(keyOf(storyId));
  } catch {
    // Storage disabled: there is nothing to drop.
  }
}
