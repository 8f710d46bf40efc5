import "server-only";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findIssueByNumber, insertIssue } from "../../db/queries/issues";
import { AppError } from "../errors";
import { canManageIssues, type Actor } from "../policy";
import { parseInput } from "../validation";
import { createIssueSchema } from "./schemas";

export async function createIssue(actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  if (!canManageIssues(actor)) throw new AppError("forbidden", "Only editors can create issues.");
  const data = parseInput(createIssueSchema, input);
  const slug = `issue-${data.number}-${data.year}`;
  const { write } = await getDatabase();
  return write(async (tx) => {
    if (await findIssueByNumber(tx, data.number, data.year)) {
      throw new AppError("conflict", `Issue ${data.number}, ${data.year} already exists.`, {
        number: "This number is taken for that year.",
      });
    }
    const { id } = await insertIssue(tx, { ...data, slug });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "issue.created",
      targetType: "issue",
      targetId: id,
      details: { number: data.number, year: data.year },
    });
    return { id, slug };
  });
}
