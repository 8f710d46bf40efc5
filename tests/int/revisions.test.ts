import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { AppError } from "@/lib/errors";
import { diffRevisions, listRevisions, restoreRevision } from "@/lib/stories/revisions";
import { saveStory } from "@/lib/stories/save-story";
import { approveStory, reopenStory, requestChanges, submitStory } from "@/lib/stories/transition-story";
import { bodyText, currentStory, makeStory, makeUser } from "../support/factories";
import { code } from "../support/outcome";

/** Moves every snapshot of a story back in time, as if the writer had kept typing for a while. */
async function ageRevisions(storyId: string, ms: number) {
  const { write } = await getDatabase();
  await write(async (tx) => {
    const rows = await tx
      .select({ id: tables.revisions.id, createdAt: tables.revisions.createdAt })
      .from(tables.revisions)
      .where(eq(tables.revisions.storyId, storyId));
    for (const row of rows) {
      await tx
        .update(tables.revisions)
        .set({ createdAt: new Date(row.createdAt.getTime() - ms) })
        .where(eq(tables.revisions.id, row.id));
    }
  });
}

const MINUTE = 60_000;

const reasons = async (actor: Parameters<typeof listRevisions>[0], storyId: string) =>
  (await listRevisions(actor, { storyId })).map((r) => r.reason);

async function save(actor: Parameters<typeof saveStory>[0], storyId: string, body: string) {
  const story = await currentStory(storyId);
  await saveStory(actor, { storyId, version: story.version, title: story.title, body });
  return currentStory(storyId);
}

const heading = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const bullets = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((text) => ({ type: "listItem", content: [paragraph(text)] })),
});
const doc = (...content: object[]) => JSON.stringify({ type: "doc", content });

