import Link from "next/link";
import { useTranslations } from "next-intl";

export function NotFoundMessage() {
  const t = useTranslations("NotFound");
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-brand-700">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-gray-700">{t("text")}</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
