import type { MetadataRoute } from "next";
import { getDatabase } from "@/db/client";
import { listPublishedAddresses } from "@/db/queries/published-feeds";
import { absoluteUrl } from "@/lib/reader/seo";

// Read from the live snapshot at request time: a publish or unpublish shows at once.
export const dynamic = "force-dynamic";

/** Home, archive and every published issue and story, from the live snapshot. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { db } = await getDatabase();
  const { issues, stories } = await listPublishedAddresses(db);
  // A story's translations in its issue, for xhtml:link hreflang alternates.
  const groups = new Map<string, typeof stories>();
  for (const story of stories) {
    if (story.translationGroup === null) continue;
    const key = `${story.issueSlug} ${story.translationGroup}`;
    groups.set(key, [...(groups.get(key) ?? []), story]);
  }
  const newest = issues.reduce<Date | undefined>((max, i) => (!max || i.publishedAt > max ? i.publishedAt : max), undefined);
  return [
    { url: absoluteUrl("/"), lastModified: newest, changeFrequency: "weekly", priority: 1 },
    { url: absoluteUrl("/issues"), lastModified: newest, changeFrequency: "weekly", priority: 0.8 },
    ...issues.map((issue) => ({ url: absoluteUrl(`/issues/${issue.slug}`), lastModified: issue.publishedAt, priority: 0.7 })),
    ...stories.map((story) => ({
      url: absoluteUrl(`/issues/${story.issueSlug}/${story.slug}`),
      lastModified: story.publishedAt,
      priority: 0.6,
      ...alternates(story.translationGroup === null ? [] : (groups.get(`${story.issueSlug} ${story.translationGroup}`) ?? [])),
    })),
  ];
}

function alternates(members: { issueSlug: string; slug: string; locale: string }[]) {
  if (members.length < 2) return {};
  return {
    alternates: {
      languages: Object.fromEntries(members.map((m) => [m.locale, absoluteUrl(`/issues/${m.issueSlug}/${m.slug}`)])),
    },
  };
}
