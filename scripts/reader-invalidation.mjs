// How the reader page cache of this server hears of changes made on other servers
// (lib/reader/reader-bus.mjs has the in-process part):
//   - REDIS_URL set: Redis pub/sub. This server publishes its own changes (after their
//     commit) and subscribes to everyone's.
//   - Postgres: LISTEN on the channel that the publishing transaction pg_notify()s; the
//     notice is delivered only when that transaction commits.
//   - SQLite: one server, nothing to hear.
// While this server cannot hear (not yet connected, connection lost), its cache is empty
// and unused: every reader page is rendered fresh, so an unpublished issue is never
// served from a page stored before the change. It reconnects by itself.
import { READER_CHANNEL, invalidateReaderPages, readerBus } from "../lib/reader/reader-bus.mjs";

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5000;

/**
 * @param {{ setListening(value: boolean): void }} cache
 * @param {{ databaseUrl?: string, redisUrl?: string, log?: (message: string) => void }} options
 * @returns {Promise<{ kind: string, close(): Promise<void> }>}
 */
export async function startInvalidation(cache, { databaseUrl, redisUrl, log = console.log } = {}) {
  if (redisUrl) return listenRedis(cache, redisUrl, log);
  if (databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl)) return listenPostgres(cache, databaseUrl, log);
  cache.setListening(true);
  return { kind: "in-process", close: async () => {} };
}

/** @param {{ setListening(value: boolean): void }} cache @param {string} url @param {(m: string) => void} log */
async function listenPostgres(cache, url, log) {
  const { default: pg } = await import("pg");
  let closed = false;
  let delay = RETRY_MIN_MS;
  /** @type {import("pg").Client | null} */
  let client = null;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;

  const lost = (/** @type {unknown} */ error) => {
    if (closed) return;
    cache.setListening(false);
    const current = client;
    client = null;
    current?.removeAllListeners();
    current?.on("error", () => {});
    current?.end().catch(() => {});
    if (error) log(`reader cache: change notices lost (${error instanceof Error ? error.message : String(error)}); serving uncached until reconnected`);
    clearTimeout(timer);
    timer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  };

  async function connect() {
    if (closed) return;
    const next = new pg.Client({ connectionString: url, keepAlive: true });
    client = next;
    next.on("error", lost);
    next.on("end", () => client === next && lost(new Error("connection ended")));
    next.on("notification", (message) => {
      if (message.channel === READER_CHANNEL) invalidateReaderPages("notice");
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${READER_CHANNEL}`);
      if (client !== next) return;
      delay = RETRY_MIN_MS;
      cache.setListening(true);
    } catch (error) {
      if (client === next) lost(error);
    }
  }

  await connect();
  return {
    kind: "postgres",
    close: async () => {
      closed = true;
      clearTimeout(timer);
      cache.setListening(false);
      const current = client;
      client = null;
      current?.removeAllListeners();
      await current?.end().catch(() => {});
    },
  };
}

/** @param {{ setListening(value: boolean): void }} cache @param {string} url @param {(m: string) => void} log */
async function listenRedis(cache, url, log) {
  const { createClient } = await import("redis");
  const reconnectStrategy = (/** @type {number} */ retries) => Math.min(RETRY_MIN_MS * 2 ** retries, RETRY_MAX_MS);
  const publisher = createClient({ url, socket: { reconnectStrategy } });
  const subscriber = createClient({ url, socket: { reconnectStrategy } });
  let closed = false;
  let subscribed = false;
  const deaf = (/** @type {string} */ why) => {
    if (closed) return;
    cache.setListening(false);
    log(`reader cache: Redis change notices lost (${why}); serving uncached until reconnected`);
  };
  publisher.on("error", () => {});
  subscriber.on("error", (error) => deaf(error instanceof Error ? error.message : String(error)));
  subscriber.on("reconnecting", () => deaf("reconnecting"));
  subscriber.on("end", () => deaf("connection ended"));
  // node-redis subscribes again by itself after a reconnect, before "ready".
  subscriber.on("ready", () => subscribed && !closed && cache.setListening(true));

  // This server's own changes, after their commit: tell the others.
  const onLocalChange = () => {
    publisher.publish(READER_CHANNEL, String(Date.now())).catch((error) => {
      log(`reader cache: could not tell the other servers of a change: ${error instanceof Error ? error.message : error}`);
    });
  };
  readerBus().emitter.on("local-change", onLocalChange);

  try {
    await publisher.connect();
    await subscriber.connect();
    await subscriber.subscribe(READER_CHANNEL, () => invalidateReaderPages("notice"));
    subscribed = true;
    cache.setListening(true);
  } catch (error) {
    deaf(error instanceof Error ? error.message : String(error));
  }
  return {
    kind: "redis",
    close: async () => {
      closed = true;
      readerBus().emitter.off("local-change", onLocalChange);
      cache.setListening(false);
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
