import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Role, TokenKind, UserStatus } from "../../lib/domain-types";
import { tables, type Db } from "../client";

const { tokens, users } = tables;

export async function insertToken(
  db: Db,
  values: { userId: string; kind: TokenKind; tokenHash: string; expiresAt: Date; createdBy: string | null },
): Promise<void> {
  await db.insert(tokens).values(values);
}

export interface TokenWithUser {
  id: string;
  kind: TokenKind;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; email: string; name: string; role: Role; status: UserStatus };
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenWithUser | null> {
  const [row] = await db
    .select({
      id: tokens.id,
      kind: tokens.kind,
      expiresAt: tokens.expiresAt,
      usedAt: tokens.usedAt,
      revokedAt: tokens.revokedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
    })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .where(eq(tokens.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const { userId, email, name, role, status, ...token } = row;
  return { ...token, user: { id: userId, email, name, role, status } };
}

/** Marks a token used, if nobody used or revoked it first. True when this call won. */
export async function claimToken(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.id, id), isNull(tokens.usedAt), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  return rows.length === 1;
}

export async function revokeOpenTokens(db: Db, userId: string, kind: TokenKind): Promise<number> {
  const rows = await db
    .update(tokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(tokens.userId, userId), eq(tokens.kind, kind), isNull(tokens.usedAt), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  return rows.length;
}
