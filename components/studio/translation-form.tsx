"use client";

import { useActionState } from "react";
import { addTranslationAction } from "@/app/(studio)/studio/stories/actions";
import type { FormState } from "@/lib/action-result";
import { LOCALE_ENGLISH_NAMES, LOCALE_NAMES, type StoryLocale } from "@/lib/locales";
import { buttonClass, Field, inputClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";

/** "Add translation": a language the story's group does not have yet, then a new draft in it. */
export function TranslationForm({ storyId, locales, placement }: { storyId: string; locales: StoryLocale[]; placement: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addTranslationAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="storyId" value={storyId} />
      <Field
        label="Translate into"
        error={state.fields?.locale}
        hint={`Starts a draft in that language from this story's text, for you to write over. It is reviewed like any story. ${placement}`.trim()}
      >
        {(p) => (
          <select {...p} name="locale" className={inputClass} defaultValue={locales[0]}>
            {locales.map((locale) => (
              <option key={locale} value={locale}>
                {LOCALE_NAMES[locale]} ({LOCALE_ENGLISH_NAMES[locale]})
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormMessage state={state} />
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        Add translation
      </button>
    </form>
  );
}
