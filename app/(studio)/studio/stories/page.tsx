import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/field";
import { StoryTable } from "@/components/studio/story-table";
import { requireUser } from "@/lib/auth/session";
import { canViewAllStories } from "@/lib/policy";
import { listStoriesFor } from "@/lib/stories/read-stories";

export const metadata: Metadata = { title: "Stories" };

type Props = { searchParams: Promise<{ scope?: string }> };

export default async function StoriesPage({ searchParams }: Props) {
  const user = await requireUser();
  const mayViewAll = canViewAllStories(user);
  const scope = (await searchParams).scope === "all" && mayViewAll ? "all" : "mine";
  const stories = await listStoriesFor(user, scope);
  return (
    <div className="mx-auto max-w-5xl">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Stories</h1>
        <div className="flex gap-2">
          <Link href="/studio/stories/import" className={buttonClass.secondary}>
            Import Word document
          </Link>
          <Link href="/studio/stories/new" className={buttonClass.primary}>
            New story
          </Link>
        </div>
      </div>
      {mayViewAll ? (
        <nav aria-label="Which stories" className="mt-4 flex gap-2 text-sm">
          {(["mine", "all"] as const).map((s) => (
            <Link
              key={s}
              href={s === "all" ? "/studio/stories?scope=all" : "/studio/stories"}
              aria-current={scope === s ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${scope === s ? "bg-brand-700 text-white" : "bg-white text-gray-700 ring-1 ring-gray-300 hover:bg-gray-100"}`}
            >
              {s === "mine" ? "My stories" : "All stories"}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="mt-4">
        <StoryTable
          stories={stories}
          caption={scope === "all" ? "All stories" : "My stories"}
          empty={scope === "all" ? "No stories yet." : "You have no stories yet. Start one with “New story”."}
        />
      </div>
    </div>
  );
}
