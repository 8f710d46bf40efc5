import "server-only";
import { tables, type Db } from "../client";

export interface AuditEntry {
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
