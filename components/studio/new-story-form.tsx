"use client";

import { useActionState } from "react";
import { createStoryAction } from "@/app/(studio)/studio/stories/actions";
import type { FormState } from "@/lib/action-result";
import { LOCALE_ENGLISH_NAMES, LOCALE_NAMES, STORY_LOCALES } from "@/lib/locales";
import { buttonClass, Field, inputClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";

export function NewStoryForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createStoryAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field label="Title" error={state.fields?.title}>
        {(p) => <input {...p} name="title" required maxLength={200} className={inputClass} />}
      </Field>
      <Field label="Standfirst" hint="One or two sentences that sum up the story (optional)." error={state.fields?.standfirst}>
        {(p) => <textarea {...p} name="standfirst" rows={3} maxLength={600} className={inputClass} />}
      </Field>
      <Field
        label="Language"
        hint="The language the story is written in. To translate a story, open it and use “Add translation”."
        error={state.fields?.locale}
      >
        {(p) => (
          <select {...p} name="locale" defaultValue="en" className={inputClass}>
            {STORY_LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {locale === "en" ? "English" : `${LOCALE_NAMES[locale]} (${LOCALE_ENGLISH_NAMES[locale]})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? "Creating…" : "Create and start writing"}
        </button>
      </div>
    </form>
  );
}
