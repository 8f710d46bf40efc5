import type { z } from "zod";
import { AppError } from "./errors";

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

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/g, "") || "story"
  );
}
