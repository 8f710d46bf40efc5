import "server-only";
import { forbidden, notFound, redirect, unstable_rethrow } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "./auth/session";
import { isAppError, type AppErrorCode } from "./errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "internal"; error: string; fields?: Record<string, string> };

/** What a form's useActionState holds between submissions. */
export type FormState = {
  ok?: boolean;
  error?: string;
  fields?: Record<string, string>;
  message?: string;
  /** A single-use link to show once, for the admin to copy. */
  link?: string;
};

/**
 * Runs a server action for the signed-in user. Every action is reachable by a direct
 * POST, so this is where the session is checked; the domain function validates and
 * authorizes. Domain errors become a message for the user; anything unexpected is
 * logged and reported without details — never a stack trace.
 */
export async function runAction<T>(fn: (user: CurrentUser) => Promise<T>): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?reason=signed-out");
  try {
    return { ok: true, data: await fn(user) };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, code: error.code, error: error.message, fields: error.fields };
    console.error("Server action failed", error);
    return { ok: false, code: "internal", error: "Something went wrong on our side. Nothing was changed; please try again." };
  }
}

export function toFormState(result: ActionResult<unknown>, message?: string): FormState {
  return result.ok ? { ok: true, message } : { ok: false, error: result.error, fields: result.fields };
}

/** For pages: a domain refusal becomes a real 404 or 403 page. */
export async function loadOrRefuse<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") forbidden();
    throw error;
  }
}