describe("revisions", () => {
  it("keeps one autosave snapshot per ten minutes of saving", async () => {
    const author = await makeUser("contributor");
    const story = await makeStory(author, "First words."); // the first save: no snapshot yet, so one is kept
    expect(await reasons(author, story.id)).toEqual(["autosave"]);

    await save(author, story.id, bodyText("Second words."));
    await save(author, story.id, bodyText("Third words."));
    expect(await reasons(author, story.id)).toEqual(["autosave"]);

    await ageRevisions(story.id, 9 * MINUTE);
    await save(author, story.id, bodyText("Fourth words."));
    expect(await reasons(author, story.id)).toEqual(["autosave"]);

    await ageRevisions(story.id, 2 * MINUTE);
    await save(author, story.id, bodyText("Fifth words."));
    const list = await listRevisions(author, { storyId: story.id });
    expect(list.map((r) => r.reason)).toEqual(["autosave", "autosave"]);
    const diff = await diffRevisions(author, { storyId: story.id, from: list[1]!.id, to: list[0]!.id });
    expect(diff.html).toContain("<p><del>First</del><ins>Fifth</ins> words.</p>");
  });

  it("keeps a snapshot at submit, approve and restore, each by the person who acted", async () => {
    const author = await makeUser("contributor");
    const reviewer = await makeUser("reviewer");
    let story = await makeStory(author, "Submitted text.");
    await ageRevisions(story.id, MINUTE);
    await submitStory(author, { storyId: story.id, version: story.version });
    await ageRevisions(story.id, MINUTE);
    story = await currentStory(story.id);
    await approveStory(reviewer, { storyId: story.id, version: story.version });

    const list = await listRevisions(author, { storyId: story.id });
    expect(list.map((r) => [r.reason, r.authorName])).toEqual([
      ["approved", "Test reviewer"],
      ["submitted", "Test contributor"],
      ["autosave", "Test contributor"],
    ]);
    expect(list[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("shows inserted and deleted words in place, inside a heading and a list", async () => {
    const author = await makeUser("contributor");
    let story = await makeStory(author);
    await ageRevisions(story.id, 11 * MINUTE);
    story = await save(
      author,
      story.id,
      doc(heading(2, "Ministers meet in Vientiane"), bullets("Water sharing", "Fish stocks", "Dams"), paragraph("Unchanged <b>text</b> & more.")),
    );
    const [before] = await listRevisions(author, { storyId: story.id });
    await ageRevisions(story.id, 11 * MINUTE);
    await save(
      author,
      story.id,
      doc(heading(2, "Foreign ministers meet in Bangkok"), bullets("Water sharing", "Fish", "Dams", "Floods"), paragraph("Unchanged <b>text</b> & more.")),
    );

    const diff = await diffRevisions(author, { storyId: story.id, from: before!.id, to: "current" });
    expect(diff.html).toContain("<h2><del>Ministers</del><ins>Foreign ministers</ins> meet in <del>Vientiane</del><ins>Bangkok</ins></h2>");
    expect(diff.html).toContain(
      '<ul><li><p>Water sharing</p></li><li><p>Fish<del> stocks</del></p></li><li><p>Dams</p></li><li><p class="diff-added"><ins>Floods</ins></p></li></ul>',
    );
    expect(diff.html).toContain("<p>Unchanged &lt;b&gt;text&lt;/b&gt; &amp; more.</p>");
    expect(diff).toMatchObject({ insertedWords: 4, deletedWords: 3 });

    // The same two versions the other way round: what was inserted is now deleted.
    const back = await diffRevisions(author, { storyId: story.id, from: "current", to: before!.id });
    expect(back.html).toContain("<h2><del>Foreign ministers</del><ins>Ministers</ins> meet in <del>Bangkok</del><ins>Vientiane</ins></h2>");
  });

  it("restores a revision as a new version and keeps the text it replaced", async () => {
    const author = await makeUser("contributor");
    let story = await makeStory(author, "The original lead.");
    const [original] = await listRevisions(author, { storyId: story.id });
    story = await save(author, story.id, bodyText("A rewritten lead that was never snapshotted."));
    const versionBefore = story.version;

    await ageRevisions(story.id, MINUTE);
    const { version } = await restoreRevision(author, { storyId: story.id, revisionId: original!.id });
    story = await currentStory(story.id);
    expect(version).toBe(versionBefore + 1);
    expect(story.version).toBe(version);
    expect(story.body).toEqual(JSON.parse(bodyText("The original lead.")));
    expect(story.wordCount).toBe(3);

    const list = await listRevisions(author, { storyId: story.id });
    expect(list.map((r) => r.reason)).toEqual(["restore", "before_restore", "autosave"]);
    const kept = await diffRevisions(author, { storyId: story.id, from: list[1]!.id, to: "current" });
    // Too little in common to pair the paragraphs: one goes, the other comes.
    expect(kept.html).toContain(
      '<p class="diff-removed"><del>A rewritten lead that was never snapshotted.</del></p><p class="diff-added"><ins>The original lead.</ins></p>',
    );

    // Restoring again when the current text is already a snapshot adds only the restore.
    await ageRevisions(story.id, MINUTE);
    await restoreRevision(author, { storyId: story.id, revisionId: list[1]!.id });
    expect(await reasons(author, story.id)).toEqual(["restore", "restore", "before_restore", "autosave"]);
    expect((await currentStory(story.id)).body).toEqual(JSON.parse(bodyText("A rewritten lead that was never snapshotted.")));

    // A save after the restore, from the version it returned, goes through.
    story = await currentStory(story.id);
    expect(await code(saveStory(author, { storyId: story.id, version: story.version, title: story.title, body: bodyText("Next.") }))).toBe("ok");
  });

  it("refuses a restore to anyone who may not edit the story now, with a clear reason", async () => {
    const author = await makeUser("contributor");
    const other = await makeUser("contributor");
    const reviewer = await makeUser("reviewer");
    const editor = await makeUser("editor");
    let story = await makeStory(author, "Locked text.");
    const [revision] = await listRevisions(author, { storyId: story.id });
    const restore = (actor: typeof author) => restoreRevision(actor, { storyId: story.id, revisionId: revision!.id });

    expect(await code(restore(other))).toBe("not_found");
    expect(await code(listRevisions(other, { storyId: story.id }))).toBe("not_found");
    expect(await code(diffRevisions(other, { storyId: story.id, from: revision!.id, to: "current" }))).toBe("not_found");
    expect(await code(restore(reviewer))).toBe("forbidden"); // a draft is the author's

    await submitStory(author, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    const inReview = await restore(author).catch((error: unknown) => error);
    expect(inReview).toBeInstanceOf(AppError);
    expect((inReview as AppError).code).toBe("forbidden");
    expect((inReview as AppError).message).toMatch(/in review/);
    expect(await code(restore(reviewer))).toBe("ok"); // reviewers copy-edit in review
    story = await currentStory(story.id);

    await approveStory(editor, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    const locked = await restore(editor).catch((error: unknown) => error);
    expect((locked as AppError).code).toBe("forbidden");
    expect((locked as AppError).message).toMatch(/approved and locked/);
    const count = (await listRevisions(author, { storyId: story.id })).length;

    await reopenStory(editor, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    await submitStory(author, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    await requestChanges(reviewer, { storyId: story.id, version: story.version, comment: "Go back." });
    expect(await code(restore(author))).toBe("ok"); // changes requested: the author edits again
    expect((await listRevisions(author, { storyId: story.id })).length).toBeGreaterThan(count);
  });

  it("refuses bad references with a clear message", async () => {
    const author = await makeUser("contributor");
    const story = await makeStory(author);
    const elsewhere = await makeStory(author, "Another story.");
    const [foreign] = await listRevisions(author, { storyId: elsewhere.id });

    expect(await code(diffRevisions(author, { storyId: story.id, from: "yesterday", to: "current" }))).toBe("invalid");
    expect(await code(diffRevisions(author, { storyId: story.id, from: foreign!.id, to: "current" }))).toBe("not_found");
    expect(await code(restoreRevision(author, { storyId: story.id, revisionId: foreign!.id }))).toBe("not_found");
    expect(await code(restoreRevision(author, { storyId: story.id }))).toBe("invalid");
    expect(await code(listRevisions(author, { storyId: "not-a-uuid" }))).toBe("invalid");
  });
});
