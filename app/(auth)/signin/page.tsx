import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/ui/auth-card";
import { SignInForm } from "@/components/ui/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, string> = {
  "signed-out": "Your session has ended. Please sign in again.",
  "signed-out-by-you": "You are signed out.",
  "password-set": "Your password is saved. Sign in with it.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, reason } = await searchParams;
  if (await getCurrentUser()) redirect("/studio");
  const notice = reason ? REASONS[reason] : undefined;
  let callbackPath: string | undefined;
  try {
    callbackPath = callbackUrl ? new URL(callbackUrl, "http://x").pathname : undefined;
  } catch {
    callbackPath = undefined;
  }
  return (
    <AuthCard title="Sign in">
      {notice ? <p className="mb-4 rounded-md bg-gray-100 px-3 py-2 text-sm text-gray-800">{notice}</p> : null}
      <SignInForm callbackUrl={callbackPath} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </AuthCard>
  );
}
