import Link from "next/link";

/** The centred card the sign-in, invitation and reset pages share. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-widest text-brand-700">Newsletter Studio</p>
        <h1 className="mt-1 text-2xl font-bold">{title}</h1>
        <div className="mt-6">{children}</div>
        <p className="mt-6 text-center text-sm">
          <Link href="/" className="text-brand-700 hover:underline">
            ← Back to the newsletter
          </Link>
        </p>
      </div>
    </main>
  );
}
