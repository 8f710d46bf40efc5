import type { Metadata } from "next";
import { StoryTable } from "@/components/studio/story-table";
import { loadOrRefuse } from "@/lib/action-result";
import { requireRole } from "@/lib/auth/session";
import { listReviewQueue } from "@/lib/stories/read-stories";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await requireRole("reviewer");
  const stories = await loadOrRefuse(() => listReviewQueue(user));
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold">Review queue</h1>
      <p className="mt-1 text-sm text-gray-600">Stories waiting for review, except your own.</p>
      <div className="mt-4">
        <StoryTable stories={stories} caption="Stories waiting for review" empty="Nothing is waiting for your review." />
      </div>
    </div>
  );
}
