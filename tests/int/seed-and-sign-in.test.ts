import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { findSettings } from "@/db/queries/settings";
import { DEMO_ACCOUNTS, seedDatabase } from "@/db/seed/seed";
import { verifyCredentials } from "@/lib/auth/credentials";
import { getLatestIssue, getPublishedStory } from "@/lib/reader/read-published";

const INVALID = { ok: false, reason: "invalid" };

// One file, one fresh database: the seed sees it empty.
describe("first start and sign-in", () => {
  it("seeds LMEC's settings, one account per role and the published demo issue — once", async () => {
    const first = await seedDatabase({ demo: true, demoPassword: "correct horse battery" });
    expect(first.demo?.generated).toBe(false);
    expect(first.demo?.accounts.map((a) => a.role)).toEqual(["admin", "editor", "reviewer", "contributor"]);

    const { db } = await getDatabase();
    const settings = await findSettings(db);
    expect(settings?.siteNameZh).toBe("澜沧江-湄公河环境合作中心");
    expect(settings?.siteNameEn).toBe("Lancang-Mekong Environmental Cooperation Center");
    expect(settings?.contactBlock).toContain("Beijing");

    const latest = await getLatestIssue();
    expect(latest?.issue).toMatchObject({ slug: "issue-13-2022", number: 13, year: 2022, issueDate: "2022-09-29" });
    const lead = latest?.stories[0];
    expect(lead?.html.match(/data-speaker-card/g)).toHaveLength(7);
    expect(lead?.html).toContain("ZHOU Jun");
    expect(await getPublishedStory("issue-13-2022", lead?.slug ?? "")).not.toBeNull();

    const again = await seedDatabase({ demo: true });
    expect(again.demo).toBeUndefined();
    const users = await db.select({ email: tables.users.email }).from(tables.users);
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });

  it("signs in with the right password only, and gives the same answer for every failure", async () => {
    const ok = await verifyCredentials({ email: " Editor@Example.org ", password: "correct horse battery" });
    expect(ok).toMatchObject({ ok: true, user: { email: "editor@example.org", role: "editor", sessionVersion: 1 } });
    expect(await verifyCredentials({ email: "editor@example.org", password: "wrong" })).toEqual(INVALID);
    expect(await verifyCredentials({ email: "nobody@example.org", password: "correct horse battery" })).toEqual(INVALID);
    expect(await verifyCredentials({ email: "not an email", password: "x" })).toEqual(INVALID);
    expect(await verifyCredentials(null)).toEqual(INVALID);

    const { db, write } = await getDatabase();
    await write((tx) => tx.update(tables.users).set({ status: "deactivated" }).where(eq(tables.users.email, "reviewer@example.org")));
    expect(await verifyCredentials({ email: "reviewer@example.org", password: "correct horse battery" })).toEqual(INVALID);

    const log = await db.select({ action: tables.auditLog.action }).from(tables.auditLog);
    expect(log.filter((e) => e.action === "auth.signed_in")).toHaveLength(1);
    expect(log.filter((e) => e.action === "auth.sign_in_failed").length).toBeGreaterThanOrEqual(3);
  });
});
