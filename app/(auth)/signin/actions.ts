"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut, ThrottledSignIn } from "@/auth";
import { describeRetry } from "@/lib/auth/throttle";
import type { FormState } from "@/lib/action-result";

const signInFormSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password."),
  callbackUrl: z.string().optional(),
});

/** Only studio paths on this site: a callback URL must never send anyone elsewhere. */
function safeCallback(url: string | undefined): string {
  return url && /^\/studio(\/[\w\-/?=&%.]*)?$/.test(url) ? url : "/studio";
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { ok: false, error: "Check the highlighted fields.", fields };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      const seconds = error instanceof ThrottledSignIn ? error.retryAfterSeconds : 15 * 60;
      return { ok: false, error: `Too many failed sign-ins. Try again ${describeRetry(seconds)}.` };
    }
    // The same answer for an unknown email, a wrong password and an inactive account.
    if (error instanceof AuthError) return { ok: false, error: "Wrong email or password." };
    throw error;
  }
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?reason=signed-out-by-you" });
}
