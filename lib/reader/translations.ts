import { STORY_LOCALES } from "../locales";

/**
 * How the reader shows a story's translations, from the stories of one published issue:
 * each translation group once on the issue page, the languages of a story on its page,
 * and prev/next among the stories of one language. Pure, for server components and tests.
 */
export interface StoryLanguage {
  slug: string;
  title: string;
  locale: string;
  position: number;
  translationGroup: string | null;
}

/** The site's own language: a group is shown in it on the issue page when it has it. */
export const MAIN_LOCALE = "en";

const localeRank = (locale: string) => {
  const rank = (STORY_LOCALES as readonly string[]).indexOf(locale);
  return rank === -1 ? STORY_LOCALES.length : rank;
};

/** The members of a story's group in this issue (the story alone when it has no group), main language first. */
export function languagesOf<S extends StoryLanguage>(stories: readonly S[], story: S, main = MAIN_LOCALE): S[] {
  if (story.translationGroup === null) return [story];
  const members = stories.filter((s) => s.translationGroup === story.translationGroup);
  return members.sort(
    (a, b) =>
      Number(b.locale === main) - Number(a.locale === main) || localeRank(a.locale) - localeRank(b.locale) || a.position - b.position,
  );
}

/** The story a group is shown by: the one in the main language, else the group's first by position. */
function representative<S extends StoryLanguage>(members: readonly S[], main: string): S {
  const ordered = [...members].sort((a, b) => a.position - b.position);
  return ordered.find((s) => s.locale === main) ?? (ordered[0] as S);
}

/**
 * The issue as the issue page lists it: each group once, where its first member stands,
 * shown by its main-language story, with its other languages beside it.
 */
export function groupIssueStories<S extends StoryLanguage>(stories: readonly S[], main = MAIN_LOCALE): { story: S; others: S[] }[] {
  const seen = new Set<string>();
  const entries: { story: S; others: S[] }[] = [];
  for (const s of [...stories].sort((a, b) => a.position - b.position)) {
    if (s.translationGroup === null) {
      entries.push({ story: s, others: [] });
      continue;
    }
    if (seen.has(s.translationGroup)) continue;
    seen.add(s.translationGroup);
    const members = languagesOf(stories, s, main);
    const story = representative(members, main);
    entries.push({ story, others: members.filter((m) => m !== story) });
  }
  return entries;
}
