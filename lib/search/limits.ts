// Shared by the search form (client-visible markup) and the server-side validation.
export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 200;
/** Deep pages cost an ever larger OFFSET; nobody reads past a thousand results. */
export const MAX_SEARCH_PAGE = 100;
/**
 * The most results a search counts, ranks and pages through: every page up to
 * MAX_SEARCH_PAGE. When more stories match, the page says "1,000+" and ranks the
 * most recently published thousand of them, so a search costs the same however large
 * the archive grows.
 */
export const MAX_SEARCH_RESULTS = MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE;
