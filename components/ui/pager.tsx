import Link from "next/link";

/** Previous / next links for a paginated table whose filters live in the query string. */
export function Pager({
  page,
  pages,
  href,
  labels = ["← Previous", "Next →"],
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels?: [string, string];
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-700 hover:underline">
          {labels[0]}
        </Link>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className="text-brand-700 hover:underline">
          {labels[1]}
        </Link>
      ) : null}
    </nav>
  );
}

/** The query string for page `page` of a filtered list (empty filters left out). */
export function pageQuery(base: string, filters: Record<string, string | number | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") params.set(key, String(value));
  params.set("page", String(page));
  return `${base}?${params}`;
}
