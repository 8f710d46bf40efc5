"use client";

import { Plugin, PluginKey } from "@tiptap/pm/state";
import { useEditorState, type Editor } from "@tiptap/react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { mediaUrl } from "@/lib/media/urls";
import { inputClass } from "../ui/field";
import { MediaLibraryDialog, type LibraryItem } from "./media-library-dialog";
import { uploadImage, UploadRefused } from "./upload-image";

interface Upload {
  key: string;
  name: string;
  /** 0–1 while sending; null once refused. */
  progress: number | null;
  refusal?: string;
}

interface ImageDetails {
  id: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

interface MissingAlt {
  pos: number;
  mediaId: string | null;
  caption: string;
  src: string;
}

const mediaDropPaste = new PluginKey("mediaDropPaste");

const toolClass = "min-w-9 rounded px-2 py-1 text-sm font-semibold text-gray-800 hover:bg-gray-200";

/**
 * Images in the editor: the Image button (a file picker), drag-and-drop and paste of
 * image files, upload progress and refusals, the media library, and the images still
 * lacking alt text (a story cannot be submitted until each has some).
 */
export function MediaTools({ editor, storyId }: { editor: Editor; storyId: string }) {
  const ids = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [libraryOpen, setLibraryOpen] = useState(false);
  // File names of the images met in this session, to name them in the alt-text list.
  const [filenames, setFilenames] = useState<Record<string, string>>({});

  const insert = useCallback(
    (image: ImageDetails) => {
      // At the end of the selection, so an upload finishing never replaces what is selected
      // (after an insert, that is often the previous image).
      editor
        .chain()
        .focus()
        .insertContentAt(editor.state.selection.to, {
          type: "image",
          attrs: {
            src: mediaUrl(image.id),
            mediaId: image.id,
            alt: image.alt,
            caption: image.caption,
            credit: image.credit,
            width: image.width,
            height: image.height,
          },
        })
        .run();
    },
    [editor],
  );

  const upload = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = crypto.randomUUID();
        const update = (change: Partial<Upload>) =>
          setUploads((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
        setUploads((all) => [...all, { key, name: file.name, progress: 0 }]);
        uploadImage(file, storyId, (progress) => update({ progress }))
          .then((image) => {
            setFilenames((known) => ({ ...known, [image.id]: image.filename || file.name }));
            insert({ ...image, alt: "", caption: "", credit: "" });
            setUploads((all) => all.filter((item) => item.key !== key));
          })
          .catch((error: unknown) =>
            update({
              progress: null,
              refusal: error instanceof UploadRefused ? error.message : "The upload failed. Please try again.",
            }),
          );
      }
    },
    [insert, storyId],
  );

  useEffect(() => {
    const plugin = new Plugin({
      key: mediaDropPaste,
      props: {
        handlePaste: (_view, event) => {
          const data = event.clipboardData;
          // Word and web pages put a picture of the copied text beside it: text wins.
          if (!data || data.files.length === 0 || data.getData("text/plain").trim() !== "") return false;
          upload(Array.from(data.files));
          return true;
        },
        handleDrop: (view, event, _slice, moved) => {
          const files = event.dataTransfer?.files;
          if (moved || !files || files.length === 0) return false;
          event.preventDefault();
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (at) editor.commands.setTextSelection(at.pos);
          upload(Array.from(files));
          return true;
        },
      },
    });
    // First, so that a file never reaches the other paste and drop handlers.
    editor.registerPlugin(plugin, (added, plugins) => [added, ...plugins]);
    return () => void editor.unregisterPlugin(mediaDropPaste);
  }, [editor, upload]);

