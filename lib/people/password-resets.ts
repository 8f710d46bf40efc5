import "server-only";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findPerson } from "../../db/queries/people";
import { insertToken, revokeOpenTokens } from "../../db/queries/tokens";
import { findUserForSignIn } from "../../db/queries/users";
import { describeRetry, reserveAttempt, type ThrottleKey } from "../auth/throttle";
import { generateToken, TOKEN_LIFETIME_MS } from "../auth/tokens";
import { AppError } from "../errors";
import { mailIsConfigured, sendMail } from "../mail/send-mail";
import { canManagePeople, type Actor } from "../policy";
import { siteUrl } from "../site-url";
import { parseInput } from "../validation";
import type { LinkResult } from "./invitations";
import { emailSchema, personSchema } from "./schemas";
import { z } from "zod";

const resetLink = (token: string) => `${siteUrl()}/reset-password/${token}`;

async function createResetToken(userId: string, createdBy: string | null, auditAction: string, actorId: string | null) {
  const { write } = await getDatabase();
  return write(async (tx) => {
    await revokeOpenTokens(tx, userId, "password_reset");
    const { token, hash } = generateToken();
    await insertToken(tx, { userId, kind: "password_reset", tokenHash: hash, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS), createdBy });
    await insertAudit(tx, { actorId, action: auditAction, targetType: "user", targetId: userId });
    return token;
  });
}

const resetMail = (name: string, link: string) =>
  [
    `Hello ${name},`,
    "",
    "Someone asked to reset the password of your newsletter studio account. To choose a new one, open:",
    "",
    link,
    "",
    "The link works once and expires in 72 hours. If you did not ask for this, ignore this mail: your password stays as it is.",
  ].join("\n");

/** An admin issues a reset link for someone (shown to copy, and mailed when SMTP is set). */
export async function issuePasswordReset(actor: Actor, input: unknown): Promise<LinkResult> {
  const data = parseInput(personSchema, input);
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can issue reset links.");
  const { db } = await getDatabase();
  const person = await findPerson(db, data.userId);
  if (!person) throw new AppError("not_found", "No such account.");
  if (person.status !== "active") throw new AppError("conflict", "Only active accounts can reset their password.");
  const link = resetLink(await createResetToken(person.id, actor.id, "user.password_reset_issued", actor.id));
  const { delivered } = await sendMail({ to: person.email, subject: "Reset your password", text: resetMail(person.name, link) });
  return { link, mailed: delivered, email: person.email };
}

/**
 * "Forgot password", from the client at `ip`: the answer never says whether the email has
 * an account. A link is made and mailed only when mail is configured and the account is
 * active. Anyone can ask, so asking is throttled: past the limit for the email, nothing
 * more is sent (and the answer stays the same); past the limit for the address, the
 * asker is told to wait.
 */
export async function requestPasswordReset(input: unknown, ip: string | null): Promise<void> {
  const data = parseInput(z.object({ email: emailSchema }), input);
  const { db, write, dialect } = await getDatabase();
  const keys: ThrottleKey[] = [
    ["reset_ip", ip],
    ["reset_email", data.email],
  ];
  const reservation = await write((tx) =>
    reserveAttempt(tx, dialect, keys, { action: "auth.password_reset_throttled", actorId: null }),
  );
  if (!reservation.allowed) {
    if (reservation.blocked.includes("reset_ip"))
      throw new AppError("throttled", `Too many reset requests from your network. Try again ${describeRetry(reservation.retryAfterSeconds)}.`);
    return;
  }
  if (!mailIsConfigured()) return;
  const user = await findUserForSignIn(db, data.email);
  if (!user || user.status !== "active") return;
  const link = resetLink(await createResetToken(user.id, null, "user.password_reset_requested", user.id));
  await sendMail({ to: user.email, subject: "Reset your password", text: resetMail(user.name, link) });
}
