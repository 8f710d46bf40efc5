"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { ImageForm } from "./image-form";
import { LinkPopover } from "./link-popover";
import { SpeakerCardForm } from "./speaker-card-form";
import { TableMenu } from "./table-menu";
import { TOOL_BUTTON_CLASS } from "./tool-popover";

type Tool = {
  label: string;
  text: string;
  /** The editor's own shortcut for the same command, "Mod" being Ctrl, or ⌘ on a Mac. */
  keys?: string[];
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
};

const TEXT_TOOLS: Tool[] = [
  { label: "Paragraph", text: "¶", keys: ["Mod", "Alt", "0"], run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive("paragraph") },
  { label: "Bold", text: "B", keys: ["Mod", "B"], run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive("bold") },
  { label: "Italic", text: "I", keys: ["Mod", "I"], run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive("italic") },
  { label: "Underline", text: "U", keys: ["Mod", "U"], run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive("underline") },
  { label: "Strikethrough", text: "S", keys: ["Mod", "Shift", "S"], run: (e) => e.chain().focus().toggleStrike().run(), active: (e) => e.isActive("strike") },
  { label: "Heading", text: "H2", keys: ["Mod", "Alt", "2"], run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive("heading", { level: 2 }) },
  { label: "Subheading", text: "H3", keys: ["Mod", "Alt", "3"], run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive("heading", { level: 3 }) },
  { label: "Minor heading", text: "H4", keys: ["Mod", "Alt", "4"], run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run(), active: (e) => e.isActive("heading", { level: 4 }) },
  { label: "Bulleted list", text: "• List", keys: ["Mod", "Shift", "8"], run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive("bulletList") },
  { label: "Numbered list", text: "1. List", keys: ["Mod", "Shift", "7"], run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive("orderedList") },
  { label: "Quote", text: "“ ”", keys: ["Mod", "Shift", "B"], run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive("blockquote") },
];

const BLOCK_TOOLS: Tool[] = [
  { label: "Line break", text: "↵", keys: ["Shift", "Enter"], run: (e) => e.chain().focus().setHardBreak().run() },
  { label: "Divider", text: "—", run: (e) => e.chain().focus().setHorizontalRule().run() },
];

const HISTORY_TOOLS: Tool[] = [
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

const TOOLS = [...TEXT_TOOLS, ...BLOCK_TOOLS, ...HISTORY_TOOLS];

/**
 * The editor's controls. `choosePortrait` is how the media library offers a speaker's
 * portrait; without it the speaker card form takes a media address.
 */
export function Toolbar({
  editor,
  choosePortrait,
  children,
}: {
  editor: Editor;
  choosePortrait?: () => Promise<string | null>;
  /** More controls at the end of the row (the media tools). */
  children?: React.ReactNode;
}) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => TOOLS.map((tool) => tool.active?.(e) ?? false),
  });
  const button = (tool: Tool) => {
    const keys = tool.keys ? shortcut(tool.keys) : null;
    const pressed = tool.active ? Boolean(active[TOOLS.indexOf(tool)]) : undefined;
    return (
      <button
        key={tool.label}
        type="button"
        aria-label={tool.label}
        title={keys ? `${tool.label} (${keys.shown})` : tool.label}
        aria-keyshortcuts={keys?.aria}
        aria-pressed={pressed}
        // Keeps the focus (and the marks chosen for the next keystroke) in the text.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => tool.run(editor)}
        className={TOOL_BUTTON_CLASS}
      >
        {tool.text}
      </button>
    );
  };
  return (
    <div role="toolbar" aria-label="Formatting" className="sticky top-0 z-10 flex flex-wrap gap-1 rounded-t-lg border-b border-gray-200 bg-gray-50 p-2">
      {TEXT_TOOLS.map(button)}
      <LinkPopover editor={editor} keys={shortcut(["Mod", "K"])} />
      {BLOCK_TOOLS.map(button)}
      <TableMenu editor={editor} />
      <SpeakerCardForm editor={editor} choosePortrait={choosePortrait} />
      <ImageForm editor={editor} />
      {HISTORY_TOOLS.map(button)}
      {children}
    </div>
  );
}
