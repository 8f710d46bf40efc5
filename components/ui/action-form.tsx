"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/action-result";
import { buttonClass } from "./field";
import { FormMessage } from "./form-message";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  variant?: keyof typeof buttonClass;
  children?: React.ReactNode;
  className?: string;
};

/** A one-button form for a server action, showing the action's answer next to it. */
export function ActionForm({ action, hidden, label, pendingLabel, variant = "secondary", children, className }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className={className ?? "flex flex-col gap-2"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <button type="submit" className={buttonClass[variant]} disabled={pending}>
          {pending ? (pendingLabel ?? `${label}…`) : label}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
