import "server-only";
import { eq } from "drizzle-orm";
import { tables, type Db } from "../client";

export interface SiteSettings {
  siteNameEn: string;
  siteNameZh: string;
  newsletterName: string;
  contactBlock: string;
  aboutBlock: string;
  defaultLocale: string;
}

const { settings } = tables;

export async function findSettings(db: Db): Promise<SiteSettings | null> {
  const [row] = await db
    .select({
      siteNameEn: settings.siteNameEn,
      siteNameZh: settings.siteNameZh,
      newsletterName: settings.newsletterName,
      contactBlock: settings.contactBlock,
      aboutBlock: settings.aboutBlock,
      defaultLocale: settings.defaultLocale,
    })
    .from(settings)
    .where(eq(settings.id, 1))
    .limit(1);
  return row ?? null;
}

/** Writes the settings row only when there is none yet. */
export async function insertSettingsIfMissing(tx: Db, values: SiteSettings): Promise<void> {
  await tx.insert(settings).values({ id: 1, ...values }).onConflictDoNothing();
}
