"use server";

import type { JSONContent } from "@tiptap/core";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, toFormState, type ActionResult, type FormState } from "@/lib/action-result";
import { commentOnStory } from "@/lib/stories/comment-on-story";
import { createStory } from "@/lib/stories/create-story";
import { getStoryForStudio } from "@/lib/stories/read-stories";
import { storyIdSchema } from "@/lib/stories/schemas";
import { transitionStory } from "@/lib/stories/transition-story";
import { addTranslation } from "@/lib/stories/translate-story";
import { parseInput } from "@/lib/validation";
import { STORY_TRANSITIONS, type StoryAction } from "@/lib/workflow";

export async function createStoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) =>
    createStory(user, {
      title: formData.get("title"),
      standfirst: formData.get("standfirst") ?? "",
      locale: formData.get("locale") ?? undefined,
    }),
  );
  if (!result.ok) return toFormState(result);
  revalidatePath("/studio/stories");
  redirect(`/studio/stories/${result.data.id}`);
}

/** Starts a translation of a story and opens it, to be written over. */
export async function addTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) =>
    addTranslation(user, { storyId: formData.get("storyId"), locale: formData.get("locale") }),
  );
  if (!result.ok) return toFormState(result);
  revalidatePath("/studio", "layout");
  redirect(`/studio/stories/${result.data.id}`);
}

export interface StoryAtServer {
  version: number;
  title: string;
  standfirst: string;
  body: JSONContent;
  updatedAt: string;
}

/** The story as stored now, for the editor's conflict screen after someone else saved. */
export async function currentStoryAction(storyId: unknown): Promise<ActionResult<StoryAtServer>> {
  return runAction(async (user) => {
    const { story } = await getStoryForStudio(user, parseInput(storyIdSchema, storyId));
    return {
      version: story.version,
      title: story.title,
      standfirst: story.standfirst,
      body: story.body,
      updatedAt: story.updatedAt.toISOString(),
    };
  });
}

const storyActionSchema = z.enum(Object.keys(STORY_TRANSITIONS) as [StoryAction, ...StoryAction[]], {
  error: "Unknown workflow step.",
});

export async function transitionStoryAction(
  action: unknown,
  input: unknown,
): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((user) => transitionStory(user, parseInput(storyActionSchema, action), input));
  if (result.ok) revalidatePath("/studio", "layout");
  return result;
}

export async function commentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const storyId = formData.get("storyId");
  const result = await runAction((user) => commentOnStory(user, { storyId, body: formData.get("body") }));
  if (result.ok && typeof storyId === "string") revalidatePath(`/studio/stories/${storyId}`);
  return toFormState(result, "Comment added.");
}
