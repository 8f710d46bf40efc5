import { mediaIdFromUrl, mediaUrl } from "../media/urls";

/**
 * Pure helpers for what the reader site tells other machines: feed readers, search engines
 * and link previews. No database and no environment here, so they are unit-tested alone.
 */

export interface CoverImage {
  mediaId: string;
  alt: string;
}

// The renderer writes every story image as <figure class="story-image"><img src="/media/…" … alt="…">
// (components/editor/extensions.ts); speaker portraits are not figures of that class.
const STORY_IMAGE = /<figure\b[^>]*\bclass="story-image"[^>]*>\s*<img\b([^>]*)>/g;
const ATTR = (name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`);

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
function decodeAttribute(value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The first of our own (media-library) images in a story's rendered HTML, or null. */
export function firstStoryImage(html: string): CoverImage | null {
  for (const match of html.matchAll(STORY_IMAGE)) {
    const attrs = match[1] ?? "";
    const src = ATTR("src").exec(attrs)?.[1];
    const mediaId = src ? mediaIdFromUrl(src) : null;
    if (mediaId) return { mediaId, alt: decodeAttribute(ATTR("alt").exec(attrs)?.[1] ?? "") };
  }
  return null;
}

/** An issue's cover: the first image of its stories, in issue order. */
export function issueCover(stories: readonly { html: string }[]): CoverImage | null {
  for (const story of stories) {
    const image = firstStoryImage(story.html);
    if (image) return image;
  }
  return null;
}

/** The widest stored variant, for link previews and feeds. */
export function coverPath(cover: CoverImage): string {
  return mediaUrl(cover.mediaId, 1600);
}

/**
 * JSON for an inline <script type="application/ld+json">. JSON.stringify leaves "<", ">"
 * and "&" as they are, so a title holding "</script>" would end the element early; as
 * \u escapes they are the same JSON to a parser and inert to the HTML parser. U+2028 and
 * U+2029 are escaped too, for older JavaScript parsers that read the block as code.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Root-relative links and images in rendered story HTML made absolute, for feeds (read away
 * from the site, where "/media/…" means nothing). Other URLs are left as they are.
 */
export function absolutizeHtml(html: string, origin: string): string {
  const absolute = (url: string) => (url.startsWith("/") && !url.startsWith("//") ? `${origin}${url}` : url);
  return html
    .replace(/(\s(?:src|href))="([^"]*)"/g, (_, name: string, url: string) => `${name}="${absolute(url)}"`)
    .replace(/(\ssrcset)="([^"]*)"/g, (_, name: string, set: string) =>
      `${name}="${set
        .split(",")
        .map((candidate) => {
          const [url = "", ...rest] = candidate.trim().split(/\s+/);
          return [absolute(url), ...rest].join(" ");
        })
        .join(", ")}"`,
    );
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  authorName: string;
  /** The issue's date, "YYYY-MM-DD". */
  issueDate: string;
  /** When the live text was last published. */
  publishedAt: Date;
  imageUrl: string | null;
  issue: { number: number; title: string; url: string };
  publisher: { name: string; logoUrl: string; url: string };
  inLanguage: string;
}

/** schema.org NewsArticle for a story page. */
export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  const published = input.issueDate;
  const modified = input.publishedAt.toISOString();
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: input.headline,
    ...(input.description ? { description: input.description } : {}),
    url: input.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    datePublished: published,
    // A re-publish changes the live text; a publish ahead of the issue date is no modification.
    dateModified: modified.slice(0, 10) < published ? published : modified,
    author: [{ "@type": "Person", name: input.authorName }],
    ...(input.imageUrl ? { image: [input.imageUrl] } : {}),
    publisher: {
      "@type": "Organization",
      name: input.publisher.name,
      url: input.publisher.url,
      logo: { "@type": "ImageObject", url: input.publisher.logoUrl },
    },
    isPartOf: { "@type": "PublicationIssue", issueNumber: String(input.issue.number), name: input.issue.title, url: input.issue.url },
    inLanguage: input.inLanguage,
  };
}
