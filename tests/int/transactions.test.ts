import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { forUpdate } from "@/db/dialect";
import { insertAudit } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { saveStory } from "@/lib/stories/save-story";
import { bodyText, makeStory, makeUser } from "../support/factories";

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

async function auditActions(prefix: string): Promise<string[]> {
  const { db } = await getDatabase();
  const rows = await db.select({ action: tables.auditLog.action }).from(tables.auditLog).where(like(tables.auditLog.action, `${prefix}%`));
  return rows.map((r) => r.action).sort();
}

describe("transactions", () => {
  it("roll back every write of a failed callback", async () => {
    const { write } = await getDatabase();
    const tag = `rollback-${randomUUID()}`;
    await expect(
      write(async (tx) => {
        await insertAudit(tx, { actorId: null, action: `${tag}-1`, targetType: "settings", targetId: null });
        await tick();
        await insertAudit(tx, { actorId: null, action: `${tag}-2`, targetType: "settings", targetId: null });
        throw new Error("fail after two writes");
      }),
    ).rejects.toThrow("fail after two writes");
    expect(await auditActions(tag)).toEqual([]);
  });

  it("keep concurrent requests apart: one's rollback never takes the other's writes, nor are open writes visible", async () => {
    const { write, db } = await getDatabase();
    const tag = `isolation-${randomUUID()}`;
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    let looked!: () => void;
    const lookedSignal = new Promise<void>((resolve) => (looked = resolve));
    const failing = write(async (tx) => {
      await insertAudit(tx, { actorId: null, action: `${tag}-failing`, targetType: "settings", targetId: null });
      inserted();
      await lookedSignal; // another request reads meanwhile
      throw new Error("rolled back");
    });
    const succeeding = Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        write(async (tx) => {
          await tick(i % 3);
          await insertAudit(tx, { actorId: null, action: `${tag}-ok-${i}`, targetType: "settings", targetId: null });
        }),
      ),
    );
    // A read from outside the open transaction (another request's async context).
    await insertedSignal;
    const seenFromOutside = (
      await db.select({ action: tables.auditLog.action }).from(tables.auditLog).where(eq(tables.auditLog.action, `${tag}-failing`))
    ).map((r) => r.action);
    looked();
    await expect(failing).rejects.toThrow("rolled back");
    await succeeding;
    expect(seenFromOutside).toEqual([]); // no dirty read of the open transaction
    expect(await auditActions(tag)).toEqual(Array.from({ length: 10 }, (_, i) => `${tag}-ok-${i}`).sort());
  });

  it("let exactly one of many concurrent saves of the same version win (optimistic locking)", async () => {
    const author = await makeUser("editor");
    const story = await makeStory(author);
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        saveStory(author, { storyId: story.id, version: story.version, title: `Attempt ${i}`, body: bodyText(`Version ${i}`) }),
      ),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    expect(lost.every((a) => a.reason instanceof AppError && a.reason.code === "conflict")).toBe(true);
  });

  it("survive 100 concurrent read-modify-write transactions with some rolled back", async () => {
    const { write, db, dialect } = await getDatabase();
    const user = await makeUser("contributor");
    const { users } = tables;
    // sessionVersion as a counter: read it, await, write it back plus one — under a row lock
    // on Postgres, under the single-writer queue on SQLite.
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        write(async (tx) => {
          const [row] = await forUpdate(dialect, tx.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id)));
          await tick(i % 4);
          await tx.update(users).set({ sessionVersion: (row?.v ?? 0) + 1 }).where(eq(users.id, user.id));
          if (i % 10 === 0) throw new Error("planned rollback");
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(10);
    const [final] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(final?.v).toBe(1 + 90);
  });
});
