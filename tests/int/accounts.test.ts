import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import type { Role, UserStatus } from "@/lib/domain-types";
import { invitePerson, resendInvitation, revokeInvitation } from "@/lib/people/invitations";
import { listPeopleFor } from "@/lib/people/list-people";
import { changeRole, setAccountStatus } from "@/lib/people/manage-account";
import { issuePasswordReset } from "@/lib/people/password-resets";
import { changePassword } from "@/lib/people/profile";
import { acceptInvitation, inspectToken, resetPassword } from "@/lib/people/redeem-token";
import { PAGE_SIZE } from "@/lib/people/schemas";
import { makeStory, makeUser } from "../support/factories";
import { code, failure } from "../support/outcome";

const { users, tokens, auditLog } = tables;

const WEAK = "password1234";
const STRONG = "Quiet lanterns drift over seven rivers";
const STRONG_2 = "Copper finches nest beneath the tramway";

const uniqueEmail = (label = "person") => `${label}-${randomUUID()}@test.example`;
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
const signIn = (email: string, password: string) => verifyCredentials({ email, password });

const makeAdmin = async () => ({ ...(await makeUser("admin")), name: "Test admin" });

/** A person who can sign in with `password`, shaped like the session's CurrentUser. */
async function makeMember(role: Role, password: string) {
  const user = await makeUser(role, await hashPassword(password));
  return { ...user, name: `Test ${role}` };
}

/** A person with a chosen name, email and status (no usable password). */
async function makePerson(values: { name: string; email?: string; role?: Role; status?: UserStatus }) {
  const { write } = await getDatabase();
  const email = values.email ?? uniqueEmail();
  const { id } = await write((tx) =>
    insertUser(tx, { email, name: values.name, role: values.role ?? "contributor", status: values.status, passwordHash: null }),
  );
  return { id, email, name: values.name };
}

async function userRow(id: string) {
  const { db } = await getDatabase();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`user ${id} vanished`);
  return row;
}

async function userByEmail(email: string) {
  const { db } = await getDatabase();
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row;
}

