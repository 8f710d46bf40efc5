// The Content-Security-Policy of every page, built in one place for both of its users:
// proxy.ts (a per-request nonce, rendered pages) and scripts/reader-cache.mjs (hashes of
// the inline scripts of a cached reader page, which many readers share, so no nonce).
// Plain JavaScript so that scripts/server.mjs can load it without a build step.

/**
 * @param {string[]} scriptSources what may run besides same-origin script files
 *   (`'nonce-…' 'strict-dynamic'`, or `'sha256-…'` for each inline script)
 * @param {{ development?: boolean }} [options]
 */
export function policyWithScripts(scriptSources, { development = false } = {}) {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src ${["'self'", ...scriptSources].join(" ")}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
