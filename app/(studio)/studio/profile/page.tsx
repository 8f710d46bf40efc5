import type { Metadata } from "next";
import { ChangePasswordForm, ProfileForm } from "@/components/studio/profile-forms";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your profile" };

type Props = { searchParams: Promise<{ password?: string }> };

export default async function ProfilePage({ searchParams }: Props) {
  const user = await requireUser();
  const passwordChanged = (await searchParams).password === "changed";
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Your profile</h1>
      <p className="text-sm text-gray-700">
        {user.email} · <span className="capitalize">{user.role}</span>
      </p>
      <section aria-labelledby="profile-heading" className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="profile-heading" className="mb-4 text-lg font-semibold">Name</h2>
        <ProfileForm name={user.name} />
      </section>
      <section aria-labelledby="password-heading" className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="password-heading" className="mb-4 text-lg font-semibold">Password</h2>
        {passwordChanged ? (
          <p role="status" className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
            Password changed. You were signed out everywhere else.
          </p>
        ) : null}
        <ChangePasswordForm email={user.email} name={user.name} />
      </section>
    </div>
  );
}
