import "server-only";
import { eq } from "drizzle-orm";
import { processDialect, tables, type Db } from "../client";
import { forUpdate } from "../dialect";

export interface SiteSettings {
  siteNameEn: string;
  siteNameZh: string;
  newsletterName: string;
  contactBlock: string;
  aboutBlock: string;
  defaultLocale: string;
}

/** The settings with the time of their last change, which a save must match (optimistic locking). */
export interface StoredSettings extends SiteSettings {
  updatedAt: Date;
}

const { settings } = tables;

const columns = {
  siteNameEn: settings.siteNameEn,
  siteNameZh: settings.siteNameZh,
  newsletterName: settings.newsletterName,
  contactBlock: settings.contactBlock,
  aboutBlock: settings.aboutBlock,
  defaultLocale: settings.defaultLocale,
};

export async function findSettings(db: Db): Promise<SiteSettings | null> {
  const [row] = await db.select(columns).from(settings).where(eq(settings.id, 1)).limit(1);
  return row ?? null;
}

/** Inside a write: the row, locked on Postgres until the transaction ends. */
export async function findSettingsForUpdate(db: Db): Promise<StoredSettings | null> {
  const [row] = await forUpdate(
    processDialect,
    db
      .select({ ...columns, updatedAt: settings.updatedAt })
      .from(settings)
      .where(eq(settings.id, 1))
      .limit(1),
  );
  return row ?? null;
}

export async function findStoredSettings(db: Db): Promise<StoredSettings | null> {
  const [row] = await db
    .select({ ...columns, updatedAt: settings.updatedAt })
    .from(settings)
    .where(eq(settings.id, 1))
    .limit(1);
  return row ?? null;
}

export async function updateSettings(tx: Db, values: SiteSettings & { updatedAt: Date }): Promise<void> {
  await tx.update(settings).set(values).where(eq(settings.id, 1));
}

/** Writes the settings row only when there is none yet. */
export async function insertSettingsIfMissing(tx: Db, values: SiteSettings): Promise<void> {
  await tx.insert(settings).values({ id: 1, ...values }).onConflictDoNothing();
}
