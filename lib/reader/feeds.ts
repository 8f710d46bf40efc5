import "server-only";
import { Feed, type Item } from "feed";
import { getDatabase } from "../../db/client";
import {
  listIllustratedStoriesOfIssues,
  listRecentPublishedIssues,
  listRecentPublishedStories,
  listStoryTitlesOfIssues,
} from "../../db/queries/published-feeds";
import { siteUrl } from "../site-url";
import { getSiteSettings } from "./read-published";
import { absoluteUrl, feedPath, FEEDS, type FeedFile } from "./seo";
import { absolutizeHtml, coverPath, firstStoryImage, issueCover, type CoverImage } from "./structured-data";

/** How many entries a feed holds: the newest, as feed readers poll for what is new. */
export const FEED_LIMIT = 50;

export const FEED_CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
} as const;

// Characters XML 1.0 does not allow at all; they cannot be escaped, only left out.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Plain text for an XML text node: the library's XML writer escapes it. */
const xmlText = (text: string) => text.replace(NOT_XML, "");

/**
 * Entry titles, summaries and content go into CDATA sections that say they hold HTML
 * (Atom type="html", RSS by custom), so plain text is escaped: a title like "A < B & C"
 * reads as itself, and no "]]>" can end the CDATA section early.
 */
export function feedText(text: string): string {
  return xmlText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Rendered story HTML with absolute URLs; "]]>" (in an attribute, say) is the same to HTML as "]]&gt;". */
const feedHtml = (html: string) => absolutizeHtml(xmlText(html).replaceAll("]]>", "]]&gt;"), siteUrl());

/** The issue's date as a moment (midnight UTC), for "published". */
const issueDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

function imageEnclosure(cover: CoverImage | null): Pick<Item, "image"> {
  return cover ? { image: { url: absoluteUrl(coverPath(cover)), type: "image/webp", length: 0 } } : {};
}

async function newFeed(file: FeedFile, subject: string, description: string, updated: Date | undefined) {
  const settings = await getSiteSettings();
  const home = absoluteUrl("/");
  const kind = FEEDS[file].kind;
  return new Feed({
    id: home,
    link: home,
    title: xmlText(`${settings.newsletterName} · ${settings.siteNameEn}: ${subject}`),
    description: xmlText(description),
    language: settings.defaultLocale || "en",
    updated,
    generator: "Newsletter Studio",
    image: absoluteUrl("/apple-touch-icon.png"),
    favicon: absoluteUrl("/favicon.ico"),
    copyright: xmlText(`© ${settings.siteNameEn}`),
    feedLinks: { rss: absoluteUrl(feedPath(`${kind}.xml`)), atom: absoluteUrl(feedPath(`${kind}.atom`)) },
  });
}

/**
 * RSS wants an author's e-mail, which readers must not get; a name goes in dc:creator
 * instead (the library declares the dc namespace when an entry has content, as all ours
 * do). Atom has <author><name> for it.
 */
function byline(format: "rss" | "atom", name: string): Pick<Item, "author" | "extensions"> {
  return format === "atom"
    ? { author: [{ name: xmlText(name) }] }
    : { extensions: [{ name: "dc:creator", objects: { _text: xmlText(name) } }] };
}

async function issuesFeed(file: FeedFile): Promise<Feed> {
  const format = FEEDS[file].format;
  const { db } = await getDatabase();
  const issues = await listRecentPublishedIssues(db, FEED_LIMIT);
  const ids = issues.map((i) => i.issueId);
  const [titles, illustrated] = await Promise.all([listStoryTitlesOfIssues(db, ids), listIllustratedStoriesOfIssues(db, ids)]);
  const settings = await getSiteSettings();
  const feed = await newFeed(file, "issues", `Every issue of ${settings.newsletterName}, newest first.`, latest(issues));
  for (const issue of issues) {
    const url = absoluteUrl(`/issues/${issue.slug}`);
    const stories = titles.filter((s) => s.issueId === issue.issueId);
    const list = stories
      .map((s) => `<li><a href="${absoluteUrl(`/issues/${issue.slug}/${s.slug}`)}">${feedText(s.title)}</a></li>`)
      .join("");
    feed.addItem({
      link: url,
      title: feedText(issue.title),
      date: issue.publishedAt,
      published: issueDay(issue.issueDate),
      description: feedText(issue.editorsNote || `Issue ${issue.number}, ${issue.year}`),
      content: `${issue.editorsNote ? `<p>${feedText(issue.editorsNote)}</p>` : ""}<ol>${list}</ol>`,
      ...byline(format, settings.siteNameEn),
      ...imageEnclosure(issueCover(illustrated.filter((s) => s.issueId === issue.issueId))),
    });
  }
  return feed;
}

async function storiesFeed(file: FeedFile): Promise<Feed> {
  const format = FEEDS[file].format;
  const { db } = await getDatabase();
  const stories = await listRecentPublishedStories(db, FEED_LIMIT);
  const settings = await getSiteSettings();
  const feed = await newFeed(file, "stories", `The newest stories of ${settings.newsletterName}.`, latest(stories.map((s) => s.issue)));
  for (const story of stories) {
    const url = absoluteUrl(`/issues/${story.issue.slug}/${story.slug}`);
    feed.addItem({
      link: url,
      title: feedText(story.title),
      date: story.issue.publishedAt,
      published: issueDay(story.issue.issueDate),
      description: feedText(story.standfirst || story.title),
      content: feedHtml(story.html),
      ...byline(format, story.authorName),
      ...imageEnclosure(firstStoryImage(story.html)),
    });
  }
  return feed;
}

function latest(issues: { publishedAt: Date }[]): Date | undefined {
  return issues.reduce<Date | undefined>((max, i) => (!max || i.publishedAt > max ? i.publishedAt : max), undefined);
}

/** One of the four feeds, as XML. */
export async function renderFeed(file: FeedFile): Promise<string> {
  const feed = FEEDS[file].kind === "issues" ? await issuesFeed(file) : await storiesFeed(file);
  return FEEDS[file].format === "rss" ? feed.rss2() : feed.atom1();
}
