// The security headers of every response, whatever serves it: pages, API routes, static
// files. Pages get a Content-Security-Policy with a per-request nonce from proxy.ts, which
// replaces the strict fallback here (that one is for everything that is not a page).

const FALLBACK_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * HSTS only when the site is served over https: AUTH_URL says so, or (with TRUST_PROXY)
 * the proxy in front says this request came over https. A client's own X-Forwarded-Proto
 * counts for nothing without TRUST_PROXY.
 */
export function servedOverHttps(req, { authUrl, trustProxy }) {
  if (authUrl?.startsWith("https:")) return true;
  const forwarded = req.headers["x-forwarded-proto"];
  if (!trustProxy || typeof forwarded !== "string") return false;
  return forwarded.split(",").at(-1)?.trim().toLowerCase() === "https";
}

export function securityHeaders(req, options) {
  const headers = {
    "Content-Security-Policy": FALLBACK_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (servedOverHttps(req, options)) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
