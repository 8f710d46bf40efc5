import { describe, expect, it } from "vitest";
import { newNonce, pagePolicy } from "./content-security-policy";

describe("the pages' Content-Security-Policy", () => {
  it("lets scripts run only with the nonce, never inline, and forbids framing", () => {
    const policy = pagePolicy("abc123");
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(pagePolicy("abc123", { development: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("makes a new, unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
