"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import type { StoryDiff } from "@/lib/content/diff";
import { diffRevisions, listRevisions, restoreRevision, type RevisionListItem } from "@/lib/stories/revisions";

/** Inputs are typed loosely on purpose: a direct POST can send anything; the domain functions validate it. */
export async function listRevisionsAction(input: unknown): Promise<ActionResult<RevisionListItem[]>> {
  return runAction((user) => listRevisions(user, input));
}

export async function diffRevisionsAction(input: unknown): Promise<ActionResult<StoryDiff>> {
  return runAction((user) => diffRevisions(user, input));
}

export async function restoreRevisionAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((user) => restoreRevision(user, input));
  if (result.ok) revalidatePath("/studio", "layout");
  return result;
}
