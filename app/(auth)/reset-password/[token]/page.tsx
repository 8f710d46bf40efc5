import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/ui/auth-card";
import { TokenPasswordForm } from "@/components/ui/token-password-form";
import { inspectToken } from "@/lib/people/redeem-token";
import { resetPasswordAction } from "../../account-actions";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await inspectToken("password_reset", token);
  if (found.state !== "valid") {
    return (
      <AuthCard title="This reset link can't be used">
        <p data-testid="token-problem" className="text-gray-800">{found.message}</p>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="text-brand-700 underline">Ask for a new link</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <p className="mb-4 text-sm text-gray-700">Your other sessions end when you save it.</p>
      <TokenPasswordForm action={resetPasswordAction} token={token} email={found.email} submitLabel="Save password and sign in" />
    </AuthCard>
  );
}
