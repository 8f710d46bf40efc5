"use client";

import { useActionState, useId, useState } from "react";
import { Field, buttonClass, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { LengthCounter } from "@/components/ui/length-counter";
import type { FormState } from "@/lib/action-result";
import type { SettingsForStudio } from "@/lib/settings/read-settings";
import { SETTINGS_LIMITS, SITE_LOCALES, SITE_LOCALE_LABEL } from "@/lib/settings/schemas";
import { saveSettingsAction } from "./actions";

type Text = Omit<SettingsForStudio, "updatedAt">;

/**
 * The settings as typed are kept in state, not in the form's own fields: React resets a
 * form after its action, and a refused save must leave every word where it was.
 */
export function SettingsForm({ settings }: { settings: SettingsForStudio }) {
  const { updatedAt, ...saved } = settings;
  const [values, setValues] = useState<Text>(saved);
  const [state, action, pending] = useActionState<FormState, FormData>(saveSettingsAction, {});
  const set = (name: keyof Text) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));
  const error = (name: keyof Text) => state.fields?.[name];

  return (
    <form action={action} className="space-y-6" noValidate>
      <input type="hidden" name="updatedAt" value={updatedAt} />
      <FormMessage state={state} />

      <section aria-labelledby="masthead-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="masthead-heading" className="text-lg font-semibold">
          Masthead
        </h2>
        <Field label="Site name (English)" hint="The organisation's name, at the top of every reader page." error={error("siteNameEn")}>
          {(p) => (
            <input {...p} name="siteNameEn" value={values.siteNameEn} onChange={set("siteNameEn")} maxLength={SETTINGS_LIMITS.siteNameEn} className={inputClass} />
          )}
        </Field>
        <Field label="Site name (Chinese)" hint="Shown above the English name; leave empty for none." error={error("siteNameZh")}>
          {(p) => (
            <input
              {...p}
              name="siteNameZh"
              lang="zh-CN"
              value={values.siteNameZh}
              onChange={set("siteNameZh")}
              maxLength={SETTINGS_LIMITS.siteNameZh}
              className={`${inputClass} font-cjk`}
            />
          )}
        </Field>
        <Field label="Newsletter name" hint="Under the masthead, and in the subject of the email edition and the feeds' titles." error={error("newsletterName")}>
          {(p) => (
            <input {...p} name="newsletterName" value={values.newsletterName} onChange={set("newsletterName")} maxLength={SETTINGS_LIMITS.newsletterName} className={inputClass} />
          )}
        </Field>
        <Field label="Default language" hint="The language of the reader site's own words for a visitor who has not chosen one." error={error("defaultLocale")}>
          {(p) => (
            <select {...p} name="defaultLocale" value={values.defaultLocale} onChange={set("defaultLocale")} className={inputClass}>
              {SITE_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {SITE_LOCALE_LABEL[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>

      <section aria-labelledby="blocks-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="blocks-heading" className="text-lg font-semibold">
          Contact and about
        </h2>
        <TextBlock
          label="Contact block"
          hint="In the footer of every reader page and of the email edition, line by line as you type it."
          name="contactBlock"
          rows={9}
          value={values.contactBlock}
          onChange={set("contactBlock")}
          max={SETTINGS_LIMITS.contactBlock}
          error={error("contactBlock")}
        />
        <TextBlock
          label="About text"
          hint="The About page and the footer. Leave a blank line between paragraphs."
          name="aboutBlock"
          rows={8}
          value={values.aboutBlock}
          onChange={set("aboutBlock")}
          max={SETTINGS_LIMITS.aboutBlock}
          error={error("aboutBlock")}
        />
      </section>

      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}

function TextBlock(props: {
  label: string;
  hint: string;
  name: string;
  rows: number;
  value: string;
  onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => void;
  max: number;
  error?: string;
}) {
  const counterId = useId();
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(p) => (
        <>
          <textarea
            {...p}
            aria-describedby={[p["aria-describedby"], counterId].filter(Boolean).join(" ")}
            name={props.name}
            rows={props.rows}
            value={props.value}
            onChange={props.onChange}
            maxLength={props.max}
            className={inputClass}
          />
          <LengthCounter id={counterId} length={props.value.length} max={props.max} />
        </>
      )}
    </Field>
  );
}
