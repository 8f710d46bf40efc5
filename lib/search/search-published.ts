import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { searchPublishedStories } from "../../db/queries/search";
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE } from "./limits";
import { highlight, parseQuery, snippet, type TextPart } from "./tokenize";


/** A repeated parameter (?q=a&q=b) counts once: the first. */
const first = (value: unknown) => (Array.isArray(value) ? (value as unknown[])[0] : value);

const searchParamsSchema = z.object({
  q: z.preprocess(
    first,
    z
      .string()
      .trim()
      .max(MAX_QUERY_LENGTH, `Please search for at most ${MAX_QUERY_LENGTH} characters.`)
      .optional()
      .default(""),
  ),
  page: z.preprocess(
    first,
    z.coerce
      .number({ error: "The page number is not valid." })
      .int("The page number is not valid.")
      .min(1, "The page number is not valid.")
      .max(MAX_SEARCH_PAGE, `Results stop at page ${MAX_SEARCH_PAGE}; please narrow the search.`)
      .optional()
      .default(1),
  ),
});

export interface SearchResultItem {
  href: string;
  titleParts: TextPart[];
  snippetParts: TextPart[];
  authorName: string;
  /** The story's language, shown beside it and set on its title and snippet. */
  locale: string;
  issueTitle: string;
  issueNumber: number;
  issueYear: number;
  issueDate: string;
  issueHref: string;
}

export type ReaderSearch =
  /** No query yet: show the form. */
  | { kind: "blank"; q: string }
  /** The query cannot be run; `message` says why. */
  | { kind: "invalid"; q: string; message: string }
  | { kind: "results"; q: string; page: number; pageCount: number; total: number; items: SearchResultItem[] };

/**
 * The reader's search, from the page's raw query parameters: validated, run against the
 * published stories only, with each hit's title and a snippet cut into marked and
 * unmarked parts (the page renders the marks; React escapes the text).
 */
export async function searchPublished(params: Record<string, unknown>): Promise<ReaderSearch> {
  const parsed = searchParamsSchema.safeParse(params);
  const rawQ = typeof first(params.q) === "string" ? (first(params.q) as string).slice(0, MAX_QUERY_LENGTH) : "";
  if (!parsed.success) {
    return { kind: "invalid", q: rawQ, message: parsed.error.issues[0]?.message ?? "The search is not valid." };
  }
  const { q, page } = parsed.data;
  if (q === "") return { kind: "blank", q };
  const query = parseQuery(q);
  if (query.length === 0) {
    return { kind: "invalid", q, message: "Please search for a word: the search holds only punctuation or symbols." };
  }
  const { db } = await getDatabase();
  const { hits, total } = await searchPublishedStories(db, query, {
    limit: SEARCH_PAGE_SIZE,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
  });
  const pageCount = Math.min(MAX_SEARCH_PAGE, Math.ceil(total / SEARCH_PAGE_SIZE));
  return {
    kind: "results",
    q,
    page,
    pageCount,
    total,
    items: hits.map((hit) => ({
      href: `/issues/${hit.issueSlug}/${hit.storySlug}`,
      issueHref: `/issues/${hit.issueSlug}`,
      titleParts: highlight(hit.title, query),
      snippetParts: snippet(`${hit.standfirst}\n${hit.plainText}`, query),
      authorName: hit.authorName,
      locale: hit.locale,
      issueTitle: hit.issueTitle,
      issueNumber: hit.issueNumber,
      issueYear: hit.issueYear,
      issueDate: hit.issueDate,
    })),
  };
}
