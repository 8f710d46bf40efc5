import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Role, UserStatus } from "../../lib/domain-types";
import { nameKey } from "../../lib/text/name-key";
import { tables, type Db } from "../client";

const { users } = tables;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  sessionVersion: number;
}

/** What a session needs to know of its account (db/queries/sessions.ts too). */
export const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  sessionVersion: users.sessionVersion,
};

/** The only query that returns a password hash: for checking a sign-in, nothing else. */
export async function findUserForSignIn(
  db: Db,
  email: string,
): Promise<(SessionUser & { passwordHash: string | null }) | null> {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return Number(row?.n ?? 0);
}

export async function insertUser(
  db: Db,
  values: { email: string; name: string; role: Role; passwordHash: string | null; status?: UserStatus },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase(), nameKey: nameKey(values.name) })
    .returning({ id: users.id });
  if (!row) throw new Error("insert into users returned no row");
  return row;
}

export async function recordSignIn(db: Db, id: string): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}
