import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { getDatabase } from "../../db/client";
import { listIllustratedStoriesOfIssues } from "../../db/queries/published-feeds";
import { siteUrl } from "../site-url";
import { getSiteSettings } from "./read-published";
import { coverPath, issueCover, type CoverImage } from "./structured-data";

/** An absolute URL on the site, from AUTH_URL (never from the request's Host). */
export function absoluteUrl(path: string): string {
  return new URL(path, `${siteUrl()}/`).toString();
}

export const FEEDS = {
  "issues.xml": { kind: "issues", format: "rss" },
  "issues.atom": { kind: "issues", format: "atom" },
  "stories.xml": { kind: "stories", format: "rss" },
  "stories.atom": { kind: "stories", format: "atom" },
} as const;
export type FeedFile = keyof typeof FEEDS;
export const FEED_FILES = Object.keys(FEEDS) as [FeedFile, ...FeedFile[]];

export const feedPath = (file: FeedFile) => `/feed/${file}`;

/** <link rel="alternate"> for every feed, in the head of every reader page. */
export async function feedAlternates(): Promise<NonNullable<Metadata["alternates"]>["types"]> {
  const { newsletterName } = await getSiteSettings();
  return {
    "application/rss+xml": [
      { url: absoluteUrl(feedPath("issues.xml")), title: `${newsletterName}: issues (RSS)` },
      { url: absoluteUrl(feedPath("stories.xml")), title: `${newsletterName}: stories (RSS)` },
    ],
    "application/atom+xml": [
      { url: absoluteUrl(feedPath("issues.atom")), title: `${newsletterName}: issues (Atom)` },
      { url: absoluteUrl(feedPath("stories.atom")), title: `${newsletterName}: stories (Atom)` },
    ],
  };
}

export interface ReaderPageMeta {
  /** The page's own path, e.g. "/issues/issue-13-2022": its canonical URL. */
  path: string;
  /** The <title>, before the site's template adds the newsletter's name. */
  title: string | { absolute: string };
  /** The title shown in link previews. */
  shareTitle: string;
  description?: string;
  image?: CoverImage | null;
  type?: "website" | "article";
  article?: { publishedTime: string; modifiedTime: string; authors: string[] };
  /** A page that repeats another (the print edition) is not indexed on its own. */
  noindex?: boolean;
  /** The canonical URL when it is not `path` (e.g. the print edition's issue page). */
  canonicalPath?: string;
  /** The page's language (a story's), when not the site's English. */
  locale?: string;
  /**
   * The same page in other languages (a story's translations): language tag, or
   * "x-default", to path. Each becomes <link rel="alternate" hreflang> with an absolute URL.
   */
  languages?: Record<string, string>;
}

/** OpenGraph's locale names for the newsletter's languages. */
const OG_LOCALES: Record<string, string> = {
  en: "en_US",
  zh: "zh_CN",
  km: "km_KH",
  lo: "lo_LA",
  my: "my_MM",
  th: "th_TH",
  vi: "vi_VN",
};

/** Canonical URL, feed links, OpenGraph and Twitter card of a reader page, all absolute. */
export async function readerMetadata(meta: ReaderPageMeta): Promise<Metadata> {
  const settings = await getSiteSettings();
  const url = absoluteUrl(meta.canonicalPath ?? meta.path);
  const images = meta.image ? [{ url: absoluteUrl(coverPath(meta.image)), alt: meta.image.alt || meta.shareTitle }] : [];
  const description = meta.description?.trim() || undefined;
  return {
    title: meta.title,
    description,
    alternates: {
      canonical: url,
      types: await feedAlternates(),
      ...(meta.languages
        ? { languages: Object.fromEntries(Object.entries(meta.languages).map(([lang, path]) => [lang, absoluteUrl(path)])) }
        : {}),
    },
    ...(meta.noindex ? { robots: { index: false, follow: true } } : {}),
    openGraph: {
      type: meta.type ?? "website",
      url,
      siteName: settings.siteNameEn,
      title: meta.shareTitle,
      description,
      locale: OG_LOCALES[meta.locale ?? "en"] ?? "en_US",
      images,
      ...(meta.article && meta.type === "article"
        ? { publishedTime: meta.article.publishedTime, modifiedTime: meta.article.modifiedTime, authors: meta.article.authors }
        : {}),
    },
    twitter: {
      card: images.length > 0 ? "summary_large_image" : "summary",
      title: meta.shareTitle,
      description,
      images,
    },
  };
}

/** An issue's cover when its stories are not at hand: reads only the stories that hold an image. */
export const getIssueCover = cache(async (issueId: string): Promise<CoverImage | null> => {
  const { db } = await getDatabase();
  return issueCover(await listIllustratedStoriesOfIssues(db, [issueId]));
});
