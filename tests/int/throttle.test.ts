import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { signInRetryAfter, verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { checkThrottle, LIMITS, reserveAttempt, THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";
import type { ThrottleScope } from "@/lib/domain-types";
import { changePassword } from "@/lib/people/profile";
import { makeUser } from "../support/factories";
import { code } from "../support/outcome";

const { signInFailures, auditLog } = tables;

// Counts how many attempts reach the (slow, argon2) password check.
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: (hash: string | null, password: string) => {
      passwordChecks.count++;
      return real.verifyPassword(hash, password);
    },
  };
});

const PASSWORD = "Quiet lanterns drift over seven rivers";
const INVALID = { ok: false, reason: "invalid" };
const MINUTE = 60_000;

// Every call gets an address of its own unless a test means to share one, so the
// per-address limit never trips by accident.
let nextAddress = 1;
const freshIp = () => {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};
const unknownEmail = () => `nobody-${randomUUID()}@test.example`;

let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

const member = () => makeUser("editor", passwordHash);
const attempt = (email: string, password: string, ip: string | null = freshIp()) => verifyCredentials({ email, password }, ip);

function expectThrottled(result: Awaited<ReturnType<typeof verifyCredentials>>, max = THROTTLE_WINDOW_MS / 1000) {
  expect(result).toMatchObject({ ok: false, reason: "throttled" });
  const seconds = result.ok || result.reason !== "throttled" ? Number.NaN : result.retryAfterSeconds;
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(max);
  return seconds;
}

/** Shifts the recorded failures of one key back in time, as if `ms` had passed. */
async function age(scope: ThrottleScope, key: string, ms: number) {
  const { db, write } = await getDatabase();
  const where = and(eq(signInFailures.scope, scope), eq(signInFailures.key, key));
  const rows = await db.select({ id: signInFailures.id, createdAt: signInFailures.createdAt }).from(signInFailures).where(where);
  expect(rows.length).toBeGreaterThan(0);
  await write(async (tx) => {
    for (const row of rows)
      await tx
        .update(signInFailures)
        .set({ createdAt: new Date(row.createdAt.getTime() - ms) })
        .where(eq(signInFailures.id, row.id));
  });
}

/** The aggregated audit entries for refused attempts against one key. */
async function throttledEntries(action: string, key: string) {
  const { db } = await getDatabase();
  const rows = await db.select({ id: auditLog.id, details: auditLog.details }).from(auditLog).where(eq(auditLog.action, action));
  return rows.filter((row) => row.details.key === key);
}

async function auditCount() {
  const { db } = await getDatabase();
  const [row] = await db.select({ n: count() }).from(auditLog);
  return Number(row?.n ?? 0);
}

async function failureCount(scope: ThrottleScope, key: string) {
  const { db } = await getDatabase();
  const rows = await db.select({ id: signInFailures.id }).from(signInFailures).where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key)));
  return rows.length;
}

describe("sign-in throttling per account", () => {
  it("after 5 failures, even the right password is refused for a while; other accounts are unaffected", async () => {
    const user = await member();
    const bystander = await member();
    for (let i = 0; i < LIMITS.account; i++) expect(await attempt(user.email, `wrong password ${i}`)).toEqual(INVALID);
    expect(await failureCount("account", user.email)).toBe(5);

    const seconds = expectThrottled(await attempt(user.email, PASSWORD));
    expect(seconds).toBeGreaterThan(THROTTLE_WINDOW_MS / 1000 - 120); // the failures are seconds old
    expectThrottled(await attempt(user.email, "wrong again"));
    expectThrottled(await attempt(`  ${user.email.toUpperCase()} `, PASSWORD)); // the same account, however typed
    expectThrottled(await attempt(user.email, PASSWORD, null));
    // Throttled attempts are not failures of their own: they do not extend the lock.
    expect(await failureCount("account", user.email)).toBe(5);
    expect(await signInRetryAfter(user.email.toUpperCase(), null)).toBeGreaterThanOrEqual(1);

    expect(await attempt(bystander.email, PASSWORD)).toMatchObject({ ok: true, user: { id: bystander.id } });
    expect(await signInRetryAfter(bystander.email, null)).toBeNull();

    // The four refused attempts are counted in one audit entry (two if a 15-minute window ended meanwhile).
    const logged = await throttledEntries("auth.sign_in_throttled", user.email);
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.length).toBeLessThanOrEqual(2);
    expect(logged.reduce((sum, e) => sum + Number(e.details.attempts), 0)).toBe(4);
    expect(logged[0]?.details).toMatchObject({ scope: "account", key: user.email });
  });

  it("a successful sign-in before the limit wipes the account's slate", async () => {
    const user = await member();
    for (let i = 0; i < LIMITS.account - 1; i++) expect(await attempt(user.email, "wrong")).toEqual(INVALID);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
    expect(await failureCount("account", user.email)).toBe(0);
    for (let i = 0; i < LIMITS.account - 1; i++) expect(await attempt(user.email, "wrong")).toEqual(INVALID);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
    expect(await signInRetryAfter(user.email, null)).toBeNull();
  });

  it("opens again once the failures are more than 15 minutes old", async () => {
    const user = await member();
    for (let i = 0; i < LIMITS.account; i++) await attempt(user.email, "wrong");
    expectThrottled(await attempt(user.email, PASSWORD));

    await age("account", user.email, 14 * MINUTE);
    const seconds = expectThrottled(await attempt(user.email, PASSWORD));
    expect(seconds).toBeGreaterThanOrEqual(30);
    expect(seconds).toBeLessThanOrEqual(60);

    await age("account", user.email, 2 * MINUTE); // 16 minutes in all
    expect(await signInRetryAfter(user.email, null)).toBeNull();
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
  });
});

