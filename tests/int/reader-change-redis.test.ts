import { createClient } from "redis";
import { describe, expect, it } from "vitest";
import { READER_CHANNEL, readerBus, readerChanged } from "@/lib/reader/reader-bus.mjs";
import { startInvalidation } from "../../scripts/reader-invalidation.mjs";

// With REDIS_URL set, app servers tell each other of changes through Redis pub/sub
// (scripts/reader-invalidation.mjs). Runs where a Redis server is given: TEST_REDIS_URL
// (CI sets it to the machine's Redis), else REDIS_URL.
const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;

describe.runIf(REDIS_URL)("reader change notices through Redis", () => {
  it("this server publishes its own changes and drops its pages on anyone's; it stops caching when Redis is gone", async () => {
    const listening: boolean[] = [];
    const invalidation = await startInvalidation({ setListening: (v: boolean) => listening.push(v) }, { redisUrl: REDIS_URL, log: () => {} });
    // Another app server.
    const other = createClient({ url: REDIS_URL }).on("error", () => {});
    const heard: string[] = [];
    await other.connect();
    await other.subscribe(READER_CHANNEL, (message) => heard.push(message));
    const publisher = createClient({ url: REDIS_URL }).on("error", () => {});
    await publisher.connect();
    try {
      expect(invalidation.kind).toBe("redis");
      expect(listening).toEqual([true]);

      readerChanged();
      await expect.poll(() => heard.length).toBe(1);

      const generation = readerBus().generation;
      await publisher.publish(READER_CHANNEL, "from another server");
      await expect.poll(() => readerBus().generation).toBeGreaterThan(generation);

      // Redis drops this server's subscription connection: no cache until it is back.
      await publisher.sendCommand(["CLIENT", "KILL", "TYPE", "pubsub"]);
      await expect.poll(() => listening.includes(false)).toBe(true);
      await expect.poll(() => listening.at(-1)).toBe(true);
    } finally {
      await invalidation.close();
      await Promise.allSettled([other.quit(), publisher.quit()]);
    }
  });
});
