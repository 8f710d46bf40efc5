import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findUserForSignIn, recordSignIn } from "../../db/queries/users";
import type { Role } from "../domain-types";
import { verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/**
 * Checks an email and password. Returns null for every kind of failure alike — unknown
 * email, wrong password, account not active — so the answer reveals nothing.
 */
export async function verifyCredentials(input: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { db, write } = await getDatabase();
  const user = await findUserForSignIn(db, parsed.data.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
  if (!user || !ok || user.status !== "active") {
    await write((tx) =>
      insertAudit(tx, {
        actorId: user?.id ?? null,
        action: "auth.sign_in_failed",
        targetType: "user",
        targetId: user?.id ?? null,
        details: { email: parsed.data.email },
      }),
    );
    return null;
  }
  await write(async (tx) => {
    await recordSignIn(tx, user.id);
    await insertAudit(tx, { actorId: user.id, action: "auth.signed_in", targetType: "user", targetId: user.id });
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
