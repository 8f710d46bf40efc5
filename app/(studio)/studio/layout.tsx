import Link from "next/link";
import { signOutAction } from "@/app/(auth)/signin/actions";
import { StudioNav, type NavItem } from "@/components/studio/studio-nav";
import { requireUser } from "@/lib/auth/session";
import { canEditSettings, canManageIssues, canManagePeople, canReadAuditLog, canViewAllStories } from "@/lib/policy";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items: NavItem[] = [
    { href: "/studio/stories", label: "Stories" },
    ...(canViewAllStories(user) ? [{ href: "/studio/review", label: "Review" }] : []),
    ...(canManageIssues(user) ? [{ href: "/studio/issues", label: "Issues" }] : []),
    ...(canManagePeople(user) ? [{ href: "/studio/people", label: "People" }] : []),
    ...(canReadAuditLog(user) ? [{ href: "/studio/audit", label: "Audit log" }] : []),
    ...(canEditSettings(user) ? [{ href: "/studio/settings", label: "Settings" }] : []),
    { href: "/studio/profile", label: "Profile" },
  ];
  return (
    <div className="min-h-screen bg-gray-50 md:flex">
      <aside className="border-b border-gray-200 bg-white md:w-56 md:shrink-0 md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-4 p-4 md:flex-col md:items-stretch">
          <Link href="/studio" className="text-sm font-bold text-brand-800">
            Newsletter Studio
          </Link>
          <StudioNav items={items} />
        </div>
        <div className="border-t border-gray-200 p-4 text-sm">
          <p className="font-medium" data-testid="current-user">
            {user.name}
          </p>
          <p className="text-xs capitalize text-gray-600">{user.role}</p>
          <form action={signOutAction} className="mt-3">
            <button type="submit" className="text-sm text-brand-700 hover:underline">
              Sign out
            </button>
          </form>
          <Link href="/" className="mt-2 block text-sm text-gray-600 hover:underline">
            View the newsletter
          </Link>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
