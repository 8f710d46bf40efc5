import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatIssueDate } from "@/components/reader/format";
import { getPublishedStory } from "@/lib/reader/read-published";
import { readingLabel } from "@/lib/text/words";

type Props = { params: Promise<{ slug: string; story: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, story } = await params;
  const found = await getPublishedStory(slug, story);
  return found ? { title: found.story.title, description: found.story.standfirst || undefined } : { title: "Story not found" };
}

export default async function StoryPage({ params }: Props) {
  const { slug, story: storySlug } = await params;
  const found = await getPublishedStory(slug, storySlug);
  if (!found) notFound();
  const { issue, story } = found;
  return (
    <article className="mx-auto max-w-2xl px-4 pt-10">
      <p className="no-print text-sm">
        <Link href={`/issues/${issue.slug}`} className="text-brand-700 hover:underline">
          ← {issue.title}
        </Link>
      </p>
      <p className="mt-4 text-sm font-medium uppercase tracking-wider text-gray-600">
        Issue {issue.number}, {issue.year} · <time dateTime={issue.issueDate}>{formatIssueDate(issue.issueDate)}</time>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold leading-tight text-ink sm:text-4xl">{story.title}</h1>
      {story.standfirst ? <p className="mt-4 text-xl text-gray-700">{story.standfirst}</p> : null}
      <p className="mt-3 text-sm text-gray-600">
        By {story.authorName}
        {story.readingMinutes > 0 ? <span data-testid="reading-time"> · {readingLabel(story.readingMinutes)}</span> : null}
      </p>
      {/* Rendered on publish from the allow-listed schema; text is escaped there. */}
      <div className="story-body mt-8" dangerouslySetInnerHTML={{ __html: story.html }} />
    </article>
  );
}
