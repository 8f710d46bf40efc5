import { describe, expect, it } from "vitest";
import { securityHeaders, servedOverHttps } from "./security-headers.mjs";

const request = (headers: Record<string, string> = {}) => ({ headers });

describe("security headers of every response", () => {
  it("forbid framing and sniffing, limit the referrer and browser features, and fall back to a policy without scripts", () => {
    const headers = securityHeaders(request(), { authUrl: "http://localhost:3000", trustProxy: false });
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringContaining("camera=()"),
    });
    expect(headers["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["Content-Security-Policy"]).not.toContain("script-src");
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
  });

  it("add HSTS when AUTH_URL is https, or when a trusted proxy says the request came over https", () => {
    const hsts = (headers: Record<string, string>) => headers["Strict-Transport-Security"];
    expect(hsts(securityHeaders(request(), { authUrl: "https://news.example.org", trustProxy: false }))).toMatch(/^max-age=\d{8}/);
    const overHttps = request({ "x-forwarded-proto": "https" });
    expect(servedOverHttps(overHttps, { authUrl: "http://news.example.org", trustProxy: true })).toBe(true);
    // Without TRUST_PROXY the header is the client's word, and counts for nothing.
    expect(servedOverHttps(overHttps, { authUrl: "http://news.example.org", trustProxy: false })).toBe(false);
    // The last hop is the one our proxy added.
    expect(servedOverHttps(request({ "x-forwarded-proto": "https, http" }), { authUrl: undefined, trustProxy: true })).toBe(false);
  });
});
