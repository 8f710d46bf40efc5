import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/reader/seo";

// The site's address is read at request time (AUTH_URL), not frozen into the build.
export const dynamic = "force-dynamic";

/** Crawlers read the reader site; the studio, the API and the account pages are not for them. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/studio", "/api", "/signin", "/forgot-password", "/reset-password", "/invitation"],
    },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
