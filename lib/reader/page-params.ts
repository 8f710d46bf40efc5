import { z } from "zod";

/**
 * The query parameters of reader pages that list things a page at a time. A value that is
 * not one these pages make (page=0, page=abc, year=22, two page= values) is no page of
 * ours: the caller answers 404, never a 500 and never a silently different page.
 */

type Param = string | string[] | undefined;

const pageNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

const yearNumber = z
  .string()
  .regex(/^[0-9]{4}$/)
  .transform(Number);

/** "?page=": absent means 1; null when it is not a page number. */
export function parsePage(value: Param): number | null {
  if (value === undefined) return 1;
  const parsed = pageNumber.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** "?year=": absent means every year (undefined); null when it is not a year. */
export function parseYear(value: Param): number | undefined | null {
  if (value === undefined) return undefined;
  const parsed = yearNumber.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** How many pages `total` items make at `size` a page; an empty list is one (empty) page. */
export function pageCountOf(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The href of page `page` of a list at `path` with these other parameters (page 1 has none). */
export function pageHref(path: string, page: number, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
