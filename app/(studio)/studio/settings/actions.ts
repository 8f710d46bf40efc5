"use server";

import { revalidatePath } from "next/cache";
import { runAction, toFormState, type FormState } from "@/lib/action-result";
import { updateSiteSettings } from "@/lib/settings/update-settings";

const FIELDS = ["siteNameEn", "siteNameZh", "newsletterName", "contactBlock", "aboutBlock", "defaultLocale", "updatedAt"];

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = Object.fromEntries(FIELDS.map((name) => [name, formData.get(name) ?? undefined]));
  const result = await runAction((user) => updateSiteSettings(user, input));
  if (!result.ok) return toFormState(result);
  if (result.data.changed.length === 0) return { ok: true, message: "Nothing to save: the settings are as they were." };
  revalidatePath("/studio/settings");
  revalidatePath("/", "layout");
  return { ok: true, message: "Saved. Every reader page shows the new settings now." };
}
