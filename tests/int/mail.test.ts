import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { invitePerson, resendInvitation } from "@/lib/people/invitations";
import { issuePasswordReset, requestPasswordReset } from "@/lib/people/password-resets";
import { acceptInvitation, inspectToken, resetPassword } from "@/lib/people/redeem-token";
import { mailIsConfigured } from "@/lib/mail/send-mail";
import { failure } from "../support/outcome";
import { makeUser } from "../support/factories";
import { start, type SmtpSink } from "../support/smtp-sink";

const OLD_PASSWORD = "Quiet lanterns drift over seven rivers";
const NEW_PASSWORD = "Copper finches nest beneath the tramway";

// getEnv() reads process.env once, on its first call, and nothing in this file calls it
// before this hook has pointed SMTP_URL at the sink.
let sink: SmtpSink;
const previousSmtpUrl = process.env.SMTP_URL;
beforeAll(async () => {
  sink = await start();
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtpUrl;
  await sink?.close();
});

const uniqueEmail = (label: string) => `${label}-${randomUUID()}@test.example`;
const recipients = (mail: ParsedMail) =>
  [mail.to ?? []].flat().flatMap((to) => to.value.map((address) => address.address));

/** The one link of `kind` in a mail's text. */
function linkIn(mail: ParsedMail | undefined, kind: "invitation" | "reset-password"): string {
  const links = mail?.text?.match(new RegExp(`https://studio\\.test\\.example/${kind}/[A-Za-z0-9_-]+`, "g")) ?? [];
  expect(links).toHaveLength(1);
  return links[0] ?? "";
}
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

const mailsTo = (address: string) => sink.messages.filter((mail) => recipients(mail).includes(address)).length;

async function auditCount() {
  const { db } = await getDatabase();
  const [row] = await db.select({ n: count() }).from(tables.auditLog);
  return Number(row?.n ?? 0);
}

async function tokenCount() {
  const { db } = await getDatabase();
  const [row] = await db.select({ n: count() }).from(tables.tokens);
  return Number(row?.n ?? 0);
}

