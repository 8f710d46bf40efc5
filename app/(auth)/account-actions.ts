"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import type { FormState } from "@/lib/action-result";
import { clientAddress } from "@/lib/auth/client-address";
import { isAppError } from "@/lib/errors";
import { requestPasswordReset } from "@/lib/people/password-resets";
import { acceptInvitation, resetPassword } from "@/lib/people/redeem-token";
import { emailSchema } from "@/lib/people/schemas";

// The visitor has no session yet: these actions are authorised by the single-use token.

async function tokenAction(fn: () => Promise<{ email: string }>, password: string): Promise<FormState> {
  let email: string;
  try {
    ({ email } = await fn());
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, fields: error.fields };
    console.error("Token action failed", error);
    return { ok: false, error: "Something went wrong on our side. Please try again." };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: "/studio" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/signin?reason=password-set");
    throw error;
  }
  return { ok: true };
}

export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const password = String(formData.get("password") ?? "");
  return tokenAction(() => acceptInvitation({ token: formData.get("token"), name: formData.get("name"), password }), password);
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const password = String(formData.get("password") ?? "");
  return tokenAction(() => resetPassword({ token: formData.get("token"), password }), password);
}

export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = emailSchema.safeParse(formData.get("email") ?? "");
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Enter a valid email address.";
    return { ok: false, error: message, fields: { email: message } };
  }
  const email = parsed.data;
  try {
    await requestPasswordReset({ email }, clientAddress(await headers()));
  } catch (error) {
    if (isAppError(error) && error.code === "throttled") return { ok: false, error: error.message };
    console.error("Password reset request failed", error);
  }
  // The same answer whether or not the address has an account.
  return {
    ok: true,
    message: "If that address has an active account and mail is set up here, a reset link is on its way. No mail within a few minutes? Ask an admin for a reset link.",
  };
}
