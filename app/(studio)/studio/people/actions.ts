"use server";

import { revalidatePath } from "next/cache";
import { runAction, toFormState, type ActionResult, type FormState } from "@/lib/action-result";
import { invitePerson, resendInvitation, revokeInvitation, type LinkResult } from "@/lib/people/invitations";
import { changeRole, setAccountStatus } from "@/lib/people/manage-account";
import { issuePasswordReset } from "@/lib/people/password-resets";

const fields = (formData: FormData, ...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, formData.get(name) ?? undefined]));

function linkState(result: ActionResult<LinkResult>, what: string): FormState {
  if (!result.ok) return toFormState(result);
  revalidatePath("/studio/people");
  const { link, mailed, email } = result.data;
  return {
    ok: true,
    link,
    message: mailed
      ? `${what} for ${email}. It was mailed to them; you can also copy it here. It works once, for 72 hours.`
      : `${what} for ${email}. Mail is not set up, so copy this link and send it to them. It works once, for 72 hours.`,
  };
}

export async function inviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) => invitePerson(user, fields(formData, "email", "name", "role")));
  return linkState(result, "Invitation link created");
}

export async function resendInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) => resendInvitation(user, fields(formData, "userId")));
  return linkState(result, "New invitation link created");
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) => revokeInvitation(user, fields(formData, "userId")));
  if (result.ok) revalidatePath("/studio/people");
  return toFormState(result, "Invitation revoked.");
}

export async function issueResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) => issuePasswordReset(user, fields(formData, "userId")));
  return linkState(result, "Password reset link created");
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) => changeRole(user, fields(formData, "userId", "role")));
  if (result.ok) revalidatePath("/studio/people");
  return toFormState(result, "Role changed.");
}

export async function setStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, "userId", "status");
  const result = await runAction((user) => setAccountStatus(user, input));
  if (result.ok) revalidatePath("/studio/people");
  return toFormState(result, input.status === "deactivated" ? "Account deactivated. Their sessions have ended." : "Account reactivated.");
}
