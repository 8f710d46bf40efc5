export type AppErrorCode =
  | "not_found"
  | "forbidden"
  | "conflict"
  | "invalid"
  | "unauthenticated"
  | "busy"
  | "throttled"
  // An upload over the size limit, or of a type we do not take (HTTP 413 and 415).
  | "too_large"
  | "unsupported_type";

/** The one error type domain functions throw; actions turn it into a message for the user. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level messages, for forms. */
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
