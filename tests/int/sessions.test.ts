import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { verifyCredentials, type SignedInUser } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { endSession, resolveSession } from "@/lib/auth/server-sessions";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-lifetime";
import { setAccountStatus } from "@/lib/people/manage-account";
import { changePassword } from "@/lib/people/profile";
import { makeUser } from "../support/factories";

const { sessions, auditLog } = tables;

const PASSWORD = "Quiet lanterns drift over seven rivers";
const NEW_PASSWORD = "Copper finches nest beneath the tramway";
const DAY = 24 * 60 * 60 * 1000;

let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function signIn(email: string, password = PASSWORD): Promise<SignedInUser> {
  const result = await verifyCredentials({ email, password });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.user;
}

/** What the session cookie of this sign-in claims. */
const claimsOf = (user: SignedInUser) => ({ userId: user.id, sessionId: user.sessionId, sessionVersion: user.sessionVersion });

async function sessionRow(id: string) {
  const { db } = await getDatabase();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

describe("server-side sessions", () => {
  it("signing out ends that session for every copy of its cookie, and only that session", async () => {
    const member = await makeUser("editor", passwordHash);
    const laptop = await signIn(member.email);
    const phone = await signIn(member.email);
    expect(laptop.sessionId).not.toBe(phone.sessionId);
    expect(await resolveSession(claimsOf(laptop))).toMatchObject({ id: member.id, role: "editor" });

    await endSession(laptop.sessionId);
    // The same claims — a kept copy of the cookie — no longer count as signed in.
    expect(await resolveSession(claimsOf(laptop))).toBeNull();
    expect(await sessionRow(laptop.sessionId)).toBeNull();
    expect(await resolveSession(claimsOf(phone))).toMatchObject({ id: member.id });

    const { db } = await getDatabase();
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, "auth.signed_out"), eq(auditLog.actorId, member.id)));
    expect(entries).toHaveLength(1);
    // Signing out twice is harmless and records nothing more.
    await endSession(laptop.sessionId);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "auth.signed_out"), eq(auditLog.actorId, member.id)))).toHaveLength(1);
  });

  it("a cookie without a session, with another account's session, or with a made-up one is signed out", async () => {
    const member = await makeUser("contributor", passwordHash);
    const other = await makeUser("admin", passwordHash);
    const session = await signIn(member.email);
    expect(await resolveSession({ ...claimsOf(session), userId: other.id })).toBeNull();
    expect(await resolveSession({ ...claimsOf(session), sessionId: crypto.randomUUID() })).toBeNull();
  });

  it("a password change and a deactivation end every session of the account", async () => {
    const member = await makeUser("reviewer", passwordHash);
    const admin = await makeUser("admin");
    const first = await signIn(member.email);
    const second = await signIn(member.email);

    await changePassword({ ...member, name: "Test reviewer" }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(await resolveSession(claimsOf(first))).toBeNull();
    expect(await resolveSession(claimsOf(second))).toBeNull();

    const third = await signIn(member.email, NEW_PASSWORD);
    expect(await resolveSession(claimsOf(third))).toMatchObject({ id: member.id });
    await setAccountStatus(admin, { userId: member.id, status: "deactivated" });
    expect(await resolveSession(claimsOf(third))).toBeNull();
  });

  it("expires after 14 days unused; use renews it, at most once a day", async () => {
    const member = await makeUser("editor", passwordHash);
    const session = await signIn(member.email);
    const created = (await sessionRow(session.sessionId))?.expiresAt.getTime() ?? 0;
    expect(created - Date.now()).toBeGreaterThan(SESSION_MAX_AGE_SECONDS * 1000 - DAY);

    // Used an hour later: no write. Used two days later: renewed from then.
    await resolveSession(claimsOf(session), new Date(Date.now() + DAY / 24));
    expect((await sessionRow(session.sessionId))?.expiresAt.getTime()).toBe(created);
    const later = new Date(Date.now() + 2 * DAY);
    expect(await resolveSession(claimsOf(session), later)).toMatchObject({ id: member.id });
    expect((await sessionRow(session.sessionId))?.expiresAt.getTime()).toBe(later.getTime() + SESSION_MAX_AGE_SECONDS * 1000);

    // Unused past its expiry: over, and gone at the account's next sign-in.
    const afterExpiry = new Date(later.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + 1000);
    expect(await resolveSession(claimsOf(session), afterExpiry)).toBeNull();
    const { write } = await getDatabase();
    await write((tx) => tx.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, session.sessionId)));
    await signIn(member.email);
    expect(await sessionRow(session.sessionId)).toBeNull();
  });
});
