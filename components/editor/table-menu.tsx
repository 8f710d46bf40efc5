"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { useState } from "react";
import { buttonClass } from "../ui/field";
import { ToolPopover } from "./tool-popover";

type Action = { label: string; run: (editor: Editor) => boolean };

const ACTIONS: Action[] = [
  { label: "Add row above", run: (e) => e.chain().addRowBefore().run() },
  { label: "Add row below", run: (e) => e.chain().addRowAfter().run() },
  { label: "Delete row", run: (e) => e.chain().deleteRow().run() },
  { label: "Add column left", run: (e) => e.chain().addColumnBefore().run() },
  { label: "Add column right", run: (e) => e.chain().addColumnAfter().run() },
  { label: "Delete column", run: (e) => e.chain().deleteColumn().run() },
  { label: "Header row on/off", run: (e) => e.chain().toggleHeaderRow().run() },
];

/**
 * Inserts a table, or changes the one the cursor is in. The menu stays open between
 * changes, so several rows can be added in a row.
 */
export function TableMenu({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const inTable = useEditorState({ editor, selector: ({ editor: e }) => e.isActive("table") });

  const insert = () => {
    editor.chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
    setOpen(false);
  };

  const remove = () => {
    editor.chain().deleteTable().run();
    setOpen(false);
  };

  return (
    <ToolPopover editor={editor} label="Table" text="Table" pressed={inTable} open={open} onOpenChange={setOpen}>
      {inTable ? (
        <div role="group" aria-label="Change table" className="grid grid-cols-2 gap-1.5">
          {ACTIONS.map((action) => (
            <button key={action.label} type="button" onClick={() => action.run(editor)} className={`${buttonClass.secondary} px-2 py-1.5 text-xs`}>
              {action.label}
            </button>
          ))}
          <button type="button" onClick={remove} className={`${buttonClass.danger} col-span-2 px-2 py-1.5 text-xs`}>
            Delete table
          </button>
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-gray-700">A table of three rows and three columns, the first row a header.</p>
          <button type="button" onClick={insert} className={buttonClass.primary}>
            Insert table
          </button>
        </div>
      )}
    </ToolPopover>
  );
}
