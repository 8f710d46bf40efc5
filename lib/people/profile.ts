import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findPasswordHash, updatePerson } from "../../db/queries/people";
import { hashPassword, verifyPassword } from "../auth/password";
import { newPasswordSchema } from "../auth/password-rules";
import type { CurrentUser } from "../auth/session";
import { describeRetry, forgiveAttempt, reserveAttempt, type ThrottleKey } from "../auth/throttle";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { nameSchema } from "./schemas";

export async function updateProfile(actor: CurrentUser, input: unknown): Promise<void> {
  const data = parseInput(z.object({ name: nameSchema }), input);
  const { write } = await getDatabase();
  await write(async (tx) => {
    await updatePerson(tx, actor.id, { name: data.name });
    await insertAudit(tx, { actorId: actor.id, action: "user.profile_updated", targetType: "user", targetId: actor.id });
  });
}

/**
 * Needs the current password; wrong guesses at it are throttled like sign-ins, so a
 * session left open is no oracle for the password. Every session of the account ends,
 * this one included; the caller signs this browser in again with the new password.
 */
export async function changePassword(actor: CurrentUser, input: unknown): Promise<void> {
  const data = parseInput(
    z.object({
      currentPassword: z.string().min(1, "Enter your current password."),
      newPassword: newPasswordSchema(() => [actor.name, actor.email]),
    }),
    input,
  );
  const { db, write, dialect } = await getDatabase();
  const keys: ThrottleKey[] = [["password_check", actor.id]];
  const reservation = await write((tx) =>
    reserveAttempt(tx, dialect, keys, { action: "user.password_check_throttled", actorId: actor.id }),
  );
  if (!reservation.allowed) {
    const message = `Too many wrong passwords. Try again ${describeRetry(reservation.retryAfterSeconds)}.`;
    throw new AppError("throttled", message, { currentPassword: message });
  }
  if (!(await verifyPassword(await findPasswordHash(db, actor.id), data.currentPassword))) {
    throw new AppError("invalid", "Your current password is not right.", { currentPassword: "This is not your current password." });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await write(async (tx) => {
    await forgiveAttempt(tx, reservation, keys);
    await updatePerson(tx, actor.id, { passwordHash, endSessions: true });
    await insertAudit(tx, { actorId: actor.id, action: "user.password_changed", targetType: "user", targetId: actor.id });
  });
}
