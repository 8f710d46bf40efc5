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
  if (state.ok && state.message) {
    return (
      <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
        {state.message}
      </p>
    );
  }
  return null;
}
