// Shared by the search form (client-visible markup) and the server-side validation.
export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 200;
/** Deep pages cost an ever larger OFFSET; nobody reads past a thousand results. */
export const MAX_SEARCH_PAGE = 100;
