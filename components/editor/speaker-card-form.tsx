"use client";

import { NodeSelection } from "@tiptap/pm/state";
import { useEditorState, type Editor } from "@tiptap/react";
import { useState } from "react";
import { mediaIdFromUrl } from "@/lib/media/urls";
import { buttonClass, Field, inputClass } from "../ui/field";
import { ToolPopover } from "./tool-popover";

type SpeakerFields = { name: string; title: string; quote: string; photo: string };

const EMPTY: SpeakerFields = { name: "", title: "", quote: "", photo: "" };

const selectedCard = (editor: Editor): SpeakerFields | null => {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== "speakerCard") return null;
  const { name, title, quote, photo } = selection.node.attrs as SpeakerFields & { photo: string | null };
  return { name, title, quote, photo: photo ?? "" };
};

/**
 * Inserts a speaker card, or edits the one selected in the text. `choosePortrait` lets the
 * media library supply the portrait; without it the portrait is a media URL typed in.
 */
export function SpeakerCardForm({
  editor,
  choosePortrait,
}: {
  editor: Editor;
  choosePortrait?: () => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof SpeakerFields, string>>>({});
  // While the media library is open over the form.
  const [picking, setPicking] = useState(false);
  const editing = useEditorState({ editor, selector: ({ editor: e }) => selectedCard(e) !== null });

  const show = (next: boolean) => {
    if (next) {
      setFields(selectedCard(editor) ?? EMPTY);
      setErrors({});
    }
    setOpen(next);
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const attrs = {
      name: fields.name.trim(),
      title: fields.title.trim(),
      quote: fields.quote.trim(),
      photo: fields.photo.trim() || null,
    };
    const found: typeof errors = {};
    if (!attrs.name) found.name = "Give the speaker's name.";
    if (attrs.photo && !mediaIdFromUrl(attrs.photo)) found.photo = "Use an image from the media library (/media/…).";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (selectedCard(editor)) editor.chain().updateAttributes("speakerCard", attrs).run();
    else editor.chain().insertContent({ type: "speakerCard", attrs }).run();
    setOpen(false);
  };

  const field = (key: keyof SpeakerFields) => ({
    value: fields[key],
    onChange: (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value }),
    className: `${inputClass} w-full`,
  });

  const pick = async () => {
    if (!choosePortrait) return;
    setPicking(true);
    try {
      const url = await choosePortrait();
      if (url) {
        setFields((current) => ({ ...current, photo: url }));
        setErrors(({ photo: _, ...rest }) => rest);
      }
    } finally {
      setPicking(false);
    }
  };

  const portrait = fields.photo.trim();

  return (
    <ToolPopover
      editor={editor}
      label="Speaker card"
      text="Speaker"
      title={editing ? "Edit speaker card" : "Insert speaker card"}
      open={open}
      onOpenChange={show}
      keepOpen={picking}
    >
      <form onSubmit={save} className="space-y-3" noValidate>
        <Field label="Name" error={errors.name}>
          {(props) => <input {...props} {...field("name")} />}
        </Field>
        <Field label="Title" hint="Role and organisation">
          {(props) => <input {...props} {...field("title")} />}
        </Field>
        <Field label="Quote">{(props) => <textarea {...props} rows={3} {...field("quote")} />}</Field>
        <Field
          label="Portrait"
          error={errors.photo}
          hint={choosePortrait ? "Choose one from the media library; empty shows initials." : "A media library address; empty shows initials."}
        >
          {(props) => (
            <div className="flex items-center gap-2">
              {mediaIdFromUrl(portrait) ? (
                // eslint-disable-next-line @next/next/no-img-element -- our own immutable variant
                <img src={portrait} alt="" data-testid="portrait-preview" className="size-10 shrink-0 rounded-full bg-gray-100 object-cover" />
              ) : null}
              <input {...props} {...field("photo")} />
            </div>
          )}
        </Field>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass.primary}>
            {editing ? "Update speaker card" : "Insert speaker card"}
          </button>
          {choosePortrait ? (
            <button type="button" onClick={() => void pick()} className={buttonClass.secondary}>
              Choose portrait…
            </button>
          ) : null}
        </div>
      </form>
    </ToolPopover>
  );
}
