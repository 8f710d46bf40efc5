import "server-only";
import { and, count, desc, eq, gte, inArray, like, lt } from "drizzle-orm";
import { tables, type Db } from "../client";
import { byteOrder } from "../dialect";

export interface AuditEntry {
  /** Only for entries that are updated later (lib/auth/throttle.ts); otherwise a new id. */
  id?: string;
  actorId: string | null;
  action: string;
  targetType: "user" | "story" | "issue" | "settings";
  targetId: string | null;
  details?: Record<string, unknown>;
}

/** Always called with the transaction of the action it records. */
export async function insertAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(tables.auditLog).values({ ...entry, details: entry.details ?? {} });
}

export async function findAuditDetails(db: Db, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select({ details: tables.auditLog.details }).from(tables.auditLog).where(eq(tables.auditLog.id, id)).limit(1);
  return row?.details ?? null;
}

export async function updateAuditDetails(tx: Db, id: string, details: Record<string, unknown>): Promise<void> {
  await tx.update(tables.auditLog).set({ details }).where(eq(tables.auditLog.id, id));
}

export interface AuditRow {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
}

export interface AuditFilter {
  actorId?: string;
  /** Exact action, or a prefix ending in "." such as "story." */
  action?: string;
  from?: Date;
  to?: Date;
  /** Only story and issue entries (what editors may read). */
  workflowOnly: boolean;
  limit: number;
  offset: number;
}

export async function listAudit(db: Db, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const { auditLog, users } = tables;
  const where = and(
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action
      ? filter.action.endsWith(".")
        ? like(auditLog.action, `${filter.action}%`)
        : eq(auditLog.action, filter.action)
      : undefined,
    filter.from ? gte(auditLog.createdAt, filter.from) : undefined,
    filter.to ? lt(auditLog.createdAt, filter.to) : undefined,
    filter.workflowOnly ? inArray(auditLog.targetType, ["story", "issue"]) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
        actorId: auditLog.actorId,
        actorName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Everyone who appears as an actor, for the filter. */
export async function listAuditActors(db: Db): Promise<{ id: string; name: string }[]> {
  const { users } = tables;
  return db.select({ id: users.id, name: users.name }).from(users).orderBy(byteOrder(users.nameKey), users.id);
}
