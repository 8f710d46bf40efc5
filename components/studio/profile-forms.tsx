"use client";

import { useActionState } from "react";
import { changePasswordAction, updateProfileAction } from "@/app/(studio)/studio/profile/actions";
import type { FormState } from "@/lib/action-result";
import { buttonClass, Field, inputClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { PasswordField } from "../ui/password-field";

export function ProfileForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateProfileAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field label="Name" error={state.fields?.name}>
        {(p) => <input {...p} name="name" defaultValue={name} autoComplete="name" className={inputClass} />}
      </Field>
      <div>
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          Save profile
        </button>
      </div>
    </form>
  );
}

export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field label="Current password" error={state.fields?.currentPassword}>
        {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <PasswordField name="newPassword" label="New password" error={state.fields?.newPassword} context={[email, name]} />
      <div>
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          Change password
        </button>
      </div>
    </form>
  );
}
