import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findUserForSignIn, insertUser } from "../../db/queries/users";
import { hashPassword } from "../auth/password";
import { AppError } from "../errors";
import { parseInput } from "../validation";

const createAdminSchema = z.object({
  email: z.string().trim().toLowerCase().email("Give a valid email address."),
  name: z.string().trim().min(1, "Give a name.").max(120),
  password: z.string().min(12, "The password must have at least 12 characters.").max(1024),
});

/**
 * The first admin of a real install (SEED_DEMO=false), created from the command line:
 * there is nobody yet who could invite them.
 */
export async function createAdmin(input: unknown): Promise<{ id: string; email: string }> {
  const data = parseInput(createAdminSchema, input);
  const passwordHash = await hashPassword(data.password);
  const { write } = await getDatabase();
  return write(async (tx) => {
    if (await findUserForSignIn(tx, data.email))
      throw new AppError("conflict", `An account for ${data.email} already exists.`);
    const { id } = await insertUser(tx, { email: data.email, name: data.name, role: "admin", passwordHash });
    await insertAudit(tx, { actorId: null, action: "user.created_admin_cli", targetType: "user", targetId: id, details: { email: data.email } });
    return { id, email: data.email };
  });
}
