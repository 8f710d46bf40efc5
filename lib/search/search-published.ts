import "server-only";
import { getDatabase } from "../../db/client";
import { searchPublishedStories } from "../../db/queries/search";
import { MAX_SEARCH_PAGE, MAX_SEARCH_RESULTS, SEARCH_PAGE_SIZE } from "./limits";
import { readSearchParams, type SearchProblem } from "./params";
import { highlight, snippet, type TextPart } from "./tokenize";

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
  /** The query cannot be run; `message` says why, `status` is the answer's (400, or 404 for a page that cannot exist). */
  | { kind: "invalid"; q: string; message: string; problem: SearchProblem | null; status: 400 | 404 }
  /** A page after the last page of results (404). */
  | { kind: "past-end"; q: string; page: number; pageCount: number }
  | {
      kind: "results";
      q: string;
      page: number;
      pageCount: number;
      /** Matching stories, counted up to MAX_SEARCH_RESULTS… */
      total: number;
      /** …and whether there are more than that ("1,000+"). */
      more: boolean;
      items: SearchResultItem[];
    };

/**
 * The reader's search, from the page's raw query parameters: validated (lib/search/params.ts,
 * as proxy.ts does), run against the published stories only, with each hit's title and a
 * snippet cut into marked and unmarked parts (the page renders the marks; React escapes
 * the text). Counting and ranking stop at MAX_SEARCH_RESULTS matches, and only the page's
 * ten stories are read and cut into snippets, so the cost does not grow with the archive.
 */
export async function searchPublished(params: URLSearchParams | Record<string, string | string[] | undefined>): Promise<ReaderSearch> {
  const request = readSearchParams(params);
  if (request.kind !== "search") return request;
  const { q, page, query } = request;
  const { db } = await getDatabase();
  const { hits, total, more } = await searchPublishedStories(db, query, {
    limit: SEARCH_PAGE_SIZE,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
    countLimit: MAX_SEARCH_RESULTS,
  });
  const pageCount = Math.min(MAX_SEARCH_PAGE, Math.ceil(total / SEARCH_PAGE_SIZE));
  if (page > Math.max(1, pageCount)) return { kind: "past-end", q, page, pageCount };
  return {
    kind: "results",
    q,
    page,
    pageCount,
    total,
    more,
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
