import { policyWithScripts } from "./page-policy.mjs";

/**
 * The Content-Security-Policy of every page, with this request's nonce (set by proxy.ts;
 * Next.js puts the nonce on its own script tags). Scripts run only with the nonce, or
 * when loaded by a script that had it ('strict-dynamic'): an injected <script> or inline
 * handler does not run. Styles allow inline because the editor (TipTap) injects its base
 * styles and sets style attributes. No site may frame a page (clickjacking).
 * Cached reader pages get the same policy with hashes instead (scripts/reader-cache.mjs).
 */
export function pagePolicy(nonce: string, { development = false } = {}): string {
  return policyWithScripts([`'nonce-${nonce}'`, "'strict-dynamic'"], { development });
}

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
