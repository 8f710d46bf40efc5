import "server-only";
import { getDatabase, type Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findPerson } from "../../db/queries/people";
import { findSettings } from "../../db/queries/settings";
import { insertToken, revokeOpenTokens } from "../../db/queries/tokens";
import { findUserForSignIn, insertUser } from "../../db/queries/users";
import { generateToken, TOKEN_LIFETIME_MS } from "../auth/tokens";
import type { Role } from "../domain-types";
import { AppError } from "../errors";
import { sendMail } from "../mail/send-mail";
import { canManagePeople, type Actor } from "../policy";
import { siteUrl } from "../site-url";
import { parseInput } from "../validation";
import { invitePersonSchema, personSchema } from "./schemas";

export interface LinkResult {
  /** The single-use link, shown once to the admin to copy. */
  link: string;
  /** Whether the link also went out by mail (SMTP_URL set and the send worked). */
  mailed: boolean;
  email: string;
}

const invitationLink = (token: string) => `${siteUrl()}/invitation/${token}`;

async function newInvitationToken(tx: Db, userId: string, createdBy: string): Promise<string> {
  await revokeOpenTokens(tx, userId, "invitation");
  const { token, hash } = generateToken();
  await insertToken(tx, {
    userId,
    kind: "invitation",
    tokenHash: hash,
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS),
    createdBy,
  });
  return token;
}

async function mailInvitation(to: { email: string; name: string; role: Role }, inviter: string, link: string) {
  const { db } = await getDatabase();
  const site = (await findSettings(db))?.siteNameEn ?? "Newsletter Studio";
  return sendMail({
    to: to.email,
    subject: `You are invited to ${site}'s newsletter studio`,
    text: [
      `Hello ${to.name},`,
      "",
      `${inviter} invited you to write for the ${site} newsletter as ${to.role}.`,
      "Choose your password here to get started:",
      "",
      link,
      "",
      "The link works once and expires in 72 hours. If you did not expect this mail, ignore it.",
    ].join("\n"),
  });
}

/** Creates an invited account and a 72-hour, single-use link to set its password. */
export async function invitePerson(actor: Actor & { name: string }, input: unknown): Promise<LinkResult> {
  const data = parseInput(invitePersonSchema, input);
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can invite people.");
  const { write } = await getDatabase();
  const token = await write(async (tx) => {
    if (await findUserForSignIn(tx, data.email)) {
      throw new AppError("conflict", `There is already an account for ${data.email}.`, { email: "This email already has an account." });
    }
    const { id } = await insertUser(tx, { ...data, passwordHash: null, status: "invited" });
    const token = await newInvitationToken(tx, id, actor.id);
    await insertAudit(tx, { actorId: actor.id, action: "user.invited", targetType: "user", targetId: id, details: { email: data.email, role: data.role } });
    return token;
  });
  const link = invitationLink(token);
  const { delivered } = await mailInvitation(data, actor.name, link);
  return { link, mailed: delivered, email: data.email };
}

/** A fresh link for a pending invitation; the old one stops working. */
export async function resendInvitation(actor: Actor & { name: string }, input: unknown): Promise<LinkResult> {
  const data = parseInput(personSchema, input);
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can resend invitations.");
  const { write } = await getDatabase();
  const { token, person } = await write(async (tx) => {
    const person = await findPerson(tx, data.userId);
    if (!person) throw new AppError("not_found", "No such account.");
    if (person.status !== "invited") throw new AppError("conflict", `${person.email} has already accepted the invitation.`);
    const token = await newInvitationToken(tx, person.id, actor.id);
    await insertAudit(tx, { actorId: actor.id, action: "user.invitation_resent", targetType: "user", targetId: person.id });
    return { token, person };
  });
  const link = invitationLink(token);
  const { delivered } = await mailInvitation(person, actor.name, link);
  return { link, mailed: delivered, email: person.email };
}

export async function revokeInvitation(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(personSchema, input);
  if (!canManagePeople(actor)) throw new AppError("forbidden", "Only admins can revoke invitations.");
  const { write } = await getDatabase();
  await write(async (tx) => {
    const person = await findPerson(tx, data.userId);
    if (!person) throw new AppError("not_found", "No such account.");
    if (person.status !== "invited") throw new AppError("conflict", `${person.email} has already accepted the invitation.`);
    const revoked = await revokeOpenTokens(tx, person.id, "invitation");
    if (revoked === 0) throw new AppError("conflict", "There is no open invitation to revoke.");
    await insertAudit(tx, { actorId: actor.id, action: "user.invitation_revoked", targetType: "user", targetId: person.id });
  });
}