async function countRows(table: typeof users | typeof tokens | typeof auditLog) {
  const { db } = await getDatabase();
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/** Row counts of what an admin action writes: to compare before and after a refused call. */
const rowCounts = async () => ({ users: await countRows(users), tokens: await countRows(tokens), audit: await countRows(auditLog) });

beforeAll(() => {
  // Without SMTP_URL, sendMail writes each mail to the log; keep the test output readable.
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});

describe("invitations", () => {
  it("mails a 43-character single-use link whose token is stored only as its hash, and activates the account once", async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail("invitee");
    const result = await invitePerson(admin, { email, name: "Ngozi Adeyemi", role: "reviewer" });

    expect(result).toMatchObject({ email, mailed: false });
    expect(result.link).toMatch(/^https:\/\/studio\.test\.example\/invitation\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(result.link);
    expect(token).toHaveLength(43);

    const person = await userByEmail(email);
    expect(person).toMatchObject({ status: "invited", role: "reviewer", name: "Ngozi Adeyemi", passwordHash: null });

    const { db } = await getDatabase();
    const stored = await db.select().from(tokens).where(eq(tokens.userId, person.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.kind).toBe("invitation");
    expect(stored[0]?.createdBy).toBe(admin.id);
    expect(stored[0]?.tokenHash).not.toBe(token);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await inspectToken("invitation", token)).toEqual({ state: "valid", name: "Ngozi Adeyemi", email });
    // A link of one kind is not a link of the other.
    expect((await inspectToken("password_reset", token)).state).toBe("invalid");

    const weak = await failure(acceptInvitation({ token, name: "Ngozi Adeyemi", password: WEAK }));
    expect(weak.code).toBe("invalid");
    expect((await userRow(person.id)).status).toBe("invited");
    expect(await inspectToken("invitation", token)).toMatchObject({ state: "valid" });

    expect(await acceptInvitation({ token, name: "Ngozi A. Adeyemi", password: STRONG })).toEqual({ email });
    const active = await userRow(person.id);
    expect(active.status).toBe("active");
    expect(active.name).toBe("Ngozi A. Adeyemi");
    expect(await signIn(email, STRONG)).toMatchObject({ ok: true, user: { id: person.id, email, role: "reviewer" } });

    const again = await failure(acceptInvitation({ token, name: "Someone else", password: STRONG_2 }));
    expect(again.code).toBe("invalid");
    expect(again.message).toContain("already been used");
    expect(await inspectToken("invitation", token)).toMatchObject({ state: "used" });
    expect(await signIn(email, STRONG_2)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(email, STRONG)).toMatchObject({ ok: true });
  });

  it("refuses a tampered token and an expired one", async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail("tamper");
    const { link } = await invitePerson(admin, { email, name: "Tamsin Vale", role: "contributor" });
    const token = tokenOf(link);
    const last = token.at(-1);
    const tampered = token.slice(0, -1) + (last === "A" ? "B" : "A");
    expect(tampered).toHaveLength(43);
    expect(tampered).not.toBe(token);

    expect(await inspectToken("invitation", tampered)).toMatchObject({ state: "invalid" });
    expect(await code(acceptInvitation({ token: tampered, name: "Tamsin Vale", password: STRONG }))).toBe("invalid");
    // Not a token at all: shorter, or with characters outside base64url.
    expect(await inspectToken("invitation", token.slice(0, 42))).toMatchObject({ state: "invalid" });
    expect(await inspectToken("invitation", `${token.slice(0, 42)}=`)).toMatchObject({ state: "invalid" });
    expect((await userByEmail(email)).status).toBe("invited");

    const { write } = await getDatabase();
    await write((tx) => tx.update(tokens).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(tokens.tokenHash, hashToken(token))));
    expect(await inspectToken("invitation", token)).toMatchObject({ state: "expired", message: expect.stringContaining("expired") });
    const expired = await failure(acceptInvitation({ token, name: "Tamsin Vale", password: STRONG }));
    expect(expired.code).toBe("invalid");
    expect(expired.message).toContain("expired");
    expect((await userByEmail(email)).status).toBe("invited");
  });

  it("resending withdraws the old link and gives a working new one; revoking withdraws it", async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail("resend");
    const first = tokenOf((await invitePerson(admin, { email, name: "Rosalind Achebe", role: "editor" })).link);
    const person = await userByEmail(email);

    const resent = await resendInvitation(admin, { userId: person.id });
    expect(resent).toMatchObject({ email, mailed: false });
    const second = tokenOf(resent.link);
    expect(second).not.toBe(first);
    expect(await inspectToken("invitation", first)).toMatchObject({ state: "revoked" });
    expect(await code(acceptInvitation({ token: first, name: "Rosalind Achebe", password: STRONG }))).toBe("invalid");
    expect(await inspectToken("invitation", second)).toMatchObject({ state: "valid", email });

    await revokeInvitation(admin, { userId: person.id });
    expect(await inspectToken("invitation", second)).toMatchObject({ state: "revoked" });
    expect(await code(acceptInvitation({ token: second, name: "Rosalind Achebe", password: STRONG }))).toBe("invalid");
    expect((await userRow(person.id)).status).toBe("invited");
    // Nothing left to revoke.
    expect(await code(revokeInvitation(admin, { userId: person.id }))).toBe("conflict");

    // A third link works again, and once accepted there is no invitation to resend or revoke.
    const third = tokenOf((await resendInvitation(admin, { userId: person.id })).link);
    await acceptInvitation({ token: third, name: "Rosalind Achebe", password: STRONG });
    expect(await code(resendInvitation(admin, { userId: person.id }))).toBe("conflict");
    expect(await code(revokeInvitation(admin, { userId: person.id }))).toBe("conflict");
    expect(await code(resendInvitation(admin, { userId: randomUUID() }))).toBe("not_found");

    const { db } = await getDatabase();
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person.id), eq(auditLog.actorId, admin.id)));
    expect(actions.map((a) => a.action).sort()).toEqual(
      ["user.invitation_resent", "user.invitation_resent", "user.invitation_revoked", "user.invited"].sort(),
    );
  });

  it("refuses a duplicate email (conflict) and bad input (invalid), writing nothing", async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail("dup");
    await invitePerson(admin, { email, name: "Dora Dup", role: "contributor" });
    const before = await rowCounts();

    expect(await code(invitePerson(admin, { email, name: "Dora Again", role: "editor" }))).toBe("conflict");
    expect(await code(invitePerson(admin, { email: `  ${email.toUpperCase()} `, name: "Dora Shouting", role: "editor" }))).toBe(
      "conflict",
    );
    const existing = await makeUser("reviewer");
    const afterMake = await rowCounts();
    expect(await code(invitePerson(admin, { email: existing.email, name: "Rev", role: "reviewer" }))).toBe("conflict");
    expect(await rowCounts()).toEqual(afterMake);
    expect(afterMake.users).toBe(before.users + 1);

    const bad = [
      { email: "not-an-email", name: "Malformed", role: "contributor" },
      { email: "two@@test.example", name: "Malformed", role: "contributor" },
      { email: "", name: "Empty", role: "contributor" },
      { email: uniqueEmail("owner"), name: "Would-be owner", role: "owner" },
      { email: uniqueEmail("norole"), name: "No role" },
      { email: uniqueEmail("noname"), name: "   ", role: "editor" },
      null,
    ];
    for (const input of bad) {
      expect(await code(invitePerson(admin, input)), JSON.stringify(input)).toBe("invalid");
    }
    const roleError = await failure(invitePerson(admin, { email: uniqueEmail(), name: "Owner", role: "owner" }));
    expect(roleError.fields).toHaveProperty("role");
    const emailError = await failure(invitePerson(admin, { email: "nope", name: "Nope", role: "editor" }));
    expect(emailError.fields).toHaveProperty("email");
    expect(await rowCounts()).toEqual(afterMake);
  });
});

