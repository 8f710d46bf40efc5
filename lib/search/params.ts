import { z } from "zod";
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE } from "./limits";
import { parseQuery, type ParsedQuery } from "./tokenize";

/*
 * What a /search address asks for, checked once by one schema: by proxy.ts, which gives a
 * bad address its 4xx status before the page renders, and by the page itself (through
 * searchPublished), which shows the same message. No database here: proxy.ts imports it.
 */

/**
 * Why a search cannot be run, in English; the reader page says each in the reader's
 * language by its name (messages/<locale>.json, Search.problems), proxy.ts needs none.
 */
export const SEARCH_PROBLEMS = {
  severalQueries: "Please search for one thing at a time: the address holds more than one search.",
  tooLong: `Please search for at most ${MAX_QUERY_LENGTH} characters.`,
  severalPages: "The address holds more than one page number.",
  badPage: "The page number is not valid.",
  noWords: "Please search for a word: the search holds only punctuation or symbols.",
  pageTooFar: `Results stop at page ${MAX_SEARCH_PAGE}; please narrow the search.`,
} as const;
export type SearchProblem = keyof typeof SEARCH_PROBLEMS;

const PAGE_NOT_VALID = SEARCH_PROBLEMS.badPage;

/** The name of one of the messages above (null for one zod wrote itself). */
const problemOf = (message: string): SearchProblem | null =>
  (Object.keys(SEARCH_PROBLEMS) as SearchProblem[]).find((key) => SEARCH_PROBLEMS[key] === message) ?? null;

const searchParamsSchema = z.object({
  q: z
    .string({ error: SEARCH_PROBLEMS.severalQueries })
    .trim()
    .max(MAX_QUERY_LENGTH, SEARCH_PROBLEMS.tooLong)
    .optional()
    .default(""),
  page: z
    .string({ error: SEARCH_PROBLEMS.severalPages })
    .regex(/^[0-9]{1,6}$/, PAGE_NOT_VALID)
    .transform(Number)
    .pipe(z.number().int().min(1, PAGE_NOT_VALID))
    .optional()
    .default(1),
});

export type SearchRequest =
  /** No query yet: the form, with 200. */
  | { kind: "blank"; q: "" }
  /** A search that cannot be run: `message` says why; 400, or 404 for a page that cannot exist. */
  | { kind: "invalid"; q: string; message: string; problem: SearchProblem | null; status: 400 | 404 }
  | { kind: "search"; q: string; page: number; query: ParsedQuery };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** The parameters as the schema sees them: a repeated one as an array (which it refuses). */
function plain(params: RawParams): Record<string, unknown> {
  if (!(params instanceof URLSearchParams)) return { q: params.q, page: params.page };
  const values = (name: string) => {
    const all = params.getAll(name);
    return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
  };
  return { q: values("q"), page: values("page") };
}

/** The query to show back in the form: the first q, cut to the longest the form accepts. */
function shownQuery(raw: unknown): string {
  const first = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof first === "string" ? first.trim().slice(0, MAX_QUERY_LENGTH) : "";
}

export function readSearchParams(params: RawParams): SearchRequest {
  const raw = plain(params);
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The search is not valid.";
    return { kind: "invalid", q: shownQuery(raw.q), message, problem: problemOf(message), status: 400 };
  }
  const { q, page } = parsed.data;
  if (q === "") return { kind: "blank", q: "" };
  const query = parseQuery(q);
  if (query.length === 0) {
    return { kind: "invalid", q, message: SEARCH_PROBLEMS.noWords, problem: "noWords", status: 400 };
  }
  if (page > MAX_SEARCH_PAGE) {
    return { kind: "invalid", q, message: SEARCH_PROBLEMS.pageTooFar, problem: "pageTooFar", status: 404 };
  }
  return { kind: "search", q, page, query };
}

/** The address of a page of results (the first page has no page parameter). */
export const searchPageHref = (q: string, page: number) =>
  `/search?${new URLSearchParams(page > 1 ? { q, page: String(page) } : { q }).toString()}`;
