import type { Metadata } from "next";
import { ImportDocxForm } from "@/components/studio/import-docx-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import Word document" };

export default async function ImportDocxPage() {
  await requireUser();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Import Word document</h1>
      <div className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <ImportDocxForm />
      </div>
    </div>
  );
}
