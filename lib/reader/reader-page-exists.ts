import "server-only";
import { parsePage, parseYear } from "./page-params";
import { getArchive, getAuthorPage } from "./read-pages";
import { getPublishedIssue, getPublishedStory, getSiteSettings } from "./read-published";

type Param = string | string[] | undefined;

function param(query: URLSearchParams, name: string): Param {
  const values = query.getAll(name);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

/**
 * Whether a reader path (isReaderPath) names a page that exists: the same checks its page
 * makes before calling notFound(). proxy.ts asks first and sends a missing page to Next's
 * not-found route, because a page that calls notFound() gets a 404 whose HTML is an empty
 * shell, its content only in the RSC payload (shown once JavaScript runs; Next.js 16
 * renders its error recovery on the client), while the not-found route is server-rendered:
 * readers without JavaScript see the 404 page too. Pages still call notFound() themselves
 * (a page unpublished between the two checks).
 */
export async function readerPageExists(pathname: string, query: URLSearchParams): Promise<boolean> {
  const [section, first, second] = pathname.split("/").filter(Boolean);
  if (section === undefined) return true;
  if (section === "about") return (await getSiteSettings()).aboutBlock.trim() !== "";
  if (section === "authors") {
    const page = parsePage(param(query, "page"));
    return first !== undefined && page !== null && (await getAuthorPage(first, page)) !== null;
  }
  if (section === "issues") {
    if (first === undefined) {
      const year = parseYear(param(query, "year"));
      const page = parsePage(param(query, "page"));
      return year !== null && page !== null && (await getArchive(year, page)) !== null;
    }
    if (second === undefined || second === "print") return (await getPublishedIssue(first)) !== null;
    return (await getPublishedStory(first, second)) !== null;
  }
  return true;
}
