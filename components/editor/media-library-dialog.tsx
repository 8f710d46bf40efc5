"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useId, useRef, useState } from "react";
import { mediaUrl } from "@/lib/media/urls";
import { buttonClass, inputClass } from "../ui/field";
import { uploadImage, UploadRefused } from "./upload-image";

/** One earlier upload, as GET /api/media lists it. */
export interface LibraryItem {
  id: string;
  width: number;
  height: number;
  filename: string;
  alt: string;
  caption: string;
  credit: string;
  /** A small variant, for the grid. */
  src: string;
}

type Listing = { state: "loading" } | { state: "ready"; items: LibraryItem[] } | { state: "error"; message: string };
type Answer = Listing & { query: string };

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `The media library did not answer (HTTP ${response.status}).`;
}

type Upload = { state: "sending"; name: string; progress: number } | { state: "refused"; message: string };

/**
 * Earlier uploads, searchable by file name and alt text. To insert an image (`purpose`
 * "insert"), picking one shows its alt text, caption and credit to edit (kept with the
 * image for the next story too) before inserting. To choose a speaker's portrait
 * ("portrait"), picking one is enough, and a new picture can be uploaded from here.
 */
export function MediaLibraryDialog({
  open,
  onOpenChange,
  onInsert,
  purpose = "insert",
  storyId,
  onCloseAutoFocus,
}: {
  open: boolean;
  /** The story a new upload is for (the server checks its author may edit it). */
  storyId: string;
  onOpenChange: (open: boolean) => void;
  onInsert: (item: LibraryItem) => void;
  purpose?: "insert" | "portrait";
  /** Where the focus goes on closing (Radix's event: preventDefault() and focus it yourself). */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const portrait = purpose === "portrait";
  const ids = useId();
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<Answer>({ state: "loading", query: "" });
  // An answer to an earlier search is not shown as the answer to this one.
  const listing: Listing = answer.query === query ? answer : { state: "loading" };
  const [picked, setPicked] = useState<LibraryItem | null>(null);
  const [details, setDetails] = useState({ alt: "", caption: "", credit: "" });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // Bumped after an upload, to list the new picture.
  const [listed, setListed] = useState(0);
  const [upload, setUpload] = useState<Upload | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    fetch(`/api/media?q=${encodeURIComponent(query)}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(await readError(response));
        const { items } = (await response.json()) as { items: LibraryItem[] };
        setAnswer({ state: "ready", items, query });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ state: "error", message: error instanceof Error ? error.message : "The media library could not be loaded.", query });
      });
    return () => controller.abort();
  }, [open, query, listed]);

  const pick = (item: LibraryItem) => {
    setPicked(item);
    setDetails({ alt: item.alt, caption: item.caption, credit: item.credit });
    setMessage(null);
  };

  /** Saves the edited details with the image; true when they are stored. */
  const saveDetails = async (): Promise<boolean> => {
    if (!picked) return false;
    setSaving(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/media/${picked.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(details),
      });
      if (!response.ok) {
        setMessage({ error: true, text: await readError(response) });
        return false;
      }
      const updated = { ...picked, ...details };
      setPicked(updated);
      setAnswer((current) =>
        current.state === "ready"
          ? { ...current, items: current.items.map((item) => (item.id === updated.id ? updated : item)) }
          : current,
      );
      setMessage({ error: false, text: "Details saved." });
      return true;
    } catch {
      setMessage({ error: true, text: "The details did not reach the server. Check the connection and try again." });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const send = (file: File) => {
    setUpload({ state: "sending", name: file.name, progress: 0 });
    uploadImage(file, storyId, (progress) => setUpload({ state: "sending", name: file.name, progress }))
      .then((image) => {
        setUpload(null);
        pick({ id: image.id, width: image.width, height: image.height, filename: image.filename || file.name, alt: "", caption: "", credit: "", src: mediaUrl(image.id, 480) });
        setQuery("");
        setListed((n) => n + 1);
      })
      .catch((error: unknown) =>
        setUpload({ state: "refused", message: error instanceof UploadRefused ? error.message : "The upload failed. Please try again." }),
      );
  };

  const changed = picked !== null && (["alt", "caption", "credit"] as const).some((key) => details[key].trim() !== picked[key]);

  const insert = async () => {
    if (!picked || (!portrait && changed && !(await saveDetails()))) return;
    onInsert({ ...picked, ...details });
    onOpenChange(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-900/40" />
        <Dialog.Content
          onCloseAutoFocus={onCloseAutoFocus}
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[min(56rem,95vw)] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-hidden rounded-lg bg-white p-6 shadow-xl">
          <div className="flex items-start justify-between gap-4">
            <div>
              <Dialog.Title className="text-lg font-semibold text-gray-900">{portrait ? "Choose a portrait" : "Media library"}</Dialog.Title>
              <Dialog.Description className="text-sm text-gray-600">
                {portrait
                  ? "Pick an earlier upload, or upload a new picture, for the speaker card."
                  : "Pick an earlier upload to insert it. Alt text describes the picture for readers who cannot see it."}
              </Dialog.Description>
            </div>
            <Dialog.Close className={buttonClass.secondary} aria-label="Close the media library">
              Close
            </Dialog.Close>
          </div>

          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-q`} className="text-sm font-medium text-gray-700">
              Search by file name or alt text
            </label>
            <input id={`${ids}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={inputClass} />
          </div>

          {portrait ? (
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" className={buttonClass.secondary} disabled={upload?.state === "sending"} onClick={() => picker.current?.click()}>
                Upload a picture…
              </button>
              <input
                ref={picker}
                type="file"
                accept="image/jpeg,image/png,image/webp,image/gif"
                hidden
                data-testid="portrait-file-input"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) send(file);
                  event.target.value = "";
                }}
              />
              {upload?.state === "sending" ? (
                <progress aria-label={`Uploading ${upload.name}`} max={1} value={upload.progress} className="h-2 w-40 accent-brand-700" />
              ) : null}
              {upload?.state === "refused" ? (
                <p role="alert" className="text-sm text-red-700">
                  {upload.message}
                </p>
              ) : null}
            </div>
          ) : null}

          <div className="grid min-h-0 flex-1 gap-4 md:grid-cols-[1fr_18rem]">
            <div className="min-h-48 overflow-y-auto">
              {listing.state === "loading" ? <p className="text-sm text-gray-600">Loading…</p> : null}
              {listing.state === "error" ? (
                <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                  {listing.message}
                </p>
              ) : null}
              {listing.state === "ready" && listing.items.length === 0 ? (
                <p className="text-sm text-gray-600">{query ? "No image matches that search." : "No images uploaded yet."}</p>
              ) : null}
              {listing.state === "ready" ? (
                <ul aria-label="Uploaded images" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                  {listing.items.map((item) => (
                    <li key={item.id}>
                      <button
                        type="button"
                        aria-pressed={picked?.id === item.id}
                        onClick={() => pick(item)}
                        className="flex w-full flex-col overflow-hidden rounded-md border border-gray-200 text-left hover:border-brand-600 aria-pressed:border-brand-700 aria-pressed:ring-2 aria-pressed:ring-brand-600/40"
                      >
                        {/* eslint-disable-next-line @next/next/no-img-element -- our own immutable variant, already sized */}
                        <img src={item.src} alt={item.alt} className="aspect-[4/3] w-full bg-gray-100 object-cover" />
                        <span className="truncate px-2 py-1 text-xs text-gray-800">{item.filename || "Untitled"}</span>
                        {item.alt ? null : <span className="px-2 pb-1 text-xs font-medium text-amber-800">No alt text</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>

            <div className="space-y-3 border-t border-gray-200 pt-4 md:border-t-0 md:border-l md:pt-0 md:pl-4">
              {picked && portrait ? (
                <>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own immutable variant, already sized */}
                  <img src={picked.src} alt="" className="aspect-square w-32 rounded-full bg-gray-100 object-cover" />
                  <p className="truncate text-sm font-medium text-gray-800" title={picked.filename}>
                    {picked.filename || "Untitled"} · {picked.width}×{picked.height}
                  </p>
                  <button type="button" className={buttonClass.primary} onClick={() => void insert()}>
                    Use as portrait
                  </button>
                </>
              ) : picked ? (
                <>
                  <p className="truncate text-sm font-medium text-gray-800" title={picked.filename}>
                    {picked.filename || "Untitled"} · {picked.width}×{picked.height}
                  </p>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`${ids}-alt`} className="text-sm font-medium text-gray-700">
                      Alt text
                    </label>
                    <textarea
                      id={`${ids}-alt`}
                      rows={3}
                      maxLength={500}
                      value={details.alt}
                      onChange={(e) => setDetails({ ...details, alt: e.target.value })}
                      className={inputClass}
                    />
                  </div>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`${ids}-caption`} className="text-sm font-medium text-gray-700">
                      Caption
                    </label>
                    <input id={`${ids}-caption`} maxLength={1000} value={details.caption} onChange={(e) => setDetails({ ...details, caption: e.target.value })} className={inputClass} />
                  </div>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`${ids}-credit`} className="text-sm font-medium text-gray-700">
                      Credit
                    </label>
                    <input id={`${ids}-credit`} maxLength={200} value={details.credit} onChange={(e) => setDetails({ ...details, credit: e.target.value })} className={inputClass} />
                  </div>
                  {message ? (
                    <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-700" : "text-brand-700"}`}>
                      {message.text}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className={buttonClass.secondary} disabled={saving || !changed} onClick={() => void saveDetails()}>
                      Save details
                    </button>
                    <button type="button" className={buttonClass.primary} disabled={saving} onClick={() => void insert()}>
                      Insert image
                    </button>
                  </div>
                </>
              ) : (
                <p className="text-sm text-gray-600">{portrait ? "Pick a picture of the speaker." : "Pick an image to see and edit its details."}</p>
              )}
            </div>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
