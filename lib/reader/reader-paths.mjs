// The one rule of which paths are reader pages, shared by proxy.ts (which marks their
// responses cacheable) and scripts/reader-cache.mjs (which stores and answers them):
// the home page, the archive, an issue and a story. Search and feeds join here when they
// exist. Only the exact lower-case slug form counts: anything else (percent-encoded,
// upper-case, trailing slash) is left to Next.js, which answers it with a 404 or a redirect.

/** @param {string} pathname */
export function isReaderPath(pathname) {
  return /^\/(issues(\/[a-z0-9-]{1,120}){0,2})?$/.test(pathname);
}