describe("admin-only actions", () => {
  it.each(["contributor", "reviewer", "editor"] as const)("are refused to a %s, and write nothing", async (role) => {
    const admin = await makeAdmin();
    const target = await makeUser("contributor");
    const invitedEmail = uniqueEmail("pending");
    const { link } = await invitePerson(admin, { email: invitedEmail, name: "Pending Person", role: "contributor" });
    const invited = await userByEmail(invitedEmail);
    const actor = { ...(await makeUser(role)), name: `Test ${role}` };

    const before = { counts: await rowCounts(), target: await userRow(target.id), invited: await userRow(invited.id) };
    const outcomes = {
      invitePerson: await code(invitePerson(actor, { email: uniqueEmail("sneaky"), name: "Sneaky", role: "admin" })),
      resendInvitation: await code(resendInvitation(actor, { userId: invited.id })),
      revokeInvitation: await code(revokeInvitation(actor, { userId: invited.id })),
      changeRole: await code(changeRole(actor, { userId: target.id, role: "admin" })),
      changeOwnRole: await code(changeRole(actor, { userId: actor.id, role: "admin" })),
      setAccountStatus: await code(setAccountStatus(actor, { userId: target.id, status: "deactivated" })),
      issuePasswordReset: await code(issuePasswordReset(actor, { userId: target.id })),
      listPeopleFor: await code(listPeopleFor(actor, {})),
    };
    expect(outcomes).toEqual({
      invitePerson: "forbidden",
      resendInvitation: "forbidden",
      revokeInvitation: "forbidden",
      changeRole: "forbidden",
      changeOwnRole: "forbidden",
      setAccountStatus: "forbidden",
      issuePasswordReset: "forbidden",
      listPeopleFor: "forbidden",
    });
    expect({ counts: await rowCounts(), target: await userRow(target.id), invited: await userRow(invited.id) }).toEqual(before);
    expect((await userRow(actor.id)).role).toBe(role);
    expect(await inspectToken("invitation", tokenOf(link))).toMatchObject({ state: "valid" });
  });
});

