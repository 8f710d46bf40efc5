import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { listAudit, listAuditActors } from "../../db/queries/audit";
import { AppError } from "../errors";
import { canReadAuditLog, type Actor } from "../policy";

const AUDIT_PAGE_SIZE = 50;

const day = z.iso.date().optional().catch(undefined);
const auditFilterSchema = z.object({
  actor: z.string().uuid().optional().catch(undefined),
  action: z.string().trim().regex(/^[a-z_.]{1,60}$/).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** Admins read everything; editors read the workflow entries (stories and issues). */
export async function listAuditLog(actor: Actor, input: unknown) {
  if (!canReadAuditLog(actor)) throw new AppError("forbidden", "Only editors and admins read the audit log.");
  const filter = auditFilterSchema.parse(input ?? {});
  const { db } = await getDatabase();
  const workflowOnly = actor.role !== "admin";
  const toExclusive = filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : undefined;
  const [{ rows, total }, actors] = await Promise.all([
    listAudit(db, {
      actorId: filter.actor,
      action: filter.action,
      from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
      to: toExclusive,
      workflowOnly,
      limit: AUDIT_PAGE_SIZE,
      offset: (filter.page - 1) * AUDIT_PAGE_SIZE,
    }),
    listAuditActors(db),
  ]);
  return { rows, total, filter, actors, workflowOnly, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
