"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, toFormState, type FormState } from "@/lib/action-result";
import { addStoryToIssue, removeStoryFromIssue } from "@/lib/issues/arrange-issue";
import { createIssue } from "@/lib/issues/create-issue";
import { publishIssue, unpublishIssue } from "@/lib/issues/publish-issue";

const fields = (formData: FormData, ...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, formData.get(name) ?? undefined]));

/** Reader pages and the studio's issue pages after a change to what is live. */
function revalidateIssue(issueId: string) {
  revalidatePath("/", "layout");
  revalidatePath(`/studio/issues/${issueId}`);
}

export async function createIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) =>
    createIssue(user, fields(formData, "number", "year", "issueDate", "title", "editorsNote")),
  );
  if (!result.ok) return toFormState(result);
  revalidatePath("/studio/issues");
  redirect(`/studio/issues/${result.data.id}`);
}

export async function addStoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, "issueId", "storyId");
  const result = await runAction((user) => addStoryToIssue(user, input));
  if (result.ok) revalidatePath(`/studio/issues/${String(input.issueId)}`);
  return toFormState(result, "Story added.");
}

export async function removeStoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, "issueId", "storyId");
  const result = await runAction((user) => removeStoryFromIssue(user, input));
  if (result.ok) revalidatePath(`/studio/issues/${String(input.issueId)}`);
  return toFormState(result, "Story removed.");
}

export async function publishIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, "issueId", "version");
  const result = await runAction((user) => publishIssue(user, input));
  if (result.ok) revalidateIssue(String(input.issueId));
  return toFormState(result, "Published. Readers see this issue now.");
}

export async function unpublishIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, "issueId", "version");
  const result = await runAction((user) => unpublishIssue(user, input));
  if (result.ok) revalidateIssue(String(input.issueId));
  return toFormState(result, "Unpublished. Readers no longer see this issue.");
}