  const missing = useEditorState({
    editor,
    selector: ({ editor: e }): MissingAlt[] => {
      const found: MissingAlt[] = [];
      e.state.doc.descendants((node, pos) => {
        if (node.type.name === "image" && String(node.attrs.alt ?? "").trim() === "")
          found.push({ pos, mediaId: node.attrs.mediaId as string | null, caption: String(node.attrs.caption ?? ""), src: String(node.attrs.src ?? "") });
      });
      return found;
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  // Images already in the story when it was opened are named from the library.
  const unnamed = missing.some((image) => image.mediaId && !(image.mediaId in filenames));
  useEffect(() => {
    if (!unnamed) return;
    const controller = new AbortController();
    fetch("/api/media?limit=200", { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ items: LibraryItem[] }>) : { items: [] }))
      .then(({ items }) => setFilenames((known) => ({ ...Object.fromEntries(items.map((item) => [item.id, item.filename])), ...known })))
      .catch(() => undefined);
    return () => controller.abort();
  }, [unnamed]);

  const setAlt = (pos: number, alt: string) =>
    editor
      .chain()
      .command(({ tr }) => {
        tr.setNodeAttribute(pos, "alt", alt.trim());
        return true;
      })
      .run();

  return (
    <>
      <button type="button" aria-label="Image" title="Image (upload from this computer)" onClick={() => picker.current?.click()} className={toolClass}>
        Image
      </button>
      <button type="button" aria-label="Media library" title="Media library (earlier uploads)" onClick={() => setLibraryOpen(true)} className={toolClass}>
        Library
      </button>
      <input
        ref={picker}
        id={`${ids}-file`}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        multiple
        hidden
        data-testid="image-file-input"
        onChange={(event) => {
          upload(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
      <MediaLibraryDialog
        storyId={storyId}
        open={libraryOpen}
        onOpenChange={setLibraryOpen}
        onInsert={(item: LibraryItem) => {
          setFilenames((known) => ({ ...known, [item.id]: item.filename }));
          insert(item);
        }}
      />

      {uploads.length > 0 ? (
        <ul aria-label="Uploads" className="basis-full space-y-1 pt-1">
          {uploads.map((item) => (
            <li key={item.key} className="flex items-center gap-3 text-sm">
              <span className="max-w-56 truncate text-gray-800">{item.name || "Pasted image"}</span>
              {item.progress !== null ? (
                <progress aria-label={`Uploading ${item.name}`} max={1} value={item.progress} className="h-2 w-40 accent-brand-700" />
              ) : (
                <>
                  <span role="alert" className="text-red-700">
                    {item.refusal}
                  </span>
                  <button
                    type="button"
                    className="text-xs font-semibold text-gray-600 underline"
                    onClick={() => setUploads((all) => all.filter((other) => other.key !== item.key))}
                  >
                    Dismiss
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {missing.length > 0 ? (
        <section aria-label="Images without alt text" className="basis-full rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-900">
            {missing.length === 1 ? "This image needs" : "These images need"} alt text before the story can be submitted:
          </p>
          <ul className="mt-2 space-y-2">
            {missing.map((image) => (
              <MissingAltRow
                key={`${image.pos}-${image.src}`}
                image={image}
                label={image.caption || (image.mediaId ? filenames[image.mediaId] : undefined) || "Untitled image"}
                onSet={(alt) => setAlt(image.pos, alt)}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function MissingAltRow({ image, label, onSet }: { image: MissingAlt; label: string; onSet: (alt: string) => void }) {
  const id = useId();
  const [alt, setAlt] = useState("");
  return (
    <li className="flex flex-wrap items-center gap-2">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own immutable variant */}
      <img src={image.src} alt="" className="h-10 w-14 rounded bg-gray-100 object-cover" />
      <label htmlFor={id} className="text-sm text-gray-800">
        Alt text for “{label}”
      </label>
      <input
        id={id}
        value={alt}
        maxLength={500}
        onChange={(e) => setAlt(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && alt.trim()) {
            e.preventDefault();
            onSet(alt);
          }
        }}
        className={`${inputClass} min-w-48 flex-1 py-1`}
      />
      <button type="button" disabled={!alt.trim()} onClick={() => onSet(alt)} className="rounded-md bg-brand-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60">
        Set alt text
      </button>
    </li>
  );
}
