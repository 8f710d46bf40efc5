import "server-only";
import { cache } from "react";
import { getDatabase } from "../../db/client";
import {
  findLatestPublishedIssue,
  findPublishedIssue,
  findPublishedStory,
  listPublishedStories,
  listPublishedTranslations,
  type PublishedIssue,
  type PublishedLanguage,
  type PublishedStory,
} from "../../db/queries/published";
import { findSettings, type SiteSettings } from "../../db/queries/settings";
import { readingMinutes } from "../text/words";
import { languagesOf } from "./translations";

const SLUG = /^[a-z0-9-]{1,120}$/;

const FALLBACK_SETTINGS: SiteSettings = {
  siteNameEn: "Newsletter",
  siteNameZh: "",
  newsletterName: "Newsletter",
  contactBlock: "",
  aboutBlock: "",
  defaultLocale: "en",
};

export const getSiteSettings = cache(async (): Promise<SiteSettings> => {
  const { db } = await getDatabase();
  return (await findSettings(db)) ?? FALLBACK_SETTINGS;
});

export interface IssueWithStories {
  issue: PublishedIssue;
  stories: PublishedStory[];
}

export const getLatestIssue = cache(async (): Promise<IssueWithStories | null> => {
  const { db } = await getDatabase();
  const issue = await findLatestPublishedIssue(db);
  return issue ? { issue, stories: await listPublishedStories(db, issue.issueId) } : null;
});

export const getPublishedIssue = cache(async (slug: string): Promise<IssueWithStories | null> => {
  if (!SLUG.test(slug)) return null;
  const { db } = await getDatabase();
  const issue = await findPublishedIssue(db, slug);
  return issue ? { issue, stories: await listPublishedStories(db, issue.issueId) } : null;
});

export const getPublishedStory = cache(
  async (
    issueSlug: string,
    storySlug: string,
  ): Promise<{ issue: PublishedIssue; story: PublishedStory & { readingMinutes: number } } | null> => {
    if (!SLUG.test(issueSlug) || !SLUG.test(storySlug)) return null;
    const { db } = await getDatabase();
    const issue = await findPublishedIssue(db, issueSlug);
    if (!issue) return null;
    const found = await findPublishedStory(db, issue.issueId, storySlug);
    if (!found) return null;
    const { plainText, ...story } = found;
    return { issue, story: { ...story, readingMinutes: readingMinutes(plainText) } };
  },
);

/**
 * The languages a published story is read in, main language first: the story and its
 * translations published in the same issue (just the story when it has none).
 */
export const getStoryLanguages = cache(
  async (issueId: string, storySlug: string, group: string | null): Promise<PublishedLanguage[]> => {
    if (group === null) return [];
    const { db } = await getDatabase();
    const members = await listPublishedTranslations(db, issueId, group);
    const self = members.find((m) => m.slug === storySlug);
    return self ? languagesOf(members, self) : [];
  },
);
