// A page's HTTP status, chosen while it renders. An App Router page cannot set its own
// status (only notFound() and redirects can, and this app's not-found pages are drawn in
// the browser: nothing shows with JavaScript off). So scripts/server.mjs runs each request
// inside withResponseStatus, and a page that knows its answer is an error once it has
// read the database (the reader's search, for a page after its last page of results)
// says so with setResponseStatus; the response's 200 becomes that status when its
// headers are written, which is after the page rendered (the page is in the first
// chunk). Next.js bundles its own copy of this file, so the storage lives on globalThis
// under a registered symbol, like lib/reader/reader-bus.mjs. Without scripts/server.mjs
// (no storage), setResponseStatus does nothing and the page answers 200.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("newsletter-studio.response-status");

/** @returns {AsyncLocalStorage<{ status: number | undefined }>} */
function storage() {
  const holder = /** @type {Record<symbol, AsyncLocalStorage<{ status: number | undefined }> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  let found = holder[KEY];
  if (!found) {
    found = new AsyncLocalStorage();
    holder[KEY] = found;
  }
  return found;
}

/**
 * The status the current request's response should have instead of 200.
 * @param {number} status
 * @returns {boolean} whether a server is there to apply it
 */
export function setResponseStatus(status) {
  const current = storage().getStore();
  if (!current) return false;
  current.status = status;
  return true;
}

/**
 * Runs `handle` (Next.js's request handler) so that a status set while it renders
 * replaces the 200 it writes.
 * @template T
 * @param {import("node:http").ServerResponse} res
 * @param {() => T} handle
 * @returns {T}
 */
export function withResponseStatus(res, handle) {
  const current = { status: /** @type {number | undefined} */ (undefined) };
  const writeHead = res.writeHead;
  // Node writes implicit headers (res.write, res.end, flushHeaders) through writeHead too.
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
      const status = current.status !== undefined && statusCode === 200 ? current.status : statusCode;
      return writeHead.call(this, status, ...rest);
    }
  );
  return storage().run(current, handle);
}
