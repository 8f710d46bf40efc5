import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/ui/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, string> = {
  "signed-out": "Your session has ended. Please sign in again.",
  "signed-out-by-you": "You are signed out.",
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
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-widest text-brand-700">Newsletter Studio</p>
        <h1 className="mt-1 text-2xl font-bold">Sign in</h1>
        {notice ? <p className="mt-3 rounded-md bg-gray-100 px-3 py-2 text-sm text-gray-800">{notice}</p> : null}
        <div className="mt-6">
          <SignInForm callbackUrl={callbackPath} />
        </div>
        <p className="mt-6 text-center text-sm">
          <Link href="/" className="text-brand-700 hover:underline">
            ← Back to the newsletter
          </Link>
        </p>
      </div>
    </main>
  );
}
