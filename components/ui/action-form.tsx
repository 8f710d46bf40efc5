"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/action-result";
import { useActionScope } from "./action-scope";
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

/**
 * A one-button form for a server action, showing the action's answer next to it — or,
 * inside an ActionScope, in the scope's one message, which each new action replaces.
 */
export function ActionForm({ action, hidden, label, pendingLabel, variant = "secondary", children, className }: Props) {
  const scope = useActionScope();
  // Outside a scope the server action is the form's own action, which also works before
  // the page's JavaScript has loaded.
  const reported = async (previous: FormState, formData: FormData) => {
    // The answer of an earlier action (of this form or another) is not this one's.
    scope?.report({});
    const next = await action(previous, formData);
    scope?.report(next);
    return next;
  };
  const [state, formAction, pending] = useActionState<FormState, FormData>(scope ? reported : action, {});
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
      {scope ? null : <FormMessage state={state} />}
    </form>
  );
}
