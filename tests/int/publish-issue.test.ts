import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { like } from "drizzle-orm";
import { getDatabase, processDialect, tables } from "@/db/client";
import { createIssue } from "@/lib/issues/create-issue";
import { addStoryToIssue, removeStoryFromIssue } from "@/lib/issues/arrange-issue";
import { publishIssue, unpublishIssue } from "@/lib/issues/publish-issue";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import { getLatestIssue, getPublishedIssue, getPublishedStory } from "@/lib/reader/read-published";
import { saveStory } from "@/lib/stories/save-story";
import { approveStory, reopenStory, submitStory } from "@/lib/stories/transition-story";
import type { Actor } from "@/lib/policy";
import { bodyText, currentStory, makeStory, makeUser } from "../support/factories";

let issueNumber = 100;

async function approvedStory(author: Actor, reviewer: Actor, text: string) {
  const story = await makeStory(author, text);
  await submitStory(author, { storyId: story.id, version: story.version });
  await approveStory(reviewer, { storyId: story.id, version: (await currentStory(story.id)).version });
  return currentStory(story.id);
}

async function newIssue(editor: Actor) {
  const number = issueNumber++;
  const { id, slug } = await createIssue(editor, { number, year: 2030, issueDate: "2030-01-15", title: `Issue ${number}, 2030` });
  return { id, slug, number };
}

const issueVersion = async (editor: Actor, id: string) => (await getIssueForStudio(editor, id)).issue.version;

