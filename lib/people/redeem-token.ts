import "server-only";
import { z } from "zod";
import { getDatabase, type Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { updatePerson } from "../../db/queries/people";
import { claimToken, findTokenByHash, type TokenWithUser } from "../../db/queries/tokens";
import { hashPassword } from "../auth/password";
import { newPasswordSchema } from "../auth/password-rules";
import { hashToken } from "../auth/tokens";
import type { TokenKind } from "../domain-types";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { nameSchema, tokenSchema } from "./schemas";

export type TokenState = "valid" | "expired" | "used" | "revoked" | "invalid";

const STATE_MESSAGE: Record<Exclude<TokenState, "valid">, string> = {
  expired: "This link has expired. Ask an admin for a new one.",
  used: "This link has already been used. Each link works once.",
  revoked: "This link was withdrawn. Ask an admin for a new one.",
  invalid: "This link is not valid. Check that you copied all of it.",
};

function stateOf(token: TokenWithUser | null, kind: TokenKind, now = new Date()): TokenState {
  if (!token || token.kind !== kind) return "invalid";
  if (token.usedAt) return "used";
  if (token.revokedAt) return "revoked";
  if (token.expiresAt <= now) return "expired";
  if (kind === "invitation" && token.user.status !== "invited") return "used";
  if (kind === "password_reset" && token.user.status !== "active") return "revoked";
  return "valid";
}

async function lookUp(kind: TokenKind, token: string) {
  if (!tokenSchema.safeParse(token).success) return { state: "invalid" as const, token: null };
  const { db } = await getDatabase();
  const found = await findTokenByHash(db, hashToken(token));
  return { state: stateOf(found, kind), token: found };
}

/** For the page a link opens: is it usable, and whose is it? */
export async function inspectToken(
  kind: TokenKind,
  token: string,
): Promise<{ state: "valid"; name: string; email: string } | { state: Exclude<TokenState, "valid">; message: string }> {
  const { state, token: found } = await lookUp(kind, token);
  if (state === "valid" && found) return { state, name: found.user.name, email: found.user.email };
  const bad = state === "valid" ? "invalid" : state;
  return { state: bad, message: STATE_MESSAGE[bad] };
}

/** Claims the token and applies the change in one transaction: a link works exactly once. */
async function redeem(kind: TokenKind, token: string, apply: (found: TokenWithUser, tx: Db) => Promise<void>) {
  const { write } = await getDatabase();
  return write(async (tx) => {
    const found = tokenSchema.safeParse(token).success ? await findTokenByHash(tx, hashToken(token)) : null;
    const state = stateOf(found, kind);
    if (state !== "valid" || !found) throw new AppError("invalid", STATE_MESSAGE[state === "valid" ? "invalid" : state]);
    if (!(await claimToken(tx, found.id))) throw new AppError("invalid", STATE_MESSAGE.used);
    await apply(found, tx);
    return { email: found.user.email };
  });
}

/** The invitee chooses a password (and may correct their name); the account becomes active. */
export async function acceptInvitation(input: unknown): Promise<{ email: string }> {
  const base = parseInput(z.object({ token: z.string(), name: nameSchema, password: z.string() }), input);
  const { state, token } = await lookUp("invitation", base.token);
  const context = token ? [token.user.name, token.user.email, base.name] : [base.name];
  parseInput(z.object({ password: newPasswordSchema(() => context) }), { password: base.password });
  if (state !== "valid") throw new AppError("invalid", STATE_MESSAGE[state]);
  const passwordHash = await hashPassword(base.password);
  return redeem("invitation", base.token, async (found, tx) => {
    await updatePerson(tx, found.user.id, { status: "active", name: base.name, passwordHash });
    await insertAudit(tx, { actorId: found.user.id, action: "user.invitation_accepted", targetType: "user", targetId: found.user.id });
  });
}

/** A new password from a reset link; every open session of the account ends. */
export async function resetPassword(input: unknown): Promise<{ email: string }> {
  const base = parseInput(z.object({ token: z.string(), password: z.string() }), input);
  const { state, token } = await lookUp("password_reset", base.token);
  const context = token ? [token.user.name, token.user.email] : [];
  parseInput(z.object({ password: newPasswordSchema(() => context) }), { password: base.password });
  if (state !== "valid") throw new AppError("invalid", STATE_MESSAGE[state]);
  const passwordHash = await hashPassword(base.password);
  return redeem("password_reset", base.token, async (found, tx) => {
    await updatePerson(tx, found.user.id, { passwordHash, endSessions: true });
    await insertAudit(tx, { actorId: found.user.id, action: "user.password_reset", targetType: "user", targetId: found.user.id });
  });
}
