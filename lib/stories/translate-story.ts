import "server-only";
import { getDatabase } from "../../db/client";
import { insertAudit } from "../../db/queries/audit";
import { findStory, insertStory, joinTranslationGroup, listTranslationGroup, makeRoomAfter } from "../../db/queries/stories";
import { normalizeStoryBody } from "../content/story-body";
import { AppError } from "../errors";
import { LOCALE_ENGLISH_NAMES, LOCALE_NAMES } from "../locales";
import { canCreateStory, canManageIssues, canViewStory, type Actor } from "../policy";
import { parseInput } from "../validation";
import { uniqueStorySlug } from "./create-story";
import { addTranslationSchema } from "./schemas";

/**
 * Starts a translation of a story: a draft story of its own, in the same translation group
 * (the source's, or a new one named after the source), written by the person who starts it
 * and reviewed like any story. It starts from the source's text, to be written over.
 *
 * Whoever may write stories may translate one they can see. The translation joins the
 * source's issue, right after the source and its other translations there, when its
 * translator may arrange issues; otherwise an editor adds it, as any story.
 */
export async function addTranslation(
  actor: Actor,
  input: unknown,
): Promise<{ id: string; group: string; placedInIssue: boolean }> {
  const data = parseInput(addTranslationSchema, input);
  if (!canCreateStory(actor)) throw new AppError("forbidden", "You may not create stories.");
  const { write } = await getDatabase();
  return write(async (tx) => {
    const source = await findStory(tx, data.storyId);
    if (!source || !canViewStory(actor, source)) throw new AppError("not_found", "No such story.");
    const group = source.translationGroup ?? source.id;
    // Puts the source in a group of its own when it had none (the group is named after its
    // first story), and takes the group's lock (Postgres) before reading its languages.
    await joinTranslationGroup(tx, group, group);
    const members = await listTranslationGroup(tx, group);
    if (members.some((m) => m.locale === data.locale) || source.locale === data.locale) {
      const name = `${LOCALE_NAMES[data.locale]} (${LOCALE_ENGLISH_NAMES[data.locale]})`;
      throw new AppError("conflict", `This story already has a ${name} version.`, { locale: `There is a ${name} version already.` });
    }

    let placement: { issueId: string; position: number } | null = null;
    if (source.issueId !== null && canManageIssues(actor)) {
      const after = Math.max(
        source.position,
        ...members.filter((m) => m.issueId === source.issueId).map((m) => m.position),
      );
      await makeRoomAfter(tx, source.issueId, after);
      placement = { issueId: source.issueId, position: after + 1 };
    }

    const { id } = await insertStory(tx, {
      ...normalizeStoryBody(source.body),
      slug: await uniqueStorySlug(tx, `${source.slug}-${data.locale}`),
      title: source.title,
      standfirst: source.standfirst,
      authorId: actor.id,
      locale: data.locale,
      translationGroup: group,
      ...(placement ?? {}),
    });
    await insertAudit(tx, {
      actorId: actor.id,
      action: "story.translation_added",
      targetType: "story",
      targetId: id,
      details: { sourceId: source.id, locale: data.locale, group, issueId: placement?.issueId ?? null },
    });
    return { id, group, placedInIssue: placement !== null };
  });
}
