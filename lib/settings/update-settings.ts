import "server-only";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findSettingsForUpdate, updateSettings, type SiteSettings } from "../../db/queries/settings";
import { AppError } from "../errors";
import { canEditSettings, type Actor } from "../policy";
import { noticeReaderChange, readerChanged } from "../reader/cache-bus";
import { parseInput } from "../validation";
import { saveSettingsSchema } from "./schemas";

export const STALE_SETTINGS =
  "Someone else changed the settings after you opened this page. Your text is still here: copy what you need, reload the page to see their version, and save again.";

const FIELDS = ["siteNameEn", "siteNameZh", "newsletterName", "contactBlock", "aboutBlock", "defaultLocale"] as const;

/**
 * Saves the site settings (admins only) if nobody else saved since the editor was opened.
 * Every reader page shows them (masthead, footer, feeds), so every cached reader page on
 * every server is dropped once the change is committed.
 */
export async function updateSiteSettings(
  actor: Actor,
  input: unknown,
): Promise<{ updatedAt: number; changed: (keyof SiteSettings)[] }> {
  // Refuse before reading the input: a non-admin learns nothing about what would be valid.
  if (!canEditSettings(actor)) throw new AppError("forbidden", "Only admins can change the site settings.");
  const { updatedAt: seen, ...next } = parseInput(saveSettingsSchema, input);
  const { write } = await getDatabase();
  const result = await write(async (tx) => {
    const current = await findSettingsForUpdate(tx);
    if (!current) throw new AppError("not_found", "The site settings are missing: restart the app to write the defaults.");
    if (current.updatedAt.getTime() !== seen) throw new AppError("conflict", STALE_SETTINGS);
    const changed = FIELDS.filter((field) => current[field] !== next[field]);
    if (changed.length === 0) return { updatedAt: seen, changed };
    // Always later than the version it replaces, even two saves within one millisecond.
    const updatedAt = new Date(Math.max(Date.now(), seen + 1));
    await updateSettings(tx, { ...next, updatedAt });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "settings.updated",
      targetType: "settings",
      targetId: null,
      details: { changed },
    });
    await noticeReaderChange(tx);
    return { updatedAt: updatedAt.getTime(), changed };
  });
  // Committed: this server's cached reader pages go now, other servers' on the notice.
  if (result.changed.length > 0) readerChanged();
  return result;
}
