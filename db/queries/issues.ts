import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { IssueStatus } from "../../lib/domain-types";
import { processDialect, tables, type Db } from "../client";
import { forUpdate } from "../dialect";

const { issues, stories } = tables;

export interface IssueSummary {
  id: string;
  number: number;
  year: number;
  slug: string;
  title: string;
  issueDate: string;
  editorsNote: string;
  status: IssueStatus;
  publishedAt: Date | null;
  version: number;
}

const summaryColumns = {
  id: issues.id,
  number: issues.number,
  year: issues.year,
  slug: issues.slug,
  title: issues.title,
  issueDate: issues.issueDate,
  editorsNote: issues.editorsNote,
  status: issues.status,
  publishedAt: issues.publishedAt,
  version: issues.version,
};

export async function listIssues(db: Db): Promise<(IssueSummary & { storyCount: number })[]> {
  const rows = await db
    .select({ ...summaryColumns, storyCount: sql<number>`count(${stories.id})` })
    .from(issues)
    .leftJoin(stories, eq(stories.issueId, issues.id))
    .groupBy(issues.id)
    .orderBy(desc(issues.year), desc(issues.number));
  return rows.map((r) => ({ ...r, storyCount: Number(r.storyCount) }));
}

export async function findIssue(db: Db, id: string): Promise<IssueSummary | null> {
  const [row] = await db.select(summaryColumns).from(issues).where(eq(issues.id, id)).limit(1);
  return row ?? null;
}

/**
 * The issue, locked for the rest of the transaction (Postgres): whatever changes an issue
 * and its live snapshot takes this lock first, so two such changes run one after the
 * other (and the second sees the first's new version) instead of deadlocking.
 */
export async function findIssueForUpdate(db: Db, id: string): Promise<IssueSummary | null> {
  const [row] = await forUpdate(processDialect, db.select(summaryColumns).from(issues).where(eq(issues.id, id)).limit(1));
  return row ?? null;
}

export async function findIssueByNumber(
  db: Db,
  number: number,
  year: number,
): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.number, number), eq(issues.year, year)))
    .limit(1);
  return row ?? null;
}

export async function insertIssue(
  db: Db,
  values: {
    number: number;
    year: number;
    slug: string;
    title: string;
    issueDate: string;
    editorsNote: string;
  },
): Promise<{ id: string }> {
  const [row] = await db.insert(issues).values(values).returning({ id: issues.id });
  if (!row) throw new Error("insert into issues returned no row");
  return row;
}

export async function updateIssueAtVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<{ status: IssueStatus; publishedAt: Date | null; scheduledAt: Date | null }>,
): Promise<number | null> {
  const [row] = await db
    .update(issues)
    .set({ ...patch, version: sql`${issues.version} + 1`, updatedAt: new Date() })
    .where(and(eq(issues.id, id), eq(issues.version, version)))
    .returning({ version: issues.version });
  return row?.version ?? null;
}

export async function nextStoryPosition(db: Db, issueId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${stories.position})` })
    .from(stories)
    .where(eq(stories.issueId, issueId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}
