import "server-only";
import { cache } from "react";
import { getDatabase } from "../../db/client";
import type { PublishedIssue } from "../../db/queries/published";
import {
  countStoriesByAuthor,
  findAuthorName,
  findStoryNeighbours,
  listArchivePage,
  listArchiveYears,
  listCoverFragments,
  listStoriesByAuthor,
  type ArchiveYear,
  type AuthorStory,
  type StoryLink,
} from "../../db/queries/published-pages";
import { pageCountOf } from "./page-params";
import { firstStoryImage, type CoverImage } from "./structured-data";

/** Issues on one archive page: four rows of six, three of eight, or one column of 24 on a phone. */
export const ARCHIVE_PAGE_SIZE = 24;
/** Stories on one page of an author. */
export const AUTHOR_PAGE_SIZE = 20;

const ID = /^[a-z0-9-]{1,120}$/;

export interface ArchiveIssue extends PublishedIssue {
  cover: CoverImage | null;
}

export interface Archive {
  years: ArchiveYear[];
  /** The year shown, or undefined for every year. */
  year: number | undefined;
  page: number;
  pageCount: number;
  total: number;
  issues: ArchiveIssue[];
}

/**
 * One page of the archive (of one year, or of all), with each issue's cover: the first
 * image of its stories (lib/reader/structured-data.ts issueCover), found by the database
 * (listCoverFragments). Null when there is no such page: a year with no issue, a page past
 * the last. Three bounded queries, whatever the archive's size.
 */
export const getArchive = cache(async (year: number | undefined, page: number): Promise<Archive | null> => {
  const { db } = await getDatabase();
  const years = await listArchiveYears(db);
  const total = year === undefined ? years.reduce((sum, y) => sum + y.issues, 0) : (years.find((y) => y.year === year)?.issues ?? 0);
  if (year !== undefined && total === 0) return null;
  const pageCount = pageCountOf(total, ARCHIVE_PAGE_SIZE);
  if (page > pageCount) return null;
  const issues = await listArchivePage(db, { year, offset: (page - 1) * ARCHIVE_PAGE_SIZE, limit: ARCHIVE_PAGE_SIZE });
  const covers = new Map(
    (await listCoverFragments(db, issues.map((issue) => issue.issueId))).map((row) => [row.issueId, firstStoryImage(row.html)]),
  );
  return { years, year, page, pageCount, total, issues: issues.map((issue) => ({ ...issue, cover: covers.get(issue.issueId) ?? null })) };
});

export interface AuthorPage {
  authorId: string;
  name: string;
  page: number;
  pageCount: number;
  total: number;
  stories: AuthorStory[];
}

/**
 * An author's published stories, a page at a time. Null for an id with no published story
 * (a user who has published nothing has no page) or a page past the last. Only what the
 * bylines already show: the name and the stories, nothing from the account.
 */
export const getAuthorPage = cache(async (authorId: string, page: number): Promise<AuthorPage | null> => {
  if (!ID.test(authorId)) return null;
  const { db } = await getDatabase();
  const total = await countStoriesByAuthor(db, authorId);
  if (total === 0) return null;
  const pageCount = pageCountOf(total, AUTHOR_PAGE_SIZE);
  if (page > pageCount) return null;
  const [name, stories] = await Promise.all([
    findAuthorName(db, authorId),
    listStoriesByAuthor(db, authorId, { offset: (page - 1) * AUTHOR_PAGE_SIZE, limit: AUTHOR_PAGE_SIZE }),
  ]);
  return { authorId, name: name ?? "", page, pageCount, total, stories };
});

/** The stories before and after this one in its issue (in its language). */
export const getStoryNeighbours = cache(
  async (issueId: string, position: number, locale: string): Promise<{ previous: StoryLink | null; next: StoryLink | null }> => {
    const { db } = await getDatabase();
    return findStoryNeighbours(db, issueId, { position, locale });
  },
);

/** Where an author's page is: their user id, which a change of name does not change. */
export const authorPath = (authorId: string) => `/authors/${authorId}`;
