"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { buttonClass, Field, inputClass } from "../ui/field";
import { SAFE_HREF } from "./extensions";
import { ToolPopover } from "./tool-popover";

/** Edits the link at the cursor: set, change or remove it. Opens from the toolbar or Ctrl+K. */
export function LinkPopover({ editor, keys }: { editor: Editor; keys: { shown: string; aria: string } }) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState("");
  const [error, setError] = useState<string | undefined>();
  const active = useEditorState({ editor, selector: ({ editor: e }) => e.isActive("link") });

  const show = (next: boolean) => {
    if (next) {
      setHref(String(editor.getAttributes("link").href ?? ""));
      setError(undefined);
    }
    setOpen(next);
  };

  useEffect(() => {
    const dom = editor.view.dom;
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setHref(String(editor.getAttributes("link").href ?? ""));
        setError(undefined);
        setOpen(true);
      }
    };
    dom.addEventListener("keydown", onKey);
    return () => dom.removeEventListener("keydown", onKey);
  }, [editor]);

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    if (value === "") {
      editor.chain().extendMarkRange("link").unsetLink().run();
    } else if (!SAFE_HREF.test(value)) {
      setError("Use a web address (https://…), an email (mailto:…) or a path on this site (/…).");
      return;
    } else {
      editor.chain().extendMarkRange("link").setLink({ href: value }).run();
    }
    setOpen(false);
  };

  const remove = () => {
    editor.chain().extendMarkRange("link").unsetLink().run();
    setOpen(false);
  };

  return (
    <ToolPopover
      editor={editor}
      label="Link"
      text="Link"
      title={`Link (${keys.shown})`}
      keyshortcuts={keys.aria}
      pressed={active}
      open={open}
      onOpenChange={show}
    >
      <form onSubmit={apply} className="space-y-3" noValidate>
        <Field label="Link address" error={error} hint="https://…, mailto:… or a path on this site">
          {(props) => (
            <input {...props} type="url" value={href} onChange={(e) => setHref(e.target.value)} className={inputClass} />
          )}
        </Field>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass.primary}>
            Apply link
          </button>
          {active ? (
            <button type="button" onClick={remove} className={buttonClass.secondary}>
              Remove link
            </button>
          ) : null}
        </div>
      </form>
    </ToolPopover>
  );
}
