import { useTranslations } from "next-intl";

export function NotFoundMessage() {
  const t = useTranslations("NotFound");
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-brand-700">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-gray-700">{t("text")}</p>
      <ul className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-2">
        <li>
          <a href="/" className="text-brand-700 underline">
            {t("home")}
          </a>
        </li>
        <li>
          <a href="/issues" className="text-brand-700 underline">
            {t("archive")}
          </a>
        </li>
        <li>
          <a href="/search" className="text-brand-700 underline">
            {t("search")}
          </a>
        </li>
      </ul>
    </div>
  );
}
