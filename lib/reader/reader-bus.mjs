// What tells the reader page cache (scripts/reader-cache.mjs, run by scripts/server.mjs)
// that reader-visible data changed. The domain code and the server share one process but
// not one module instance (Next.js bundles its own copy of this file), so the state lives
// on globalThis under a registered symbol: every copy sees the same counter and emitter.
//   generation  goes up on every change; a page rendered while it moved is not stored.
//   "invalidate"  emitted on every change, local or from another server: drop the cache.
//   "local-change"  emitted when this process changed something: a broadcaster that does
//                   not ride on the database transaction (Redis) tells the other servers.
import { EventEmitter } from "node:events";

const KEY = Symbol.for("newsletter-studio.reader-bus");

/** Postgres channel of the change notices (pg_notify in the publishing transaction). */
export const READER_CHANNEL = "newsletter_reader_changed";

/** @returns {{ generation: number, emitter: EventEmitter }} */
export function readerBus() {
  const holder = /** @type {Record<symbol, { generation: number, emitter: EventEmitter } | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  let bus = holder[KEY];
  if (!bus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(50);
    bus = { generation: 0, emitter };
    holder[KEY] = bus;
  }
  return bus;
}

/** Drops every cached reader page of this process (a change seen here or elsewhere). */
export function invalidateReaderPages(reason = "change") {
  const bus = readerBus();
  bus.generation += 1;
  bus.emitter.emit("invalidate", reason);
}

/**
 * Call AFTER the transaction that changed reader-visible data committed: this process
 * stops serving pages rendered before it, and other servers are told (on Postgres by the
 * pg_notify sent inside that transaction, with Redis by the server's broadcaster).
 */
export function readerChanged() {
  invalidateReaderPages("local");
  readerBus().emitter.emit("local-change");
}
