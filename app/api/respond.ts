import "server-only";
import { isAppError, type AppErrorCode } from "@/lib/errors";

const STATUS: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  busy: 503,
  throttled: 429,
};

export const jsonError = (status: number, error: string, fields?: Record<string, string>) =>
  Response.json({ error, ...(fields ? { fields } : {}) }, { status });

export const signedOut = () => jsonError(401, "You are signed out. Sign in again, then retry.");

/** A domain refusal as JSON with its HTTP status; anything unexpected is logged, never shown. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return jsonError(STATUS[error.code], error.message, error.fields);
  console.error("API request failed", error);
  return jsonError(500, "Something went wrong on our side. Nothing was changed; please try again.");
}
