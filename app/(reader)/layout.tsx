import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Masthead } from "@/components/reader/masthead";
import { SiteFooter } from "@/components/reader/site-footer";
import { getSiteSettings } from "@/lib/reader/read-published";
import { feedAlternates } from "@/lib/reader/seo";

// Every reader page links the feeds; pages with a canonical URL repeat them (lib/reader/seo.ts).
export async function generateMetadata(): Promise<Metadata> {
  return { alternates: { types: await feedAlternates() } };
}

export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  // Reader pages read the live snapshot at request time. scripts/server.mjs keeps the
  // rendered HTML (scripts/reader-cache.mjs) and drops it on every publish, unpublish or
  // settings change, on every server; a page not in that cache is rendered here afresh.
  await connection();
  const [settings, t] = await Promise.all([getSiteSettings(), getTranslations("Layout")]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("skipLink")}
      </a>
      <Masthead settings={settings} />
      <main id="main">{children}</main>
      <SiteFooter settings={settings} />
    </>
  );
}
