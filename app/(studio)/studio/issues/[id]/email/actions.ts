"use server";

import { runAction, toFormState, type FormState } from "@/lib/action-result";
import { sendTestEmail } from "@/lib/email/email-edition";

/** Mails the issue's email edition to the signed-in editor, and no one else. */
export async function sendTestEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((user) => sendTestEmail(user, { issueId: formData.get("issueId") ?? undefined }));
  return toFormState(result, result.ok ? `Sent a test to ${result.data.to}. It has the HTML and the plain-text part.` : undefined);
}
