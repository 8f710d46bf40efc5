"use server";

import { revalidatePath } from "next/cache";
import { signIn } from "@/auth";
import { runAction, toFormState, type FormState } from "@/lib/action-result";
import { changePassword, updateProfile } from "@/lib/people/profile";

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) => updateProfile(user, { name: formData.get("name") }));
  if (result.ok) revalidatePath("/studio", "layout");
  return toFormState(result, "Profile saved.");
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const newPassword = formData.get("newPassword");
  const result = await runAction(async (user) => {
    await changePassword(user, { currentPassword: formData.get("currentPassword"), newPassword });
    return user.email;
  });
  if (!result.ok) return toFormState(result);
  // Every session ended with the change, this one too: sign this browser in again, and
  // load the profile afresh so the page is rendered with the new session.
  await signIn("credentials", { email: result.data, password: String(newPassword), redirectTo: "/studio/profile?password=changed" });
  return { ok: true };
}
