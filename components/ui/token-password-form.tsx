"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/action-result";
import { buttonClass, Field, inputClass } from "./field";
import { FormMessage } from "./form-message";
import { PasswordField } from "./password-field";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  email: string;
  name?: string;
  submitLabel: string;
};

/** Sets a password from an invitation or reset link (with a name field for invitations). */
export function TokenPasswordForm({ action, token, email, name, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <p className="text-sm text-gray-700">
        Account: <span className="font-medium">{email}</span>
      </p>
      {name !== undefined ? (
        <Field label="Your name" error={state.fields?.name}>
          {(p) => <input {...p} name="name" defaultValue={name} autoComplete="name" className={inputClass} />}
        </Field>
      ) : null}
      <PasswordField name="password" label="New password" error={state.fields?.password} context={[email, name ?? ""]} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