describe("mail through a real SMTP server", () => {
  it("is configured from SMTP_URL", () => {
    expect(sink.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(mailIsConfigured()).toBe(true);
  });

  it("sends the invitee the same link the admin sees, and that link works", async () => {
    const admin = { ...(await makeUser("admin")), name: "Ada Admin" };
    const email = uniqueEmail("invitee");
    const sent = sink.messages.length;

    const result = await invitePerson(admin, { email, name: "Ines Invitee", role: "contributor" });
    expect(result).toMatchObject({ email, mailed: true });

    expect(sink.messages).toHaveLength(sent + 1);
    const mail = sink.messages.at(-1);
    expect(mail && recipients(mail)).toEqual([email]);
    expect(mail?.from?.value[0]?.address).toBe("no-reply@localhost");
    expect(mail?.subject).toContain("invited");
    expect(mail?.text).toContain("Hello Ines Invitee,");
    expect(mail?.text).toContain("Ada Admin invited you");
    const link = linkIn(mail, "invitation");
    expect(link).toBe(result.link);
    const token = tokenOf(link);
    expect(token).toHaveLength(43);

    expect(await inspectToken("invitation", token)).toMatchObject({ state: "valid", email });
    expect(await acceptInvitation({ token, name: "Ines Invitee", password: NEW_PASSWORD })).toEqual({ email });
    expect(await verifyCredentials({ email, password: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it("mails a resent invitation whose new link works while the first mail's link does not", async () => {
    const admin = { ...(await makeUser("admin")), name: "Ada Admin" };
    const email = uniqueEmail("resent");
    const first = await invitePerson(admin, { email, name: "Rhea Resent", role: "reviewer" });
    const firstLink = linkIn(sink.messages.at(-1), "invitation");
    const { db } = await getDatabase();
    const [person] = await db.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.email, email));

    const resent = await resendInvitation(admin, { userId: person?.id });
    expect(resent.mailed).toBe(true);
    const secondLink = linkIn(sink.messages.at(-1), "invitation");
    expect(secondLink).toBe(resent.link);
    expect(secondLink).not.toBe(firstLink);
    expect(firstLink).toBe(first.link);
    expect(await inspectToken("invitation", tokenOf(firstLink))).toMatchObject({ state: "revoked" });
    expect(await acceptInvitation({ token: tokenOf(secondLink), name: "Rhea Resent", password: NEW_PASSWORD })).toEqual({ email });
  });

  it("'forgot password' mails an active account a working reset link", async () => {
    const user = await makeUser("editor", await hashPassword(OLD_PASSWORD));
    const sent = sink.messages.length;

    expect(await requestPasswordReset({ email: `  ${user.email.toUpperCase()} ` }, null)).toBeUndefined();

    expect(sink.messages).toHaveLength(sent + 1);
    const mail = sink.messages.at(-1);
    expect(mail && recipients(mail)).toEqual([user.email]);
    expect(mail?.subject).toBe("Reset your password");
    const token = tokenOf(linkIn(mail, "reset-password"));
    expect(token).toHaveLength(43);

    expect(await resetPassword({ token, password: NEW_PASSWORD })).toEqual({ email: user.email });
    expect(await verifyCredentials({ email: user.email, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email: user.email, password: OLD_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  it("'forgot password' sends nothing, writes no link and answers the same for an unknown or inactive email", async () => {
    const admin = { ...(await makeUser("admin")), name: "Ada Admin" };
    const invitedEmail = uniqueEmail("still-invited");
    await invitePerson(admin, { email: invitedEmail, name: "Still Invited", role: "contributor" });
    const deactivated = await makeUser("reviewer", "not-a-hash");
    const { write } = await getDatabase();
    await write((tx) => tx.update(tables.users).set({ status: "deactivated" }).where(eq(tables.users.id, deactivated.id)));

    const sent = sink.messages.length;
    const tokens = await tokenCount();
    const answers = [
      await requestPasswordReset({ email: uniqueEmail("nobody") }, null),
      await requestPasswordReset({ email: invitedEmail }, null),
      await requestPasswordReset({ email: deactivated.email }, null),
    ];
    expect(answers).toEqual([undefined, undefined, undefined]);
    expect(sink.messages).toHaveLength(sent);
    expect(await tokenCount()).toBe(tokens);
  });

  it("'forgot password' is throttled: 3 mails per email, then silence; 10 requests per address, then a wait", async () => {
    const user = await makeUser("editor", "not-a-hash");
    const sent = mailsTo(user.email);
    for (let i = 0; i < 5; i++) expect(await requestPasswordReset({ email: user.email }, null)).toBeUndefined();
    // The same neutral answer every time, but only three mails: an inbox cannot be flooded.
    expect(mailsTo(user.email)).toBe(sent + 3);

    const ip = "10.99.0.1";
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: uniqueEmail("asker") }, ip);
    const refused = await failure(requestPasswordReset({ email: user.email }, ip));
    expect(refused).toMatchObject({ code: "throttled", message: expect.stringMatching(/^Too many reset requests from your network\. Try again in \d+ minutes\.$/) });
    expect(mailsTo(user.email)).toBe(sent + 3);

    // A flood past the limits adds one audit entry per key and window, each with its count.
    const before = await auditCount();
    for (let i = 0; i < 30; i++) await requestPasswordReset({ email: user.email }, null);
    for (let i = 0; i < 30; i++) await requestPasswordReset({ email: uniqueEmail("flood") }, ip).catch(() => undefined);
    expect(await auditCount()).toBeLessThanOrEqual(before + 4);
    const { db } = await getDatabase();
    const entries = await db.select({ details: tables.auditLog.details }).from(tables.auditLog).where(eq(tables.auditLog.action, "auth.password_reset_throttled"));
    const attempts = (key: string) => entries.filter((e) => e.details.key === key).reduce((sum, e) => sum + Number(e.details.attempts), 0);
    expect(attempts(user.email)).toBe(2 + 30);
    expect(attempts(ip)).toBe(1 + 30);
  });

  it("an admin-issued reset link is mailed too", async () => {
    const admin = { ...(await makeUser("admin")), name: "Ada Admin" };
    const user = await makeUser("contributor", await hashPassword(OLD_PASSWORD));
    const issued = await issuePasswordReset(admin, { userId: user.id });
    expect(issued).toMatchObject({ email: user.email, mailed: true });
    const mail = sink.messages.at(-1);
    expect(mail && recipients(mail)).toEqual([user.email]);
    expect(linkIn(mail, "reset-password")).toBe(issued.link);
  });
});
