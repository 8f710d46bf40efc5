"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonClass, Field, inputClass } from "../ui/field";

type Outcome =
  | { state: "idle" }
  | { state: "importing" }
  | { state: "failed"; error: string }
  | { state: "done"; id: string; title: string; report: string[] };

const MAX_BYTES = 10 * 1024 * 1024;

/** Uploads a .docx to the import route and shows what came across and what did not. */
export function ImportDocxForm() {
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ state: "failed", error: "Choose a Word document (.docx) to import." });
      return;
    }
    // Checked here too so a large file is not sent only to be refused.
    if (file.size > MAX_BYTES) {
      setOutcome({ state: "failed", error: "The document is larger than 10 MB." });
      return;
    }
    setOutcome({ state: "importing" });
    const body = new FormData();
    body.set("file", file);
    try {
      const response = await fetch("/api/stories/import", { method: "POST", body });
      const data = (await response.json()) as { error?: string; id?: string; title?: string; report?: string[] };
      if (!response.ok || !data.id) {
        setOutcome({ state: "failed", error: data.error ?? "The document could not be imported." });
        return;
      }
      setOutcome({ state: "done", id: data.id, title: data.title ?? "", report: data.report ?? [] });
    } catch {
      setOutcome({ state: "failed", error: "The connection failed. Nothing was imported; please try again." });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field
          label="Word document"
          hint="A .docx file up to 10 MB. Headings, lists, links, tables and emphasis come across; the story starts as a draft."
          error={outcome.state === "failed" ? outcome.error : undefined}
        >
          {(p) => (
            <input
              {...p}
              type="file"
              name="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <button type="submit" className={buttonClass.primary} disabled={outcome.state === "importing"}>
            {outcome.state === "importing" ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
      {outcome.state === "done" ? (
        <section role="status" aria-labelledby="import-done" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-900">
          <h2 id="import-done" className="font-semibold">
            Imported “{outcome.title}” as a draft.
          </h2>
          {outcome.report.length ? (
            <>
              <p className="mt-2">Not everything came across:</p>
              <ul className="mt-1 list-disc pl-5" data-testid="import-report">
                {outcome.report.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-2">Everything came across.</p>
          )}
          <Link href={`/studio/stories/${outcome.id}`} className={`${buttonClass.primary} mt-3`}>
            Open the story
          </Link>
        </section>
      ) : null}
    </div>
  );
}
