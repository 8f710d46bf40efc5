"use client";

import { NodeSelection } from "@tiptap/pm/state";
import { useEditorState, type Editor } from "@tiptap/react";
import { useState } from "react";
import { buttonClass, Field, inputClass } from "../ui/field";
import type { ImageAttrs } from "./extensions";
import { ToolPopover } from "./tool-popover";

const selectedImage = (editor: Editor): ImageAttrs | null => {
  const { selection } = editor.state;
  return selection instanceof NodeSelection && selection.node.type.name === "image"
    ? (selection.node.attrs as ImageAttrs)
    : null;
};

/** Alt text, caption and credit of the image selected in the text. */
export function ImageForm({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ alt: "", caption: "", credit: "" });
  const image = useEditorState({ editor, selector: ({ editor: e }) => selectedImage(e) });

  const show = (next: boolean) => {
    const current = selectedImage(editor);
    if (next && current) setFields({ alt: current.alt, caption: current.caption, credit: current.credit });
    setOpen(next && current !== null);
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    editor.chain().updateAttributes("image", {
      alt: fields.alt.trim(),
      caption: fields.caption.trim(),
      credit: fields.credit.trim(),
    }).run();
    setOpen(false);
  };

  const field = (key: keyof typeof fields) => ({
    value: fields[key],
    onChange: (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value }),
    className: `${inputClass} w-full`,
  });

  return (
    <ToolPopover
      editor={editor}
      label="Image details"
      text="Image…"
      title={image ? "Image details: alt text, caption, credit" : "Image details (select an image first)"}
      disabled={!image}
      open={open}
      onOpenChange={show}
    >
      <form onSubmit={save} className="space-y-3">
        <Field label="Alt text" hint="What the image shows, for readers who cannot see it.">
          {(props) => <textarea {...props} rows={2} {...field("alt")} />}
        </Field>
        <Field label="Caption">{(props) => <input {...props} {...field("caption")} />}</Field>
        <Field label="Credit" hint="e.g. Photo: LMEC">
          {(props) => <input {...props} {...field("credit")} />}
        </Field>
        <button type="submit" className={buttonClass.primary}>
          Save image details
        </button>
      </form>
    </ToolPopover>
  );
}
