import { useTranslations } from "next-intl";
import { MAX_QUERY_LENGTH } from "@/lib/search/limits";

/**
 * A plain GET form: it works with JavaScript off, and the results page is an ordinary
 * link that can be shared or bookmarked.
 */
export function SearchForm({
  id,
  name,
  defaultValue = "",
  large = false,
}: {
  id: string;
  /** Names the search landmark; a page with two forms needs two names. */
  name: string;
  defaultValue?: string;
  large?: boolean;
}) {
  const t = useTranslations("SearchForm");
  const field = (
    <input
      id={id}
      name="q"
      type="search"
      defaultValue={defaultValue}
      maxLength={MAX_QUERY_LENGTH}
      placeholder={t("placeholder")}
      className={`min-w-0 rounded border border-gray-400 bg-white px-2 text-ink focus:border-brand-700 focus:outline-2 focus:outline-brand-600 ${
        large ? "flex-1 py-2 text-base" : "w-40 py-1 text-sm sm:w-52"
      }`}
    />
  );
  const button = (
    <button
      type="submit"
      className={`shrink-0 rounded bg-brand-700 font-medium text-white hover:bg-brand-800 ${large ? "px-4 py-2" : "px-3 py-1 text-sm"}`}
    >
      {t("button")}
    </button>
  );
  return (
    <form action="/search" method="get" role="search" aria-label={name} className={large ? "flex flex-col gap-1" : "flex items-center gap-2"}>
      <label htmlFor={id} className={large ? "text-sm font-medium text-gray-700" : "sr-only"}>
        {t("label")}
      </label>
      {large ? (
        <div className="flex items-center gap-2">
          {field}
          {button}
        </div>
      ) : (
        <>
          {field}
          {button}
        </>
      )}
    </form>
  );
}
