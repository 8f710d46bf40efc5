import "server-only";
import { getDatabase, type Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { countActiveAdminsForUpdate, findPerson, updatePerson } from "../../db/queries/people";
import { AppError } from "../errors";
import { canManagePeople, type Actor } from "../policy";
import { parseInput } from "../validation";
import { changeRoleSchema, setStatusSchema } from "./schemas";

const LAST_ADMIN = "This is the last active admin. Make someone else an admin first.";

async function loadTarget(tx: Db, userId: string) {
  const person = await findPerson(tx, userId);
  if (!person) throw new AppError("not_found", "No such account.");
  return person;
}

/** Takes effect on the person's next request: the session reads the role from the database. */
export async function changeRole(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(changeRoleSchema, input);
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can change roles.");
  if (data.userId === actor.id) throw new AppError("forbidden", "You can't change your own role. Ask another admin.");
  const { write, dialect } = await getDatabase();
  await write(async (tx) => {
    const person = await loadTarget(tx, data.userId);
    if (person.role === data.role) return;
    if (person.role === "admin" && person.status === "active" && (await countActiveAdminsForUpdate(tx, dialect)) <= 1)
      throw new AppError("conflict", LAST_ADMIN);
    await updatePerson(tx, person.id, { role: data.role });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "user.role_changed",
      targetType: "user",
      targetId: person.id,
      details: { email: person.email, from: person.role, to: data.role },
    });
  });
}

/** Deactivation ends the person's sessions at once; reactivation lets them sign in again. */
export async function setAccountStatus(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(setStatusSchema, input);
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can deactivate or reactivate accounts.");
  if (data.userId === actor.id) throw new AppError("forbidden", "You can't deactivate your own account. Ask another admin.");
  const { write, dialect } = await getDatabase();
  await write(async (tx) => {
    const person = await loadTarget(tx, data.userId);
    if (person.status === data.status) return;
    if (person.status === "invited")
      throw new AppError("conflict", "This person has not accepted the invitation yet. Revoke the invitation instead.");
    if (data.status === "deactivated" && person.role === "admin" && (await countActiveAdminsForUpdate(tx, dialect)) <= 1)
      throw new AppError("conflict", LAST_ADMIN);
    await updatePerson(tx, person.id, { status: data.status, endSessions: data.status === "deactivated" });
    await insertAudit(tx, {
      actorId: actor.id,
      action: data.status === "deactivated" ? "user.deactivated" : "user.reactivated",
      targetType: "user",
      targetId: person.id,
      details: { email: person.email },
    });
  });
}