describe("roles and account status", () => {
  it("does not let an admin change their own role", async () => {
    const admin = await makeAdmin();
    await makeAdmin(); // not the last admin: the refusal is about changing oneself
    const before = await rowCounts();
    expect(await code(changeRole(admin, { userId: admin.id, role: "editor" }))).toBe("forbidden");
    expect((await userRow(admin.id)).role).toBe("admin");
    expect(await rowCounts()).toEqual(before);
  });

  it("changes someone's role, records it, and refuses an unknown role or account", async () => {
    const admin = await makeAdmin();
    const person = await makeUser("contributor");
    const version = (await userRow(person.id)).sessionVersion;
    await changeRole(admin, { userId: person.id, role: "editor" });
    expect((await userRow(person.id)).role).toBe("editor");
    expect((await userRow(person.id)).sessionVersion).toBe(version); // the session reads the role; no sign-out needed
    expect(await code(changeRole(admin, { userId: person.id, role: "owner" }))).toBe("invalid");
    expect(await code(changeRole(admin, { userId: "not-a-uuid", role: "editor" }))).toBe("invalid");
    expect(await code(changeRole(admin, { userId: randomUUID(), role: "editor" }))).toBe("not_found");
    const { db } = await getDatabase();
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, person.id), eq(auditLog.action, "user.role_changed")));
    expect(entry).toMatchObject({ actorId: admin.id, details: { email: person.email, from: "contributor", to: "editor" } });
  });

  it("keeps at least one active admin: the last one can be neither demoted nor deactivated", async () => {
    const { write } = await getDatabase();
    // A known starting point: the admins earlier tests made step aside.
    await write((tx) => tx.update(users).set({ status: "deactivated" }).where(and(eq(users.role, "admin"), eq(users.status, "active"))));

    const first = await makeAdmin();
    const second = await makeAdmin();
    // With two active admins, one can demote the other.
    await changeRole(first, { userId: second.id, role: "editor" });
    expect((await userRow(second.id)).role).toBe("editor");

    // A third admin is deactivated: `first` is now the only *active* admin.
    const third = await makeAdmin();
    await setAccountStatus(first, { userId: third.id, status: "deactivated" });
    expect((await userRow(third.id)).status).toBe("deactivated");

    const before = { counts: await rowCounts(), first: await userRow(first.id) };
    // `third`'s stale admin session still names the admin role; the database refuses anyway.
    expect(await code(changeRole(third, { userId: first.id, role: "editor" }))).toBe("conflict");
    expect(await code(setAccountStatus(third, { userId: first.id, status: "deactivated" }))).toBe("conflict");
    // Nobody deactivates themself (and so the last admin cannot either).
    expect(await code(setAccountStatus(first, { userId: first.id, status: "deactivated" }))).toBe("forbidden");
    const lastAdmin = await failure(changeRole(third, { userId: first.id, role: "contributor" }));
    expect(lastAdmin.message).toContain("last active admin");
    expect({ counts: await rowCounts(), first: await userRow(first.id) }).toEqual(before);

    // Demoting the deactivated admin is fine: they do not count.
    await changeRole(first, { userId: third.id, role: "reviewer" });
    expect((await userRow(third.id)).role).toBe("reviewer");

    // With a second active admin again, the first may be deactivated (by the other).
    await changeRole(first, { userId: second.id, role: "admin" });
    await setAccountStatus(second, { userId: first.id, status: "deactivated" });
    expect((await userRow(first.id)).status).toBe("deactivated");
    expect(await code(changeRole(first, { userId: second.id, role: "editor" }))).toBe("conflict");
  });

  it("keeps an active admin when the last two demote or deactivate each other at the same moment", async () => {
    const { db, write } = await getDatabase();
    const activeAdmins = async () =>
      Number((await db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.status, "active"))))[0]?.n ?? 0);
    for (const kind of ["role", "status", "role", "status"] as const) {
      await write((tx) => tx.update(users).set({ status: "deactivated" }).where(and(eq(users.role, "admin"), eq(users.status, "active"))));
      const a = await makeAdmin();
      const b = await makeAdmin();
      const act = (actor: typeof a, target: typeof b) =>
        kind === "role"
          ? code(changeRole(actor, { userId: target.id, role: "editor" }))
          : code(setAccountStatus(actor, { userId: target.id, status: "deactivated" }));
      const outcomes = await Promise.all([act(a, b), act(b, a)]);
      expect({ kind, outcomes: outcomes.sort(), activeAdmins: await activeAdmins() }).toEqual({
        kind,
        outcomes: ["conflict", "ok"],
        activeAdmins: 1,
      });
    }
  });

  it("deactivation ends sessions and blocks sign-in; reactivation lets the person in again", async () => {
    const admin = await makeAdmin();
    const person = await makeMember("reviewer", STRONG);
    expect(await signIn(person.email, STRONG)).toMatchObject({ ok: true });
    const { sessionVersion } = await userRow(person.id);
    const reset = tokenOf((await issuePasswordReset(admin, { userId: person.id })).link);

    await setAccountStatus(admin, { userId: person.id, status: "deactivated" });
    const deactivated = await userRow(person.id);
    expect(deactivated.status).toBe("deactivated");
    expect(deactivated.sessionVersion).toBe(sessionVersion + 1);
    expect(await signIn(person.email, STRONG)).toEqual({ ok: false, reason: "invalid" });
    // An open reset link does not bring a deactivated account back.
    expect(await inspectToken("password_reset", reset)).toMatchObject({ state: "revoked" });
    expect(await code(resetPassword({ token: reset, password: STRONG_2 }))).toBe("invalid");
    expect(await code(issuePasswordReset(admin, { userId: person.id }))).toBe("conflict");
    // Deactivating twice changes nothing.
    await setAccountStatus(admin, { userId: person.id, status: "deactivated" });
    expect((await userRow(person.id)).sessionVersion).toBe(sessionVersion + 1);

    await setAccountStatus(admin, { userId: person.id, status: "active" });
    expect(await userRow(person.id)).toMatchObject({ status: "active", sessionVersion: sessionVersion + 1 });
    expect(await signIn(person.email, STRONG)).toMatchObject({ ok: true, user: { sessionVersion: sessionVersion + 1 } });

    const { db } = await getDatabase();
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person.id), inArray(auditLog.action, ["user.deactivated", "user.reactivated"])));
    expect(actions.map((a) => a.action).sort()).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("refuses to (de)activate an account that has not accepted its invitation", async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail("not-yet");
    await invitePerson(admin, { email, name: "Not Yet", role: "contributor" });
    const person = await userByEmail(email);
    expect(await code(setAccountStatus(admin, { userId: person.id, status: "active" }))).toBe("conflict");
    expect(await code(setAccountStatus(admin, { userId: person.id, status: "deactivated" }))).toBe("conflict");
    expect(await code(setAccountStatus(admin, { userId: person.id, status: "invited" }))).toBe("invalid");
    expect((await userRow(person.id)).status).toBe("invited");
  });
});

