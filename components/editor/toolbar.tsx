"use client";

import { useEditorState, type Editor } from "@tiptap/react";

type Tool = {
  label: string;
  text: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
};

const TOOLS: Tool[] = [
  { label: "Bold", text: "B", run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive("bold") },
  { label: "Italic", text: "I", run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive("italic") },
  { label: "Underline", text: "U", run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive("underline") },
  { label: "Heading", text: "H2", run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive("heading", { level: 2 }) },
  { label: "Subheading", text: "H3", run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive("heading", { level: 3 }) },
  { label: "Bulleted list", text: "• List", run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive("bulletList") },
  { label: "Numbered list", text: "1. List", run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive("orderedList") },
  { label: "Quote", text: "“ ”", run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive("blockquote") },
  {
    label: "Link",
    text: "Link",
    run: (e) => {
      const previous = String(e.getAttributes("link").href ?? "");
      const href = window.prompt("Link address (https://…, mailto:…, or empty to remove)", previous);
      if (href === null) return;
      if (href.trim() === "") e.chain().focus().extendMarkRange("link").unsetLink().run();
      else e.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
    },
    active: (e) => e.isActive("link"),
  },
  { label: "Divider", text: "—", run: (e) => e.chain().focus().setHorizontalRule().run() },
  { label: "Undo", text: "↶", run: (e) => e.chain().focus().undo().run() },
  { label: "Redo", text: "↷", run: (e) => e.chain().focus().redo().run() },
];

export function Toolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => TOOLS.map((tool) => tool.active?.(e) ?? false),
  });
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 border-b border-gray-200 bg-gray-50 p-2">
      {TOOLS.map((tool, i) => (
        <button
          key={tool.label}
          type="button"
          aria-label={tool.label}
          title={tool.label}
          aria-pressed={tool.active ? Boolean(active[i]) : undefined}
          onClick={() => tool.run(editor)}
          className="min-w-9 rounded px-2 py-1 text-sm font-semibold text-gray-800 hover:bg-gray-200 aria-pressed:bg-brand-700 aria-pressed:text-white"
        >
          {tool.text}
        </button>
      ))}
    </div>
  );
}
