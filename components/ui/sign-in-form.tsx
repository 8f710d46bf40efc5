"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/signin/actions";
import type { FormState } from "@/lib/action-result";
import { buttonClass, Field, inputClass } from "./field";
import { FormMessage } from "./form-message";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field label="Email" error={state.fields?.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <Field label="Password" error={state.fields?.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