describe("passwords", () => {
  it("an admin's reset link sets a new password once, ends sessions, and the old password stops working", async () => {
    const admin = await makeAdmin();
    const person = await makeMember("editor", STRONG);
    const { sessionVersion } = await userRow(person.id);

    const issued = await issuePasswordReset(admin, { userId: person.id });
    expect(issued).toMatchObject({ email: person.email, mailed: false });
    expect(issued.link).toMatch(/^https:\/\/studio\.test\.example\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(issued.link);
    const { db } = await getDatabase();
    const [stored] = await db.select().from(tokens).where(eq(tokens.tokenHash, hashToken(token)));
    expect(stored).toMatchObject({ userId: person.id, kind: "password_reset", createdBy: admin.id });
    expect(await inspectToken("password_reset", token)).toEqual({ state: "valid", name: person.name, email: person.email });
    expect((await inspectToken("invitation", token)).state).toBe("invalid");

    // Issuing another withdraws the first.
    const newer = tokenOf((await issuePasswordReset(admin, { userId: person.id })).link);
    expect(await inspectToken("password_reset", token)).toMatchObject({ state: "revoked" });
    expect(await code(resetPassword({ token, password: STRONG_2 }))).toBe("invalid");

    expect(await code(resetPassword({ token: newer, password: WEAK }))).toBe("invalid");
    expect(await inspectToken("password_reset", newer)).toMatchObject({ state: "valid" });

    expect(await resetPassword({ token: newer, password: STRONG_2 })).toEqual({ email: person.email });
    expect(await signIn(person.email, STRONG_2)).toMatchObject({ ok: true });
    expect(await signIn(person.email, STRONG)).toEqual({ ok: false, reason: "invalid" });
    expect((await userRow(person.id)).sessionVersion).toBe(sessionVersion + 1);

    const reused = await failure(resetPassword({ token: newer, password: "Another quite long phrase for reuse" }));
    expect(reused.code).toBe("invalid");
    expect(reused.message).toContain("already been used");
    expect(await signIn(person.email, STRONG_2)).toMatchObject({ ok: true });
    expect((await userRow(person.id)).sessionVersion).toBe(sessionVersion + 1);
  });

  it("a link used twice at the same moment works exactly once", async () => {
    const admin = await makeAdmin();
    const person = await makeMember("reviewer", STRONG);
    const token = tokenOf((await issuePasswordReset(admin, { userId: person.id })).link);
    const outcomes = await Promise.all([
      code(resetPassword({ token, password: STRONG_2 })),
      code(resetPassword({ token, password: "Another quite long phrase for reuse" })),
    ]);
    expect(outcomes.sort()).toEqual(["invalid", "ok"]);
    const { db } = await getDatabase();
    const [stored] = await db.select().from(tokens).where(eq(tokens.tokenHash, hashToken(token)));
    expect(stored?.usedAt).toBeInstanceOf(Date);
    const winners = [await signIn(person.email, STRONG_2), await signIn(person.email, "Another quite long phrase for reuse")];
    expect(winners.filter((r) => r.ok)).toHaveLength(1);
  });

  it("changing one's password needs the current one, and ends every session", async () => {
    const person = await makeMember("contributor", STRONG);
    const { sessionVersion } = await userRow(person.id);

    const wrong = await failure(changePassword(person, { currentPassword: "not my password", newPassword: STRONG_2 }));
    expect(wrong.code).toBe("invalid");
    expect(wrong.fields).toHaveProperty("currentPassword");
    expect(await code(changePassword(person, { currentPassword: STRONG, newPassword: WEAK }))).toBe("invalid");
    expect((await userRow(person.id)).sessionVersion).toBe(sessionVersion);
    expect(await signIn(person.email, STRONG)).toMatchObject({ ok: true });

    await changePassword(person, { currentPassword: STRONG, newPassword: STRONG_2 });
    expect((await userRow(person.id)).sessionVersion).toBe(sessionVersion + 1);
    expect(await signIn(person.email, STRONG_2)).toMatchObject({ ok: true, user: { sessionVersion: sessionVersion + 1 } });
    expect(await signIn(person.email, STRONG)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("listing people", () => {
  it("filters by part of the name (any case), by email, by role and by status", async () => {
    const admin = await makeAdmin();
    const tag = randomUUID().slice(0, 8);
    const zoe = await makePerson({ name: `Zephyrine ${tag} Okafor`, email: `zo-${tag}@filter.example`, role: "reviewer" });
    const bart = await makePerson({ name: `Bartholomew ${tag}`, email: `bart-${tag}@filter.example`, role: "editor", status: "deactivated" });
    const ids = async (input: Record<string, unknown>) => (await listPeopleFor(admin, input)).people.map((p) => p.id).sort();

    expect(await ids({ q: `ZEPHYRINE ${tag.toUpperCase()}` })).toEqual([zoe.id]);
    expect(await ids({ q: `${tag} okaf` })).toEqual([zoe.id]);
    expect(await ids({ q: `bart-${tag}@filter` })).toEqual([bart.id]);
    expect(await ids({ q: `BART-${tag.toUpperCase()}@FILTER.EXAMPLE` })).toEqual([bart.id]);
    expect(await ids({ q: tag })).toEqual([zoe.id, bart.id].sort());
    expect(await ids({ q: tag, role: "reviewer" })).toEqual([zoe.id]);
    expect(await ids({ q: tag, role: "editor" })).toEqual([bart.id]);
    expect(await ids({ q: tag, role: "admin" })).toEqual([]);
    expect(await ids({ q: tag, status: "deactivated" })).toEqual([bart.id]);
    expect(await ids({ q: tag, status: "active" })).toEqual([zoe.id]);
    // LIKE wildcards typed into the box are dropped: they never widen the match.
    expect(await ids({ q: `${tag}%okafor` })).toEqual([]);
    // Bad filters are ignored, not errors.
    expect(await ids({ q: tag, role: "owner", status: "gone", page: "x" })).toEqual([zoe.id, bart.id].sort());

    const listed = await listPeopleFor(admin, { q: `zephyrine ${tag}` });
    expect(listed.total).toBe(1);
    expect(listed.people[0]).toMatchObject({ name: zoe.name, email: zoe.email, role: "reviewer", status: "active", invitationExpiresAt: null });
    expect(listed.people[0]).not.toHaveProperty("passwordHash");
  });

  it("pages through the list in name order", async () => {
    const admin = await makeAdmin();
    const tag = randomUUID().slice(0, 8);
    const total = PAGE_SIZE + 5;
    const names = Array.from({ length: total }, (_, i) => `Pagina ${tag} ${String(i + 1).padStart(2, "0")}`);
    for (const name of [...names].reverse()) await makePerson({ name });

    const first = await listPeopleFor(admin, { q: `pagina ${tag}` });
    expect(first).toMatchObject({ total, pages: 2 });
    expect(first.people.map((p) => p.name)).toEqual(names.slice(0, PAGE_SIZE));
    const second = await listPeopleFor(admin, { q: `pagina ${tag}`, page: "2" });
    expect(second).toMatchObject({ total, pages: 2, filter: { page: 2 } });
    expect(second.people.map((p) => p.name)).toEqual(names.slice(PAGE_SIZE));
    const beyond = await listPeopleFor(admin, { q: `pagina ${tag}`, page: 3 });
    expect(beyond.people).toEqual([]);
    expect(beyond.total).toBe(total);
  });

  it("pages through people who share a name without repeating or skipping anyone", async () => {
    const admin = await makeAdmin();
    const tag = randomUUID().slice(0, 8);
    const made = new Set<string>();
    for (let i = 0; i < PAGE_SIZE + 5; i++) made.add((await makePerson({ name: `Twin ${tag}` })).id);

    const first = await listPeopleFor(admin, { q: `twin ${tag}`, page: 1 });
    const second = await listPeopleFor(admin, { q: `twin ${tag}`, page: 2 });
    const seen = [...first.people, ...second.people].map((p) => p.id);
    expect(seen).toHaveLength(made.size);
    expect(new Set(seen)).toEqual(made);
  });

  it("shows when an invited person's open link expires", async () => {
    const admin = await makeAdmin();
    const email = uniqueEmail("listed-invite");
    const before = Date.now();
    await invitePerson(admin, { email, name: "Ines Invited", role: "contributor" });
    const after = Date.now();

    const [invited] = (await listPeopleFor(admin, { q: email })).people;
    expect(invited?.status).toBe("invited");
    const expiresAt = invited?.invitationExpiresAt?.getTime() ?? 0;
    const lifetime = 72 * 60 * 60 * 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(before + lifetime - 1000);
    expect(expiresAt).toBeLessThanOrEqual(after + lifetime + 1000);
    expect((await listPeopleFor(admin, { q: email, status: "invited" })).people).toHaveLength(1);

    const person = await userByEmail(email);
    await revokeInvitation(admin, { userId: person.id });
    const [revoked] = (await listPeopleFor(admin, { q: email })).people;
    expect(revoked).toMatchObject({ status: "invited", invitationExpiresAt: null });
  });
});

describe("audit log", () => {
  it("shows admins everything, editors only the workflow, and nobody below", async () => {
    const admin = await makeAdmin();
    const editor = await makeUser("editor");
    const contributor = await makeUser("contributor");
    const email = uniqueEmail("audited");
    await invitePerson(admin, { email, name: "Audrey Audit", role: "contributor" });
    const invitedId = (await userByEmail(email)).id;
    const story = await makeStory(contributor);

    const byAdmin = await listAuditLog(admin, { actor: admin.id });
    expect(byAdmin.workflowOnly).toBe(false);
    expect(byAdmin.rows).toEqual([
      expect.objectContaining({ action: "user.invited", targetType: "user", targetId: invitedId, actorId: admin.id, actorName: "Test admin" }),
    ]);
    const storyEntries = await listAuditLog(admin, { actor: contributor.id });
    expect(storyEntries.rows).toEqual([expect.objectContaining({ action: "story.created", targetType: "story", targetId: story.id })]);
    const userPrefix = await listAuditLog(admin, { action: "user." });
    expect(userPrefix.rows.length).toBeGreaterThan(0);
    expect(userPrefix.rows.every((r) => r.action.startsWith("user."))).toBe(true);
    expect(userPrefix.rows.map((r) => r.targetId)).toContain(invitedId);
    expect(byAdmin.actors.map((a) => a.id)).toEqual(expect.arrayContaining([admin.id, editor.id, contributor.id]));

    const forEditor = await listAuditLog(editor, {});
    expect(forEditor.workflowOnly).toBe(true);
    expect(forEditor.rows.length).toBeGreaterThan(0);
    expect(forEditor.rows.every((r) => r.targetType === "story" || r.targetType === "issue")).toBe(true);
    expect(forEditor.rows.map((r) => r.targetId)).toContain(story.id);
    expect((await listAuditLog(editor, { action: "user.invited" })).total).toBe(0);
    expect((await listAuditLog(editor, { action: "user." })).total).toBe(0);
    expect((await listAuditLog(editor, { actor: admin.id })).total).toBe(0);
    expect((await listAuditLog(editor, { actor: contributor.id })).rows.map((r) => r.action)).toEqual(["story.created"]);

    expect(await code(listAuditLog(contributor, {}))).toBe("forbidden");
    expect(await code(listAuditLog(await makeUser("reviewer"), {}))).toBe("forbidden");
  });

  it("filters by actor, by action (exact or prefix) and by day, both ends inclusive", async () => {
    const admin = await makeAdmin();
    const author = await makeUser("contributor");
    const other = await makeUser("contributor");
    const stories = [await makeStory(author), await makeStory(author), await makeStory(author)];
    await makeStory(other);

    // Move the three "story.created" entries to known moments (UTC).
    const moments = ["2021-03-01T12:00:00.000Z", "2021-03-02T23:59:59.000Z", "2021-03-03T00:00:00.000Z"];
    const { write } = await getDatabase();
    for (const [i, story] of stories.entries()) {
      await write((tx) =>
        tx
          .update(auditLog)
          .set({ createdAt: new Date(moments[i] ?? "") })
          .where(and(eq(auditLog.targetId, story.id), eq(auditLog.action, "story.created"))),
      );
    }
    const targets = async (input: Record<string, unknown>) =>
      (await listAuditLog(admin, { actor: author.id, ...input })).rows.map((r) => r.targetId);
    const [s1, s2, s3] = stories.map((s) => s.id);

    expect(await targets({})).toEqual([s3, s2, s1]); // newest first
    expect(await targets({ action: "story.created" })).toEqual([s3, s2, s1]);
    expect(await targets({ action: "story." })).toEqual([s3, s2, s1]);
    expect(await targets({ action: "story.approved" })).toEqual([]);
    expect(await targets({ from: "2021-03-02", to: "2021-03-02" })).toEqual([s2]);
    expect(await targets({ from: "2021-03-02" })).toEqual([s3, s2]);
    expect(await targets({ to: "2021-03-02" })).toEqual([s2, s1]);
    expect(await targets({ from: "2021-03-01", to: "2021-03-03" })).toEqual([s3, s2, s1]);
    expect(await targets({ from: "2021-03-04" })).toEqual([]);
    // A malformed day is ignored rather than refused.
    expect(await targets({ from: "2021-13-45" })).toEqual([s3, s2, s1]);

    const byOther = await listAuditLog(admin, { actor: other.id, action: "story.created" });
    expect(byOther.total).toBe(1);
    expect(byOther.rows[0]?.actorId).toBe(other.id);
    expect((await listAuditLog(admin, { action: "story.created", from: "2021-03-01", to: "2021-03-03" })).total).toBe(3);
  });
});
