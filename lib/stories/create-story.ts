import "server-only";
import type { JSONContent } from "@tiptap/core";
import { getDatabase, type Db } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findSlugsLike, insertStory } from "../../db/queries/stories";
import { EMPTY_BODY, normalizeStoryBody } from "../content/story-body";
import { AppError } from "../errors";
import { canCreateStory, type Actor } from "../policy";
import { parseInput, slugify } from "../validation";
import { createStorySchema } from "./schemas";

/**
 * Story slugs that name a page of their own under an issue (/issues/<issue>/print is the
 * print edition), so no story may have them: a story called "Print" becomes "print-2".
 */
export const RESERVED_STORY_SLUGS: readonly string[] = ["print"];

/** `base` as it is when free, else `base-2`, `base-3`, … */
export async function uniqueStorySlug(tx: Db, base: string): Promise<string> {
  const taken = new Set([...(await findSlugsLike(tx, base)), ...RESERVED_STORY_SLUGS]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** `body` is for a story that starts from existing text (an imported document); it is validated here. */
export async function createStory(actor: Actor, input: unknown, body: JSONContent = EMPTY_BODY): Promise<{ id: string }> {
  const data = parseInput(createStorySchema, input);
  if (!canCreateStory(actor)) throw new AppError("forbidden", "You may not create stories.");
  const { write } = await getDatabase();
  return write(async (tx) => {
    const { id } = await insertStory(tx, {
      ...normalizeStoryBody(body),
      slug: await uniqueStorySlug(tx, slugify(data.title)),
      title: data.title,
      standfirst: data.standfirst,
      locale: data.locale,
      authorId: actor.id,
    });
    await insertAudit(tx, { actorId: actor.id, action: "story.created", targetType: "story", targetId: id });
    return { id };
  });
}
