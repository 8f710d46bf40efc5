import type { z } from "zod";
import { AppError } from "./errors";
import { nameKey } from "./text/name-key";

/** Parses input with a zod schema; on failure throws AppError("invalid") with field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  const first = result.error.issues[0];
  throw new AppError("invalid", first ? first.message : "The request is not valid.", fields);
}

/**
 * A readable URL segment from a title, in the title's own script: Latin loses its accents
 * ("Hợp tác" → "hop-tac"); Chinese, Thai, Lao, Khmer and Burmese keep their letters and
 * marks ("湄公河合作" stays as it is) — browsers show them as they are in the address bar.
 */
export function slugify(text: string): string {
  const slug = Array.from(
    nameKey(text)
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, ""),
  )
    .slice(0, 80)
    .join("")
    .replace(/-+$/g, "");
  return slug || "story";
}
