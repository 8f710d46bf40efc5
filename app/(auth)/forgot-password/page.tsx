import type { Metadata } from "next";
import { AuthCard } from "@/components/ui/auth-card";
import { ForgotPasswordForm } from "@/components/ui/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      <p className="mb-4 text-sm text-gray-700">Enter your email address and we will send you a link to choose a new one.</p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
