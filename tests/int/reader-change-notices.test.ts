import { Client, type Notification } from "pg";
import { describe, expect, it } from "vitest";
import { processDialect } from "@/db/client";
import { addStoryToIssue } from "@/lib/issues/arrange-issue";
import { createIssue } from "@/lib/issues/create-issue";
import { publishIssue, unpublishIssue } from "@/lib/issues/publish-issue";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import { READER_CHANNEL, readerBus } from "@/lib/reader/reader-bus.mjs";
import { approveStory, submitStory } from "@/lib/stories/transition-story";
import type { Actor } from "@/lib/policy";
import { startInvalidation } from "../../scripts/reader-invalidation.mjs";
import { currentStory, makeStory, makeUser } from "../support/factories";

let issueNumber = 300;

async function issueWithStory(editor: Actor, approved: boolean) {
  const [author, reviewer] = [await makeUser("contributor"), await makeUser("reviewer")];
  const story = await makeStory(author, "Otters were seen below the dam.");
  if (approved) {
    await submitStory(author, { storyId: story.id, version: story.version });
    await approveStory(reviewer, { storyId: story.id, version: (await currentStory(story.id)).version });
  }
  const number = issueNumber++;
  const { id } = await createIssue(editor, { number, year: 2031, issueDate: "2031-02-01", title: `Issue ${number}, 2031` });
  await addStoryToIssue(editor, { issueId: id, storyId: story.id });
  return id;
}

const version = async (editor: Actor, id: string) => (await getIssueForStudio(editor, id)).issue.version;

describe("what the reader page cache is told when readers' pages change", () => {
  it("publish and unpublish move the process's generation after their commit; a refused publish does not", async () => {
    const editor = await makeUser("editor");
    const bus = readerBus();
    const invalidations: string[] = [];
    const onInvalidate = (reason: string) => invalidations.push(reason);
    bus.emitter.on("invalidate", onInvalidate);
    try {
      const id = await issueWithStory(editor, true);
      const before = bus.generation;
      await publishIssue(editor, { issueId: id, version: await version(editor, id) });
      expect(bus.generation).toBeGreaterThan(before);
      const published = bus.generation;
      await unpublishIssue(editor, { issueId: id, version: await version(editor, id) });
      expect(bus.generation).toBeGreaterThan(published);

      const draft = await issueWithStory(editor, false);
      const unchanged = bus.generation;
      await expect(publishIssue(editor, { issueId: draft, version: await version(editor, draft) })).rejects.toThrow(/approved/);
      expect(bus.generation).toBe(unchanged);
      expect(invalidations).toContain("local");
    } finally {
      bus.emitter.off("invalidate", onInvalidate);
    }
  });

  it.runIf(processDialect === "postgres")(
    "on Postgres, another server listening hears of a publish and an unpublish only once they commit, and never of a refused one",
    async () => {
      const editor = await makeUser("editor");
      // Another app server: its own connection, listening on the channel.
      const other = new Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      const heard: Notification[] = [];
      other.on("notification", (n) => heard.push(n));
      await other.query(`LISTEN ${READER_CHANNEL}`);
      // Its cache, as scripts/server.mjs starts it.
      const listening: boolean[] = [];
      const invalidation = await startInvalidation({ setListening: (v: boolean) => listening.push(v) }, { databaseUrl: process.env.DATABASE_URL });
      try {
        expect(invalidation.kind).toBe("postgres");
        expect(listening).toEqual([true]);
        const roundTrip = async () => other.query("SELECT 1"); // notices arrive before the answer to a later query

        const draft = await issueWithStory(editor, false);
        await expect(publishIssue(editor, { issueId: draft, version: await version(editor, draft) })).rejects.toThrow();
        await roundTrip();
        expect(heard).toHaveLength(0);

        const id = await issueWithStory(editor, true);
        const generation = readerBus().generation;
        await publishIssue(editor, { issueId: id, version: await version(editor, id) });
        await roundTrip();
        expect(heard.map((n) => n.channel)).toEqual([READER_CHANNEL]);
        await unpublishIssue(editor, { issueId: id, version: await version(editor, id) });
        await roundTrip();
        expect(heard).toHaveLength(2);
        // This process's own listener heard them too (each a further invalidation).
        await expect.poll(() => readerBus().generation).toBeGreaterThanOrEqual(generation + 4);
      } finally {
        await invalidation.close();
        await other.end();
      }
      expect(listening.at(-1)).toBe(false);
    },
  );

  it.runIf(processDialect === "postgres")("on Postgres, a lost listening connection stops the cache until it is back", async () => {
    const listening: boolean[] = [];
    const invalidation = await startInvalidation({ setListening: (v: boolean) => listening.push(v) }, { databaseUrl: process.env.DATABASE_URL, log: () => {} });
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      expect(listening).toEqual([true]);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${READER_CHANNEL}' AND pid <> pg_backend_pid()`,
      );
      await expect.poll(() => listening.join(",")).toBe("true,false,true");
    } finally {
      await admin.end();
      await invalidation.close();
    }
  });
});
