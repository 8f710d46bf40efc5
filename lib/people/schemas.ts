import { z } from "zod";
import { ROLES, USER_STATUSES } from "../domain-types";

export const userIdSchema = z.string().uuid("Unknown account.");
export const emailSchema = z
  .string({ error: "Give an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Give an email address.")
  .max(254, "That email address is too long.")
  .email("That is not a valid email address.");
export const nameSchema = z
  .string({ error: "Give a name." })
  .trim()
  .min(1, "Give a name.")
  .max(120, "Keep the name under 120 characters.");
export const roleSchema = z.enum(ROLES, { error: "Choose one of the roles: contributor, reviewer, editor, admin." });

export const invitePersonSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const setStatusSchema = z.object({
  userId: userIdSchema,
  status: z.enum(["active", "deactivated"], { error: "Choose active or deactivated." }),
});
export const personSchema = z.object({ userId: userIdSchema });

export const PAGE_SIZE = 25;
export const peopleFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");