describe("sign-in throttling under concurrency", () => {
  it("40 wrong passwords for one account at the same moment: at most 5 reach the password check", async () => {
    const user = await member();
    passwordChecks.count = 0;
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(user.email, `wrong password ${i}`)));
    expect(passwordChecks.count).toBeLessThanOrEqual(LIMITS.account);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(passwordChecks.count);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(40 - passwordChecks.count);
    expect(await failureCount("account", user.email)).toBe(LIMITS.account);
  });

  it("40 guesses from one address at the same moment: at most 20 reach the password check", async () => {
    const ip = freshIp();
    passwordChecks.count = 0;
    await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(unknownEmail(), `guess ${i}`, ip)));
    expect(passwordChecks.count).toBeLessThanOrEqual(LIMITS.ip);
    expect(await failureCount("ip", ip)).toBe(LIMITS.ip);
  });
});

describe("refused attempts in the audit log", () => {
  it("a flood of 200 refused sign-ins for one account adds one entry that counts them, not 200", async () => {
    const user = await member();
    for (let i = 0; i < LIMITS.account; i++) await attempt(user.email, "wrong");
    const before = await auditCount();

    // From 200 addresses at once, so only the account's limit applies.
    const results = await Promise.all(Array.from({ length: 200 }, () => attempt(user.email, "wrong")));
    expect(results.every((r) => !r.ok && r.reason === "throttled")).toBe(true);

    const logged = await throttledEntries("auth.sign_in_throttled", user.email);
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.length).toBeLessThanOrEqual(2); // a 15-minute window may end during the flood
    expect(logged.reduce((sum, e) => sum + Number(e.details.attempts), 0)).toBe(200);
    expect(await auditCount()).toBe(before + logged.length);
    expect(await failureCount("account", user.email)).toBe(LIMITS.account);
  });

  it("a flood from one address with a new email each time is counted against the address", async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.ip; i++) await attempt(unknownEmail(), "guess", ip);
    const before = await auditCount();

    await Promise.all(Array.from({ length: 100 }, () => attempt(unknownEmail(), "guess", ip)));

    const logged = await throttledEntries("auth.sign_in_throttled", ip);
    expect(logged.length).toBeLessThanOrEqual(2);
    expect(logged.reduce((sum, e) => sum + Number(e.details.attempts), 0)).toBe(100);
    expect(logged[0]?.details).toMatchObject({ scope: "ip", key: ip });
    expect(await auditCount()).toBe(before + logged.length);
  });

  it("starts a new entry in each 15-minute window", async () => {
    const { write, dialect } = await getDatabase();
    const email = unknownEmail();
    const T0 = Math.ceil(Date.now() / THROTTLE_WINDOW_MS) * THROTTLE_WINDOW_MS - 60 * MINUTE;
    await write((tx) => tx.insert(signInFailures).values([0, 1, 2, 3, 4].map((s) => ({ scope: "account" as const, key: email, createdAt: new Date(T0 + 10 * MINUTE + s * 1000) }))));
    const audit = { action: "auth.sign_in_throttled", actorId: null };
    for (const at of [T0 + 11 * MINUTE, T0 + 12 * MINUTE, T0 + THROTTLE_WINDOW_MS + MINUTE])
      expect(await write((tx) => reserveAttempt(tx, dialect, [["account", email]], audit, new Date(at)))).toMatchObject({ allowed: false });

    const logged = await throttledEntries("auth.sign_in_throttled", email);
    expect(logged.map((e) => e.details.attempts).sort()).toEqual([1, 2]);
  });
});

