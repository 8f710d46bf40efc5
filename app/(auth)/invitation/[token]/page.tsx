import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/ui/auth-card";
import { TokenPasswordForm } from "@/components/ui/token-password-form";
import { inspectToken } from "@/lib/people/redeem-token";
import { acceptInvitationAction } from "../../account-actions";

export const metadata: Metadata = { title: "Accept your invitation", robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await inspectToken("invitation", token);
  if (found.state !== "valid") {
    return (
      <AuthCard title="This invitation can't be used">
        <p data-testid="token-problem" className="text-gray-800">{found.message}</p>
        <p className="mt-4 text-sm">
          Already set your password? <Link href="/signin" className="text-brand-700 underline">Sign in</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Welcome aboard">
      <p className="mb-4 text-sm text-gray-700">Choose a password to finish setting up your account.</p>
      <TokenPasswordForm action={acceptInvitationAction} token={token} email={found.email} name={found.name} submitLabel="Set password and sign in" />
    </AuthCard>
  );
}
