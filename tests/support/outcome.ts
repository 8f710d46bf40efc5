import { AppError } from "@/lib/errors";

/** The AppError code a call ends with, or "ok"; any other error fails the test. */
export async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "ok";
}

/** The AppError a call fails with; success or any other error fails the test. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail with an AppError");
}
