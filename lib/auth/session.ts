import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "../../auth";
import { getDatabase } from "../../db/client";
import { findSessionUser } from "../../db/queries/users";
import type { Role } from "../domain-types";
import { atLeast, type Actor } from "../policy";

export interface CurrentUser extends Actor {
  name: string;
  email: string;
}

/**
 * The signed-in user as the database sees them now, once per request. A deactivated
 * account, or a session older than the account's session version, counts as signed out:
 * that is how revocation reaches an existing cookie on its next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const { db } = await getDatabase();
  const user = await findSessionUser(db, id);
  if (!user || user.status !== "active" || user.sessionVersion !== session.user.sessionVersion) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?reason=signed-out");
  return user;
}

/** For pages: a user below `role` gets the 403 page (app/forbidden.tsx). */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (!atLeast(user, role)) forbidden();
  return user;
}
