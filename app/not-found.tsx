import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Masthead } from "@/components/reader/masthead";
import { SiteFooter } from "@/components/reader/site-footer";
import { NotFoundMessage } from "@/components/ui/not-found-message";
import { getSiteSettings } from "@/lib/reader/read-published";

// The not-found route's own title ("Page not found · Newsletter" through the root template).
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotFound"))("title") };
}

/**
 * An address no route matches, and a reader page that does not exist (proxy.ts sends those
 * here): a 404 in the reader's own layout, rendered on the server, so it reads the same
 * with JavaScript off. No layout but the root one is around it: it brings its own.
 */
export default async function NotFound() {
  const [settings, t] = await Promise.all([getSiteSettings(), getTranslations("Layout")]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("skipLink")}
      </a>
      <Masthead settings={settings} />
      <main id="main">
        <NotFoundMessage />
      </main>
      <SiteFooter settings={settings} />
    </>
  );
}
