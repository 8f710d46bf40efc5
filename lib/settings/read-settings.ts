import "server-only";
import { getDatabase } from "../../db/client";
import { findStoredSettings } from "../../db/queries/settings";
import { AppError } from "../errors";
import { canEditSettings, type Actor } from "../policy";
import { SITE_LOCALES, type SiteLocale } from "./schemas";

export interface SettingsForStudio {
  siteNameEn: string;
  siteNameZh: string;
  newsletterName: string;
  contactBlock: string;
  aboutBlock: string;
  defaultLocale: SiteLocale;
  /** The version a save must name: the time of the last change, in ms. */
  updatedAt: number;
}

/** The site settings as the settings editor shows them. Admins only. */
export async function getSettingsForStudio(actor: Actor): Promise<SettingsForStudio> {
  if (!canEditSettings(actor)) throw new AppError("forbidden", "Only admins can change the site settings.");
  const { db } = await getDatabase();
  const row = await findStoredSettings(db);
  if (!row) throw new AppError("not_found", "The site settings are missing: restart the app to write the defaults.");
  const { updatedAt, defaultLocale, ...text } = row;
  return {
    ...text,
    defaultLocale: (SITE_LOCALES as readonly string[]).includes(defaultLocale) ? (defaultLocale as SiteLocale) : "en",
    updatedAt: updatedAt.getTime(),
  };
}
