"use client";

import { useActionState } from "react";
import { inviteAction } from "@/app/(studio)/studio/people/actions";
import type { FormState } from "@/lib/action-result";
import { ROLES } from "@/lib/domain-types";
import { buttonClass, Field, inputClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";

export function InviteForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteAction, {});
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start" noValidate>
      <Field label="Email" error={state.fields?.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="off" className={inputClass} />}
      </Field>
      <Field label="Name" error={state.fields?.name}>
        {(p) => <input {...p} name="name" autoComplete="off" className={inputClass} />}
      </Field>
      <Field label="Role" error={state.fields?.role}>
        {(p) => (
          <select {...p} name="role" defaultValue="contributor" className={inputClass}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role[0]?.toUpperCase()}
                {role.slice(1)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="sm:pt-6">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </button>
      </div>
      <div className="sm:col-span-4">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
