import type { Metadata } from "next";
import { loadOrRefuse } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { getSettingsForStudio } from "@/lib/settings/read-settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Site settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const settings = await loadOrRefuse(() => getSettingsForStudio(user));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Site settings</h1>
      <p className="text-sm text-gray-700">
        The masthead, footer and about text of the reader site, the email edition and the feeds. A save shows on every
        reader page at once.
      </p>
      <SettingsForm settings={settings} />
    </div>
  );
}
