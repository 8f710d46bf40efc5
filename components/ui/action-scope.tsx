"use client";

import { createContext, useContext, useMemo, useState } from "react";
import type { FormState } from "@/lib/action-result";
import { FormMessage } from "./form-message";

interface Scope {
  state: FormState;
  report: (state: FormState) => void;
}

const ActionScopeContext = createContext<Scope | null>(null);

/**
 * Several one-button forms whose answers share one place (ActionScopeMessage): only the
 * latest action's message shows, and it stays when its form goes away because of what it
 * did (Unpublish is replaced by Publish once the issue is a draft again). Without a scope
 * each form shows its own answer beside it.
 */
export function ActionScope({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<FormState>({});
  const scope = useMemo(() => ({ state, report: setState }), [state]);
  return <ActionScopeContext value={scope}>{children}</ActionScopeContext>;
}

export function ActionScopeMessage() {
  const scope = useContext(ActionScopeContext);
  return scope ? <FormMessage state={scope.state} /> : null;
}

/** The scope an ActionForm reports to, if any. */
export function useActionScope(): Scope | null {
  return useContext(ActionScopeContext);
}
