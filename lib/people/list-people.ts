import "server-only";
import { getDatabase } from "../../db/client";
import { findOpenInvitations, listPeople, type PersonRow } from "../../db/queries/people";
import { AppError } from "../errors";
import { canManagePeople, type Actor } from "../policy";
import { PAGE_SIZE, peopleFilterSchema } from "./schemas";

export interface PersonListItem extends PersonRow {
  /** For invited accounts: when the open invitation link expires (null: none open). */
  invitationExpiresAt: Date | null;
}

export async function listPeopleFor(actor: Actor, input: unknown) {
  const filter = peopleFilterSchema.parse(input ?? {});
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins manage accounts.");
  const { db } = await getDatabase();
  const { rows, total } = await listPeople(db, {
    q: filter.q,
    role: filter.role,
    status: filter.status,
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  });
  const open = await findOpenInvitations(db, rows.filter((r) => r.status === "invited").map((r) => r.id));
  const people: PersonListItem[] = rows.map((r) => ({ ...r, invitationExpiresAt: open.get(r.id) ?? null }));
  return { people, total, filter, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
