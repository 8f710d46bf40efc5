import { describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { findSettings } from "@/db/queries/settings";
import { seedDatabase } from "@/db/seed/seed";
import { verifyCredentials } from "@/lib/auth/credentials";
import { getLatestIssue } from "@/lib/reader/read-published";

describe("first start without demo content, then with a generated password", () => {
  it("SEED_DEMO=false writes only the site settings", async () => {
    expect(await seedDatabase({ demo: false })).toEqual({});
    const { db } = await getDatabase();
    expect((await findSettings(db))?.siteNameEn).toBe("Lancang-Mekong Environmental Cooperation Center");
    expect(await db.select({ id: tables.users.id }).from(tables.users)).toEqual([]);
    // No stories, and so no demo translation.
    expect(await db.select({ id: tables.stories.id }).from(tables.stories)).toEqual([]);
    // No demo pictures either: nothing is drawn or stored.
    expect(await db.select({ id: tables.media.id }).from(tables.media)).toEqual([]);
    expect(await getLatestIssue()).toBeNull();
  });

  it("without DEMO_PASSWORD, a random password is generated, returned once, and works", async () => {
    const result = await seedDatabase({ demo: true });
    expect(result.demo?.generated).toBe(true);
    const password = result.demo?.password ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(await verifyCredentials({ email: "admin@example.org", password })).toMatchObject({ ok: true, user: { role: "admin" } });
  });
});
