/**
 * The header our own server (scripts/server.mjs) sets on every request to the client's
 * address: the connection's, or with TRUST_PROXY the one the proxy in front appended to
 * X-Forwarded-For. A client-sent header of this name is always overwritten.
 */
export const CLIENT_ADDRESS_HEADER = "x-newsletter-client-address";

export function clientAddress(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}
