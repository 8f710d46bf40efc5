"use client";

import { useId, useState } from "react";
import type { FormState } from "@/lib/action-result";

/**
 * The outcome of a form, announced politely. (Next.js has its own role="alert" route
 * announcer, so errors use role="status" plus a visible style instead of a second alert.)
 */
export function FormMessage({ state }: { state: FormState }) {
  if (state.error) {
    return (
      <p role="status" data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.error}
      </p>
    );
  }
  if (state.ok && (state.message || state.link)) {
    return (
      <div role="status" className="space-y-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
        {state.message ? <p>{state.message}</p> : null}
        {state.link ? <CopyableLink link={state.link} /> : null}
      </div>
    );
  }
  return null;
}

function CopyableLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="flex gap-2">
      <label className="sr-only" htmlFor={id}>
        Single-use link
      </label>
      <input
        id={id}
        data-testid="one-time-link"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded border border-brand-100 bg-white px-2 py-1 font-mono text-xs text-gray-800"
      />
      <button
        type="button"
        className="rounded bg-brand-700 px-2 py-1 text-xs font-semibold text-white hover:bg-brand-800"
        onClick={async () => {
          await navigator.clipboard?.writeText(link).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
