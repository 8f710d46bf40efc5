"use client";

import * as Popover from "@radix-ui/react-popover";
import type { Editor } from "@tiptap/react";

export const TOOL_BUTTON_CLASS =
  "min-w-9 rounded px-2 py-1 text-sm font-semibold text-gray-800 hover:bg-gray-200 disabled:text-gray-400 disabled:hover:bg-transparent aria-pressed:bg-brand-700 aria-pressed:text-white";

/**
 * A toolbar button that opens a small form next to itself. Closing it puts the cursor
 * back in the text, where the author was.
 */
export function ToolPopover({
  editor,
  label,
  text,
  title,
  keyshortcuts,
  pressed,
  disabled,
  open,
  onOpenChange,
  keepOpen,
  children,
}: {
  editor: Editor;
  label: string;
  text: string;
  title?: string;
  keyshortcuts?: string;
  pressed?: boolean;
  disabled?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** While true, a click or the focus elsewhere (a dialog the form opened) leaves it open. */
  keepOpen?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={label}
          title={title ?? label}
          aria-keyshortcuts={keyshortcuts}
          aria-pressed={pressed}
          disabled={disabled}
          className={TOOL_BUTTON_CLASS}
        >
          {text}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          aria-label={label}
          align="start"
          sideOffset={6}
          onInteractOutside={(event) => {
            if (keepOpen) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            // At once, not on the next frame as commands.focus() does: keys typed meanwhile would be lost.
            editor.view.focus();
          }}
          className="z-50 w-80 rounded-lg border border-gray-200 bg-white p-4 shadow-lg"
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
