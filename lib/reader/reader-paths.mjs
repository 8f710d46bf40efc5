// The one rule of which paths are reader pages, shared by proxy.ts (which marks their
// responses cacheable) and scripts/reader-cache.mjs (which stores and answers them):
// the home page, the archive (its query picks a year and a page: part of the cache key),
// an issue, a story, an author's page and the "About" page (which shows the settings, as
// every page's masthead and footer do: a settings change drops them all). Only the exact
// lower-case slug form counts: anything else (percent-encoded, upper-case, trailing
// slash) is left to Next.js, which answers it with a 404 or a redirect. A 404 is never
// kept (only a 200 is). The reader's search (/search) is kept too, in a store of its own
// (scripts/reader-cache.mjs): its addresses are as many as the words people search for.

/** @param {string} pathname */
export function isReaderPath(pathname) {
  return /^\/(issues(\/[a-z0-9-]{1,120}){0,2}|authors\/[a-z0-9-]{1,120}|about)?$/.test(pathname);
}

/** The reader's search: its pages are kept apart from the other reader pages. */
export const SEARCH_PATH = "/search";