describe("publishing an issue", () => {
  it("publishes approved stories as a sanitised snapshot that later edits do not touch", async () => {
    const [author, reviewer, editor] = [await makeUser("contributor"), await makeUser("reviewer"), await makeUser("editor")];
    const story = await approvedStory(author, reviewer, "Dolphins <script>alert(1)</script> were counted.");
    const issue = await newIssue(editor);
    await addStoryToIssue(editor, { issueId: issue.id, storyId: story.id });

    await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
    const live = await getPublishedIssue(issue.slug);
    expect(live?.stories.map((s) => s.title)).toEqual([story.title]);
    expect(live?.stories[0]?.html).toBe("<p>Dolphins &lt;script&gt;alert(1)&lt;/script&gt; were counted.</p>");
    expect(live?.stories[0]?.authorName).toBe("Test contributor");
    expect((await getPublishedStory(issue.slug, story.slug))?.story.title).toBe(story.title);

    // Reopen and edit the working copy: readers still get the published text.
    await reopenStory(editor, { storyId: story.id, version: story.version });
    const reopened = await currentStory(story.id);
    await saveStory(editor, { storyId: story.id, version: reopened.version, title: "Changed title", body: bodyText("Changed text.") });
    const stillLive = await getPublishedStory(issue.slug, story.slug);
    expect(stillLive?.story.title).toBe(story.title);
    expect(stillLive?.story.html).toContain("Dolphins");
  });

  it("refuses an empty issue, an unapproved story, a stale version and a non-editor", async () => {
    const [author, reviewer, editor] = [await makeUser("contributor"), await makeUser("reviewer"), await makeUser("editor")];
    const issue = await newIssue(editor);
    const version = await issueVersion(editor, issue.id);
    await expect(publishIssue(editor, { issueId: issue.id, version })).rejects.toThrow(/at least one approved story/);

    const draft = await makeStory(author, "Not yet reviewed.");
    await addStoryToIssue(editor, { issueId: issue.id, storyId: draft.id });
    await expect(publishIssue(editor, { issueId: issue.id, version })).rejects.toThrow(`Not yet approved: “${draft.title}”`);
    expect(await getPublishedIssue(issue.slug)).toBeNull();

    await removeStoryFromIssue(editor, { issueId: issue.id, storyId: draft.id });
    const approved = await approvedStory(author, reviewer, "Reviewed text.");
    await addStoryToIssue(editor, { issueId: issue.id, storyId: approved.id });
    for (const actor of [author, reviewer]) {
      await expect(publishIssue(actor, { issueId: issue.id, version })).rejects.toMatchObject({ code: "forbidden" });
      await expect(addStoryToIssue(actor, { issueId: issue.id, storyId: draft.id })).rejects.toMatchObject({ code: "forbidden" });
      await expect(createIssue(actor, { number: 9999, year: 2030, issueDate: "2030-01-01", title: "X" })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(publishIssue(editor, { issueId: issue.id, version: version + 5 })).rejects.toMatchObject({ code: "conflict" });
    await publishIssue(editor, { issueId: issue.id, version });
    expect((await getPublishedIssue(issue.slug))?.stories).toHaveLength(1);
  });

  it("unpublishes, and the latest issue falls back to the one before", async () => {
    const [author, reviewer, editor] = [await makeUser("contributor"), await makeUser("reviewer"), await makeUser("editor")];
    const older = await newIssue(editor);
    const newer = await createIssue(editor, { number: issueNumber++, year: 2030, issueDate: "2030-12-01", title: "December" });
    for (const issue of [older, newer]) {
      const story = await approvedStory(author, reviewer, "Text.");
      await addStoryToIssue(editor, { issueId: issue.id, storyId: story.id });
      await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
    }
    expect((await getLatestIssue())?.issue.slug).toBe(newer.slug);
    await expect(unpublishIssue(reviewer, { issueId: newer.id, version: await issueVersion(editor, newer.id) })).rejects.toMatchObject({ code: "forbidden" });
    await unpublishIssue(editor, { issueId: newer.id, version: await issueVersion(editor, newer.id) });
    expect(await getPublishedIssue(newer.slug)).toBeNull();
    expect((await getLatestIssue())?.issue.slug).toBe(older.slug);
  });

  it("refuses a duplicate issue number and bad dates with clear messages", async () => {
    const editor = await makeUser("editor");
    const issue = await newIssue(editor);
    await expect(createIssue(editor, { number: issue.number, year: 2030, issueDate: "2030-02-01", title: "Again" })).rejects.toThrow(
      `Issue ${issue.number}, 2030 already exists.`,
    );
    await expect(createIssue(editor, { number: 5, year: 2030, issueDate: "31/02/2030", title: "Bad" })).rejects.toMatchObject({ code: "invalid" });
    await expect(createIssue(editor, { number: "", year: 2030, issueDate: "2030-02-01", title: "Bad" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("lets exactly one of a publish and an unpublish of the same version win, and the state matches the winner", async () => {
    const [author, reviewer, editor] = [await makeUser("contributor"), await makeUser("reviewer"), await makeUser("editor")];
    const issue = await newIssue(editor);
    await addStoryToIssue(editor, { issueId: issue.id, storyId: (await approvedStory(author, reviewer, "Text.")).id });
    await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
    const version = await issueVersion(editor, issue.id);
    const [republish, unpublish] = await Promise.allSettled([
      publishIssue(editor, { issueId: issue.id, version }),
      unpublishIssue(editor, { issueId: issue.id, version }),
    ]);
    expect([republish.status, unpublish.status].sort()).toEqual(["fulfilled", "rejected"]);
    const loser = republish.status === "rejected" ? republish : unpublish;
    expect(loser.status === "rejected" && loser.reason).toMatchObject({ code: "conflict" });
    const { issue: after } = await getIssueForStudio(editor, issue.id);
    const live = await getPublishedIssue(issue.slug);
    expect(after.status).toBe(unpublish.status === "fulfilled" ? "draft" : "published");
    expect(live === null).toBe(unpublish.status === "fulfilled");
  });

  // The race below needs a second writer inside the window between unpublish's read and its
  // update. SQLite runs one write transaction at a time, so only Postgres can have one.
  it.runIf(processDialect === "postgres")(
    "unpublish that loses a race to another change is refused and leaves the issue live (Postgres)",
    async () => {
      const [author, reviewer, editor] = [await makeUser("contributor"), await makeUser("reviewer"), await makeUser("editor")];
      const issue = await newIssue(editor);
      await addStoryToIssue(editor, { issueId: issue.id, storyId: (await approvedStory(author, reviewer, "Text.")).id });
      await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });
      const version = await issueVersion(editor, issue.id);

      // Another server changes the issue and holds its row lock until we let it commit.
      const other = new Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query("UPDATE issues SET version = version + 1 WHERE id = $1", [issue.id]);
        const unpublishing = unpublishIssue(editor, { issueId: issue.id, version }).then(
          () => null,
          (error: unknown) => error,
        );
        // Wait until unpublish has read the issue and is blocked on the row lock.
        for (let i = 0; i < 200; i++) {
          const { rows } = await other.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          );
          if (rows[0].n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await other.query("COMMIT");
        expect(await unpublishing).toMatchObject({ code: "conflict" });
      } finally {
        await other.end();
      }
      const { issue: after } = await getIssueForStudio(editor, issue.id);
      expect(after.status).toBe("published");
      expect((await getPublishedIssue(issue.slug))?.stories).toHaveLength(1);
      const { db } = await getDatabase();
      const logged = await db
        .select({ action: tables.auditLog.action })
        .from(tables.auditLog)
        .where(like(tables.auditLog.targetId, issue.id));
      expect(logged.map((r) => r.action)).not.toContain("issue.unpublished");
    },
  );
});
