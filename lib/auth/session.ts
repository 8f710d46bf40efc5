import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "../../auth";
import type { Role } from "../domain-types";
import { atLeast, type Actor } from "../policy";
import { resolveSession } from "./server-sessions";

export interface CurrentUser extends Actor {
  name: string;
  email: string;
}

/**
 * The signed-in user as the database sees them now, once per request. A signed-out or
 * expired session, a deactivated account, or a session older than the account's session
 * version counts as signed out: that is how revocation reaches an existing cookie on its
 * next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id || !claims.sessionId) return null;
  const user = await resolveSession({ userId: claims.id, sessionId: claims.sessionId, sessionVersion: claims.sessionVersion });
  return user && { id: user.id, role: user.role, name: user.name, email: user.email };
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
