// A plain link: this boundary sits in the root layout, so what it imports is loaded by every
// page, reader pages included (next/link would add its client code to all of them).
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-brand-700">403</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Not for your role</h1>
      <p className="mt-3 text-gray-700">Your account does not have access to this page. Ask an admin if you need it.</p>
      <p className="mt-6">
        <a href="/studio" className="text-brand-700 underline">
          Back to the studio
        </a>
      </p>
    </main>
  );
}
