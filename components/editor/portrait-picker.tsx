"use client";

import { useCallback, useRef, useState } from "react";
import { mediaUrl } from "@/lib/media/urls";
import { MediaLibraryDialog, type LibraryItem } from "./media-library-dialog";

/** The portrait's variant: a speaker card shows it small. */
const PORTRAIT_WIDTH = 480;

/**
 * The media library as the speaker card form's portrait picker. `choose()` opens it and
 * resolves with the chosen picture's media URL, or null when it is closed without one;
 * `dialog` is the element to render. On closing, the focus goes back to what had it
 * when `choose()` was called (the form's "Choose portrait…" button).
 */
export function usePortraitPicker(storyId: string): { choose: () => Promise<string | null>; dialog: React.ReactNode } {
  const [open, setOpen] = useState(false);
  const answer = useRef<((url: string | null) => void) | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const settle = (url: string | null) => {
    answer.current?.(url);
    answer.current = null;
  };

  const choose = useCallback(
    () =>
      new Promise<string | null>((resolve) => {
        answer.current?.(null);
        answer.current = resolve;
        opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setOpen(true);
      }),
    [],
  );

  const dialog = (
    <MediaLibraryDialog
      purpose="portrait"
      storyId={storyId}
      open={open}
      onOpenChange={(next) => {
        if (!next) settle(null);
        setOpen(next);
      }}
      onInsert={(item: LibraryItem) => settle(mediaUrl(item.id, PORTRAIT_WIDTH))}
      onCloseAutoFocus={(event) => {
        // Radix would focus the dialog's trigger, and this dialog has none.
        event.preventDefault();
        if (opener.current?.isConnected) opener.current.focus();
        opener.current = null;
      }}
    />
  );

  return { choose, dialog };
}
