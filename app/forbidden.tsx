import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-brand-700">403</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Not for your role</h1>
      <p className="mt-3 text-gray-700">Your account does not have access to this page. Ask an admin if you need it.</p>
      <p className="mt-6">
        <Link href="/studio" className="text-brand-700 underline">
          Back to the studio
        </Link>
      </p>
    </main>
  );
}
