import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, openDatabase, tables } from "@/db/client";
import { insertAudit } from "@/db/queries/audit";
import { databaseTarget } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createIssue } from "@/lib/issues/create-issue";
import { addStoryToIssue } from "@/lib/issues/arrange-issue";
import { publishIssue } from "@/lib/issues/publish-issue";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import { getPublishedIssue } from "@/lib/reader/read-published";
import { approveStory, submitStory } from "@/lib/stories/transition-story";
import { currentStory, makeStory, makeUser } from "../support/factories";

const { auditLog } = tables;

async function actions(tag: string): Promise<string[]> {
  const { db } = await getDatabase();
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(like(auditLog.action, `${tag}%`));
  return rows.map((r) => r.action).sort();
}

const audit = (action: string) => (tx: Parameters<typeof insertAudit>[0]) =>
  insertAudit(tx, { actorId: null, action, targetType: "settings", targetId: null });

describe("a write() inside a write()", () => {
  it("joins the outer transaction: its writes are seen inside and undone with the outer one", async () => {
    const { write, db } = await getDatabase();
    const tag = `join-${randomUUID()}`;
    let seenInside: string[] = [];
    await expect(
      write(async (tx) => {
        await audit(`${tag}-outer`)(tx);
        await write(audit(`${tag}-inner`));
        // Reads through `db` inside the transaction see its uncommitted writes.
        seenInside = (await db.select({ a: auditLog.action }).from(auditLog).where(like(auditLog.action, `${tag}%`)))
          .map((r) => r.a)
          .sort();
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(seenInside).toEqual([`${tag}-inner`, `${tag}-outer`]);
    expect(await actions(tag)).toEqual([]);
  });

  it("undoes only its own writes when it fails and the outer one carries on", async () => {
    const { write } = await getDatabase();
    const tag = `savepoint-${randomUUID()}`;
    await write(async (tx) => {
      await audit(`${tag}-before`)(tx);
      await expect(
        write(async (inner) => {
          await audit(`${tag}-inner`)(inner);
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      await audit(`${tag}-after`)(tx);
    });
    expect(await actions(tag)).toEqual([`${tag}-after`, `${tag}-before`]);
  });

  it("lets domain functions compose: publishing inside a failed outer transaction publishes nothing", async () => {
    const [author, reviewer, editor] = [await makeUser("contributor"), await makeUser("reviewer"), await makeUser("editor")];
    const story = await makeStory(author);
    await submitStory(author, { storyId: story.id, version: story.version });
    await approveStory(reviewer, { storyId: story.id, version: (await currentStory(story.id)).version });
    const number = 900 + Math.floor(Math.random() * 99);
    const issue = await createIssue(editor, { number, year: 2031, issueDate: "2031-02-01", title: `Issue ${number}` });
    await addStoryToIssue(editor, { issueId: issue.id, storyId: story.id });
    const version = (await getIssueForStudio(editor, issue.id)).issue.version;

    const { write } = await getDatabase();
    await expect(
      write(async () => {
        await publishIssue(editor, { issueId: issue.id, version });
        expect(await getPublishedIssue(issue.slug)).not.toBeNull(); // visible inside
        throw new Error("the job fails after publishing");
      }),
    ).rejects.toThrow("the job fails after publishing");
    expect(await getPublishedIssue(issue.slug)).toBeNull();
    expect((await getIssueForStudio(editor, issue.id)).issue.status).toBe("draft");

    // …and in a transaction that succeeds, the publish lands with it.
    await write(() => publishIssue(editor, { issueId: issue.id, version }));
    expect((await getPublishedIssue(issue.slug))?.stories).toHaveLength(1);
  });

  it("runs nested writes started side by side one after the other", async () => {
    const { write } = await getDatabase();
    const tag = `parallel-${randomUUID()}`;
    await write(() => Promise.all(Array.from({ length: 5 }, (_, i) => write(audit(`${tag}-${i}`)))));
    expect(await actions(tag)).toHaveLength(5);
  });
});

describe("a write that waits too long for its turn", () => {
  it("gets a clear 'busy' error instead of hanging, and later writes still run", async () => {
    // A second handle on the same database, with a short wait limit and (Postgres) one connection.
    const database = await openDatabase(databaseTarget(process.env.DATABASE_URL), { writeWaitMs: 150, poolSize: 1 });
    const tag = `busy-${randomUUID()}`;
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const holding = new Promise<void>((resolve) => (started = resolve));
      const first = database.write(async (tx) => {
        await audit(`${tag}-first`)(tx);
        started();
        await held;
      });
      await holding;
      const refused = await database.write(audit(`${tag}-second`)).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe("busy");
      expect((refused as AppError).message).toMatch(/busy/i);
      release();
      await first;
      await database.write(audit(`${tag}-third`));
      const rows = await database.db.select({ a: auditLog.action }).from(auditLog).where(like(auditLog.action, `${tag}%`));
      expect(rows.map((r) => r.a).sort()).toEqual([`${tag}-first`, `${tag}-third`]);
    } finally {
      await database.close();
    }
  });
});
