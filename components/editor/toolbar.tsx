"use client";

import { useEditorState, type Editor } from "@tiptap/react";

type Tool = {
  label: string;
  text: string;
  /** The editor's own shortcut for the same command, "Mod" being Ctrl, or ⌘ on a Mac. */
  keys?: string[];
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
};

const TOOLS: Tool[] = [
  { label: "Bold", text: "B", keys: ["Mod", "B"], run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive("bold") },
  { label: "Italic", text: "I", keys: ["Mod", "I"], run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive("italic") },
  { label: "Underline", text: "U", keys: ["Mod", "U"], run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive("underline") },
  { label: "Strikethrough", text: "S", keys: ["Mod", "Shift", "S"], run: (e) => e.chain().focus().toggleStrike().run(), active: (e) => e.isActive("strike") },
  { label: "Heading", text: "H2", keys: ["Mod", "Alt", "2"], run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive("heading", { level: 2 }) },
  { label: "Subheading", text: "H3", keys: ["Mod", "Alt", "3"], run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive("heading", { level: 3 }) },
  { label: "Bulleted list", text: "• List", keys: ["Mod", "Shift", "8"], run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive("bulletList") },
  { label: "Numbered list", text: "1. List", keys: ["Mod", "Shift", "7"], run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive("orderedList") },
  { label: "Quote", text: "“ ”", keys: ["Mod", "Shift", "B"], run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive("blockquote") },
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
  { label: "Undo", text: "↶", keys: ["Mod", "Z"], run: (e) => e.chain().focus().undo().run() },
  { label: "Redo", text: "↷", keys: ["Mod", "Shift", "Z"], run: (e) => e.chain().focus().redo().run() },
];

const MAC_KEYS: Record<string, string> = { Mod: "⌘", Shift: "⇧", Alt: "⌥" };

/** The shortcut as the tooltip shows it and as aria-keyshortcuts names it, for this platform. */
function shortcut(keys: string[]): { shown: string; aria: string } {
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const aria = keys.map((key) => (key === "Mod" ? (mac ? "Meta" : "Control") : key)).join("+");
  const shown = mac ? keys.map((key) => MAC_KEYS[key] ?? key).join("") : aria.replace("Control", "Ctrl");
  return { shown, aria };
}

export function Toolbar({ editor, children }: { editor: Editor; children?: React.ReactNode }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => TOOLS.map((tool) => tool.active?.(e) ?? false),
  });
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 border-b border-gray-200 bg-gray-50 p-2">
      {TOOLS.map((tool, i) => {
        const keys = tool.keys ? shortcut(tool.keys) : null;
        return (
          <button
            key={tool.label}
            type="button"
            aria-label={tool.label}
            title={keys ? `${tool.label} (${keys.shown})` : tool.label}
            aria-keyshortcuts={keys?.aria}
            aria-pressed={tool.active ? Boolean(active[i]) : undefined}
            onClick={() => tool.run(editor)}
            className="min-w-9 rounded px-2 py-1 text-sm font-semibold text-gray-800 hover:bg-gray-200 aria-pressed:bg-brand-700 aria-pressed:text-white"
          >
            {tool.text}
          </button>
        );
      })}
      {children}
    </div>
  );
}
