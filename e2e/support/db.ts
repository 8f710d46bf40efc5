import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { nameKey } from "../../lib/text/name-key";

/**
 * Direct access to the e2e server's SQLite file, for set-ups the UI cannot do yet (users,
 * deactivation, session revocation). The same default as playwright.config.ts, resolved
 * against the project root so it works from any working directory.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const E2E_DB_FILE = path.resolve(ROOT, process.env.E2E_DATABASE_FILE ?? "./data/e2e/newsletter-e2e.db");

/** Opens the file for one short use and always closes it: the server holds its own connections. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE, { timeout: 5000, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export type TestUserRole = "admin" | "editor" | "reviewer" | "contributor";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  role: TestUserRole;
}

/** A fresh, active user with a unique email, never one of the shared demo accounts. */
export async function createTestUser(role: TestUserRole = "contributor"): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  const user: TestUser = {
    id: randomUUID(),
    email: `e2e-${tag}@example.test`,
    name: `E2E user ${tag}`,
    password: `pw-${randomUUID()}`,
    role,
  };
  const passwordHash = await hash(user.password, { algorithm: 2 }); // argon2id
  withDb((db) =>
    db
      .prepare(
        `INSERT INTO users (id, email, name, name_key, password_hash, role, status, session_version, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'active', 1, ?)`,
      )
      .run(user.id, user.email, user.name, nameKey(user.name), passwordHash, user.role, Date.now()),
  );
  return user;
}

export function setUserStatus(userId: string, status: "active" | "deactivated"): void {
  const changed = withDb((db) => db.prepare("UPDATE users SET status = ? WHERE id = ?").run(status, userId).changes);
  if (changed !== 1) throw new Error(`setUserStatus: no user ${userId}`);
}

/** What a password change or "sign out everywhere" does: every existing session is stale. */
export function bumpSessionVersion(userId: string): void {
  const changed = withDb(
    (db) => db.prepare("UPDATE users SET session_version = session_version + 1 WHERE id = ?").run(userId).changes,
  );
  if (changed !== 1) throw new Error(`bumpSessionVersion: no user ${userId}`);
}