describe("sign-in throttling per address", () => {
  it("after 20 failures from one address, every attempt from it is refused; other addresses are not", async () => {
    const ip = freshIp();
    const user = await member();
    for (let i = 0; i < LIMITS.ip; i++) expect(await attempt(unknownEmail(), "guess", ip)).toEqual(INVALID);
    expect(await failureCount("ip", ip)).toBe(20);

    expectThrottled(await attempt(unknownEmail(), "guess", ip));
    expectThrottled(await attempt(user.email, PASSWORD, ip));
    expect(await signInRetryAfter(unknownEmail(), ip)).toBeGreaterThanOrEqual(1);
    expect(await failureCount("ip", ip)).toBe(20);

    expect(await attempt(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
    expect(await attempt(unknownEmail(), "guess", freshIp())).toEqual(INVALID);
    // A sign-in from that address does not clear the address's count.
    expectThrottled(await attempt(user.email, PASSWORD, ip));

    await age("ip", ip, 16 * MINUTE);
    expect(await signInRetryAfter(unknownEmail(), ip)).toBeNull();
    expect(await attempt(user.email, PASSWORD, ip)).toMatchObject({ ok: true });
    expect(await attempt(unknownEmail(), "guess", ip)).toEqual(INVALID);
  });

  it("19 failures from one address are not yet enough", async () => {
    const ip = freshIp();
    const user = await member();
    for (let i = 0; i < LIMITS.ip - 1; i++) await attempt(unknownEmail(), "guess", ip);
    expect(await attempt(user.email, PASSWORD, ip)).toMatchObject({ ok: true });
  });
});

describe("the current-password check on the profile page", () => {
  const NEW_PASSWORD = "Copper finches nest beneath the tramway";
  const change = (actor: Awaited<ReturnType<typeof member>>, currentPassword: string) =>
    code(changePassword({ ...actor, name: "Test editor" }, { currentPassword, newPassword: NEW_PASSWORD }));

  it("5 wrong passwords close it for a while, even for the right one; a right one before that wipes the slate", async () => {
    const user = await member();
    for (let i = 0; i < LIMITS.password_check - 1; i++) expect(await change(user, `wrong ${i}`)).toBe("invalid");
    expect(await failureCount("password_check", user.id)).toBe(4);
    expect(await change(user, PASSWORD)).toBe("ok");
    expect(await failureCount("password_check", user.id)).toBe(0);

    const other = await member();
    for (let i = 0; i < LIMITS.password_check; i++) expect(await change(other, `wrong ${i}`)).toBe("invalid");
    const refused = await changePassword({ ...other, name: "Test editor" }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "throttled", fields: { currentPassword: expect.stringMatching(/^Too many wrong passwords\. Try again in \d+ minutes\.$/) } });
    expect(await attempt(other.email, PASSWORD)).toMatchObject({ ok: true }); // the password did not change
  });

  it("40 wrong passwords at the same moment: at most 5 reach the password check, and one audit entry counts the rest", async () => {
    const user = await member();
    passwordChecks.count = 0;
    const codes = await Promise.all(Array.from({ length: 40 }, (_, i) => change(user, `wrong ${i}`)));
    expect(passwordChecks.count).toBeLessThanOrEqual(LIMITS.password_check);
    expect(codes.filter((c) => c === "invalid")).toHaveLength(passwordChecks.count);
    expect(codes.filter((c) => c === "throttled")).toHaveLength(40 - passwordChecks.count);
    const logged = await throttledEntries("user.password_check_throttled", user.id);
    expect(logged.reduce((sum, e) => sum + Number(e.details.attempts), 0)).toBe(40 - passwordChecks.count);
    expect(logged.length).toBeLessThanOrEqual(2);
  });
});

describe("checkThrottle", () => {
  const T0 = new Date("2024-05-01T09:00:00.000Z").getTime();
  const at = (ms: number) => new Date(T0 + ms);

  async function seed(scope: ThrottleScope, key: string, times: number[]) {
    const { write } = await getDatabase();
    await write((tx) => tx.insert(signInFailures).values(times.map((t) => ({ scope, key, createdAt: at(t) }))));
  }

  it("computes the wait from the oldest failure in the window, at a fixed time", async () => {
    const { db } = await getDatabase();
    const email = unknownEmail();
    await seed("account", email, [0, 1, 2, 3, 4].map((m) => m * MINUTE));

    expect(await checkThrottle(db, email, null, at(5 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(await checkThrottle(db, email, null, at(10 * MINUTE + 1))).toEqual({ allowed: false, retryAfterSeconds: 300 });
    expect(await checkThrottle(db, email, null, at(15 * MINUTE - 500))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // At 15 minutes the oldest leaves the window: four remain.
    expect(await checkThrottle(db, email, null, at(15 * MINUTE))).toEqual({ allowed: true });
    // Other keys and the other scope are separate.
    expect(await checkThrottle(db, unknownEmail(), null, at(5 * MINUTE))).toEqual({ allowed: true });
    expect(await checkThrottle(db, unknownEmail(), email, at(5 * MINUTE))).toEqual({ allowed: true });
  });

  it("takes the later of the two limits when both are reached, and skips the address when there is none", async () => {
    const { db } = await getDatabase();
    const email = unknownEmail();
    const ip = freshIp();
    await seed("account", email, [0, 1, 2, 3, 4].map((m) => m * MINUTE));
    await seed("ip", ip, Array.from({ length: 20 }, (_, i) => MINUTE + i * 1000));

    expect(await checkThrottle(db, email, ip, at(5 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 660 });
    expect(await checkThrottle(db, email, null, at(5 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(await checkThrottle(db, unknownEmail(), ip, at(5 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 660 });
    // Once the account's failures age out, the address still holds the door for a minute.
    expect(await checkThrottle(db, email, ip, at(15 * MINUTE + 30_000))).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await checkThrottle(db, email, ip, at(16 * MINUTE))).toEqual({ allowed: true });
  });
});
