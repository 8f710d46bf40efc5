import { eq } from "drizzle-orm";
import { Client, type Notification } from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase, processDialect, tables } from "@/db/client";
import { findSettings, insertSettingsIfMissing } from "@/db/queries/settings";
import { getSiteSettings } from "@/lib/reader/read-published";
import { READER_CHANNEL, readerBus } from "@/lib/reader/reader-bus.mjs";
import { getSettingsForStudio } from "@/lib/settings/read-settings";
import { STALE_SETTINGS, updateSiteSettings } from "@/lib/settings/update-settings";
import { demoSettings } from "@/db/seed/demo-content";
import { makeUser } from "../support/factories";
import { code, failure } from "../support/outcome";

beforeAll(async () => {
  const { write } = await getDatabase();
  await write((tx) => insertSettingsIfMissing(tx, demoSettings));
});

const auditOf = async (actorId: string) => {
  const { db } = await getDatabase();
  return db
    .select({ action: tables.auditLog.action, targetType: tables.auditLog.targetType, details: tables.auditLog.details })
    .from(tables.auditLog)
    .where(eq(tables.auditLog.actorId, actorId));
};

describe("site settings", () => {
  it("an admin saves them: readers see them, the cache is dropped, and an audit row says what changed", async () => {
    const admin = await makeUser("admin");
    const before = await getSettingsForStudio(admin);
    const bus = readerBus();
    const generation = bus.generation;

    const saved = await updateSiteSettings(admin, {
      ...before,
      newsletterName: "  Mekong Letters  ",
      contactBlock: "Room 5\r\nNo. 5 Houyingfang Hutong   \r\n\r\nBeijing\n\n",
      updatedAt: String(before.updatedAt),
    });

    expect(saved.changed).toEqual(["newsletterName", "contactBlock"]);
    expect(saved.updatedAt).toBeGreaterThan(before.updatedAt);
    expect(bus.generation).toBeGreaterThan(generation);
    const { db } = await getDatabase();
    expect(await findSettings(db)).toMatchObject({
      newsletterName: "Mekong Letters",
      contactBlock: "Room 5\nNo. 5 Houyingfang Hutong\n\nBeijing",
    });
    expect((await getSiteSettings()).newsletterName).toBe("Mekong Letters");
    expect((await getSettingsForStudio(admin)).updatedAt).toBe(saved.updatedAt);
    expect(await auditOf(admin.id)).toEqual([
      { action: "settings.updated", targetType: "settings", details: { changed: ["newsletterName", "contactBlock"] } },
    ]);
  });

  it("a save made from an older version is refused, and changes nothing", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const opened = await getSettingsForStudio(first);
    const alsoOpened = await getSettingsForStudio(second);
    await updateSiteSettings(first, { ...opened, siteNameZh: "澜湄环境合作中心", updatedAt: opened.updatedAt });

    const refused = await failure(updateSiteSettings(second, { ...alsoOpened, newsletterName: "Overwritten", updatedAt: alsoOpened.updatedAt }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toBe(STALE_SETTINGS);
    const { db } = await getDatabase();
    expect(await findSettings(db)).toMatchObject({ siteNameZh: "澜湄环境合作中心" });
    expect((await findSettings(db))?.newsletterName).not.toBe("Overwritten");
    expect(await auditOf(second.id)).toEqual([]);

    // Saved twice in a row from the fresh version: each save moves the version on.
    const fresh = await getSettingsForStudio(second);
    const once = await updateSiteSettings(second, { ...fresh, newsletterName: "Once", updatedAt: fresh.updatedAt });
    const twice = await updateSiteSettings(second, { ...fresh, newsletterName: "Twice", updatedAt: once.updatedAt });
    expect(twice.updatedAt).toBeGreaterThan(once.updatedAt);
    expect(await code(updateSiteSettings(second, { ...fresh, newsletterName: "Thrice", updatedAt: once.updatedAt }))).toBe("conflict");
  });

  it("bad input is refused field by field with messages a person can act on", async () => {
    const admin = await makeUser("admin");
    const current = await getSettingsForStudio(admin);
    const refused = await failure(
      updateSiteSettings(admin, {
        ...current,
        siteNameEn: "   ",
        siteNameZh: "第一行\n第二行",
        newsletterName: "x".repeat(101),
        contactBlock: "c".repeat(2001),
        aboutBlock: "Bell\u0007",
        defaultLocale: "fr",
        updatedAt: current.updatedAt,
      }),
    );
    expect(refused.code).toBe("invalid");
    expect(refused.fields).toEqual({
      siteNameEn: "Give the site's name in English: it heads every page.",
      siteNameZh: "The Chinese site name is one line: remove the line breaks.",
      newsletterName: "Keep the newsletter's name under 100 characters.",
      contactBlock: "Keep the contact block under 2,000 characters.",
      aboutBlock: "The about text holds an invisible control character: retype it.",
      defaultLocale: "Choose English or Chinese as the default language.",
    });
    expect(await code(updateSiteSettings(admin, { ...current, updatedAt: "yesterday" }))).toBe("invalid");
    expect(await code(updateSiteSettings(admin, { updatedAt: current.updatedAt }))).toBe("invalid");
    expect(await auditOf(admin.id)).toEqual([]);
  });

  it("a save that changes nothing writes nothing and leaves the reader cache alone", async () => {
    const admin = await makeUser("admin");
    const current = await getSettingsForStudio(admin);
    const generation = readerBus().generation;
    expect(await updateSiteSettings(admin, { ...current })).toEqual({ updatedAt: current.updatedAt, changed: [] });
    expect(readerBus().generation).toBe(generation);
    expect(await auditOf(admin.id)).toEqual([]);
  });

  it("only admins may read or change them, whatever they send", async () => {
    const admin = await makeUser("admin");
    const current = await getSettingsForStudio(admin);
    for (const role of ["contributor", "reviewer", "editor"] as const) {
      const actor = await makeUser(role);
      expect(await code(getSettingsForStudio(actor))).toBe("forbidden");
      expect(await code(updateSiteSettings(actor, { ...current, newsletterName: `By the ${role}` }))).toBe("forbidden");
      expect(await code(updateSiteSettings(actor, { nonsense: true }))).toBe("forbidden");
      expect(await auditOf(actor.id)).toEqual([]);
    }
    const { db } = await getDatabase();
    expect((await findSettings(db))?.newsletterName).not.toMatch(/^By the/);
  });

  it.runIf(processDialect === "postgres")("on Postgres, every other server hears of a save once it commits, and not of a refused one", async () => {
    const admin = await makeUser("admin");
    const other = new Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    const heard: Notification[] = [];
    other.on("notification", (n) => heard.push(n));
    await other.query(`LISTEN ${READER_CHANNEL}`);
    try {
      const current = await getSettingsForStudio(admin);
      await failure(updateSiteSettings(admin, { ...current, newsletterName: "Stale", updatedAt: current.updatedAt - 1 }));
      await other.query("SELECT 1"); // notices arrive before the answer to a later query
      expect(heard).toHaveLength(0);
      await updateSiteSettings(admin, { ...current, newsletterName: "Heard everywhere" });
      await other.query("SELECT 1");
      expect(heard.map((n) => n.channel)).toEqual([READER_CHANNEL]);
    } finally {
      await other.end();
    }
  });
});
