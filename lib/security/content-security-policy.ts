/**
 * The Content-Security-Policy of every page, with this request's nonce (set by proxy.ts;
 * Next.js puts the nonce on its own script tags). Scripts run only with the nonce, or
 * when loaded by a script that had it ('strict-dynamic'): an injected <script> or inline
 * handler does not run. Styles allow inline because the editor (TipTap) injects its base
 * styles and sets style attributes. No site may frame a page (clickjacking).
 */
export function pagePolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
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

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
