"use client";

import { useActionState } from "react";
import { createIssueAction } from "@/app/(studio)/studio/issues/actions";
import type { FormState } from "@/lib/action-result";
import { buttonClass, Field, inputClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";

export function NewIssueForm({ suggestedNumber, year, today }: { suggestedNumber: number; year: number; today: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createIssueAction, {});
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-3" noValidate>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <Field label="Number" error={state.fields?.number}>
        {(p) => <input {...p} name="number" type="number" min={1} defaultValue={suggestedNumber} className={inputClass} />}
      </Field>
      <Field label="Year" error={state.fields?.year}>
        {(p) => <input {...p} name="year" type="number" min={1900} defaultValue={year} className={inputClass} />}
      </Field>
      <Field label="Issue date" error={state.fields?.issueDate}>
        {(p) => <input {...p} name="issueDate" type="date" defaultValue={today} className={inputClass} />}
      </Field>
      <div className="sm:col-span-3">
        <Field label="Title" hint="For example “Issue 14, 2022”." error={state.fields?.title}>
          {(p) => <input {...p} name="title" maxLength={200} defaultValue={`Issue ${suggestedNumber}, ${year}`} className={inputClass} />}
        </Field>
      </div>
      <div className="sm:col-span-3">
        <Field label="Editor's note" hint="Shown under the issue title (optional)." error={state.fields?.editorsNote}>
          {(p) => <textarea {...p} name="editorsNote" rows={3} className={inputClass} />}
        </Field>
      </div>
      <div className="sm:col-span-3">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? "Creating…" : "Create issue"}
        </button>
      </div>
    </form>
  );
}
