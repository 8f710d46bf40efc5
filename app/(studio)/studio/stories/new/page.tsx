import type { Metadata } from "next";
import Link from "next/link";
import { NewStoryForm } from "@/components/studio/new-story-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage() {
  await requireUser();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">New story</h1>
      <div className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <NewStoryForm />
      </div>
      <p className="mt-4 text-sm text-gray-700">
        Written in Word already?{" "}
        <Link href="/studio/stories/import" className="font-medium text-brand-700 underline">
          Import Word document
        </Link>
      </p>
    </div>
  );
}
