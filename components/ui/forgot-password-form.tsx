"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/app/(auth)/account-actions";
import type { FormState } from "@/lib/action-result";
import { buttonClass, Field, inputClass } from "./field";
import { FormMessage } from "./form-message";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field label="Email" error={state.fields?.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="username" className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}
