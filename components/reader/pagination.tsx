import { useTranslations } from "next-intl";

/**
 * Page links for a reader list (archive, author): plain links, so they work with
 * JavaScript off and each page is an address of its own that the reader cache can keep.
 */
/** The words around a page number, for screen readers: "Page 2", "第 2 页", showing "2". */
const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

export function Pagination({
  label,
  page,
  pageCount,
  href,
}: {
  /** Names the navigation landmark, e.g. "Archive pages". */
  label: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  const t = useTranslations("Pagination");
  if (pageCount <= 1) return null;
  const around = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const link = "inline-block rounded px-3 py-2 text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline";
  return (
    <nav aria-label={label} className="no-print mt-10 flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 ? (
        <a className={link} href={href(page - 1)} rel="prev">
          ← {t("newer")}
        </a>
      ) : null}
      <ul className="flex flex-wrap items-center gap-1">
        {around.map((n, i) => (
          <li key={n} className="flex items-center gap-1">
            {i > 0 && n - (around[i - 1] ?? n) > 1 ? <span aria-hidden="true">…</span> : null}
            {n === page ? (
              <span aria-current="page" className="inline-block rounded bg-brand-700 px-3 py-2 font-semibold text-white">
                {t.rich("page", { page: n, hidden })}
              </span>
            ) : (
              <a className={link} href={href(n)}>
                {t.rich("page", { page: n, hidden })}
              </a>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <a className={link} href={href(page + 1)} rel="next">
          {t("older")} →
        </a>
      ) : null}
    </nav>
  );
}
