import "server-only";
import { and, count, desc, eq, gt, inArray, isNull, like, or, sql } from "drizzle-orm";
import type { Role, UserStatus } from "../../lib/domain-types";
import { tables, type Db, type Dialect } from "../client";
import { nameKey } from "../../lib/text/name-key";
import { byteOrder, forUpdate } from "../dialect";

const { users, tokens } = tables;

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const personColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  status: users.status,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export interface PeopleFilter {
  q?: string;
  role?: Role;
  status?: UserStatus;
  limit: number;
  offset: number;
}

export async function listPeople(db: Db, filter: PeopleFilter): Promise<{ rows: PersonRow[]; total: number }> {
  // Wildcards typed by the user are dropped rather than escaped: LIKE escapes differ by engine.
  const q = filter.q?.replace(/[\\%_]/g, "").trim();
  const where = and(
    q ? or(like(users.nameKey, `%${nameKey(q)}%`), like(users.email, `%${q.toLowerCase()}%`)) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.status ? eq(users.status, filter.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select(personColumns).from(users).where(where).orderBy(byteOrder(users.nameKey), users.id).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findPerson(db: Db, id: string): Promise<(PersonRow & { sessionVersion: number }) | null> {
  const [row] = await db
    .select({ ...personColumns, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/** Of these users, the ones with an invitation link that still works. */
export async function findOpenInvitations(db: Db, userIds: string[], now = new Date()): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: tokens.userId, expiresAt: tokens.expiresAt })
    .from(tokens)
    .where(
      and(
        inArray(tokens.userId, userIds),
        eq(tokens.kind, "invitation"),
        isNull(tokens.usedAt),
        isNull(tokens.revokedAt),
        gt(tokens.expiresAt, now),
      ),
    )
    .orderBy(desc(tokens.expiresAt));
  const open = new Map<string, Date>();
  for (const row of rows) if (!open.has(row.userId)) open.set(row.userId, row.expiresAt);
  return open;
}

/**
 * Active admins, counted under a row lock (Postgres): two admins demoting each other at
 * once must not both see "another admin is left". SQLite's writes run one at a time.
 */
export async function countActiveAdminsForUpdate(db: Db, dialect: Dialect): Promise<number> {
  const rows = await forUpdate(
    dialect,
    db.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.status, "active"))),
  );
  return rows.length;
}

export async function updatePerson(
  db: Db,
  id: string,
  patch: Partial<{ role: Role; status: UserStatus; name: string; passwordHash: string }> & { endSessions?: boolean },
): Promise<void> {
  const { endSessions, ...values } = patch;
  await db
    .update(users)
    .set({
      ...values,
      ...(values.name === undefined ? {} : { nameKey: nameKey(values.name) }),
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, id));
}

export async function findPasswordHash(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1);
  return row?.hash ?? null;
}

/** Stores `nameKey(name)` where it is missing or out of date (rows from before it existed). */
export async function refreshNameKeys(tx: Db): Promise<void> {
  const rows = await tx.select({ id: users.id, name: users.name, key: users.nameKey }).from(users);
  for (const row of rows) {
    const key = nameKey(row.name);
    if (key !== row.key) await tx.update(users).set({ nameKey: key }).where(eq(users.id, row.id));
  }
}
