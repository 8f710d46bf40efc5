export function isReaderPath(pathname: string): boolean;
export const SEARCH_PATH: "/search";
