import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/**
 * A studio address that names nothing (a deleted story, a mistyped link, a story someone
 * may not see): the 404 inside the studio's own layout, with the way back to work, not
 * the reader's masthead and links.
 */
export default function StudioNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-brand-700">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-gray-700">
        There is nothing at this address in the studio. The story or issue may have been deleted, or it is not one you can open.
      </p>
      <ul className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-2">
        <li>
          <Link href="/studio/stories" className="text-brand-700 underline">
            Your stories
          </Link>
        </li>
        <li>
          <Link href="/studio" className="text-brand-700 underline">
            Studio home
          </Link>
        </li>
      </ul>
    </div>
  );
}
