import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { listReviewEvents } from "@/db/queries/stories";
import { commentOnStory } from "@/lib/stories/comment-on-story";
import { createStory } from "@/lib/stories/create-story";
import { getStoryForStudio, listReviewQueue, listStoriesFor } from "@/lib/stories/read-stories";
import { saveStory } from "@/lib/stories/save-story";
import {
  approveStory,
  reopenStory,
  requestChanges,
  submitStory,
  withdrawStory,
} from "@/lib/stories/transition-story";
import { bodyText, currentStory, makeStory, makeUser } from "../support/factories";
import { code } from "../support/outcome";

describe("story workflow", () => {
  it("goes draft → review → changes requested → review → approved, with events the author sees", async () => {
    const author = await makeUser("contributor");
    const reviewer = await makeUser("reviewer");
    let story = await makeStory(author, "The meeting was held online.");

    await submitStory(author, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    expect(story.status).toBe("in_review");
    expect(await listReviewQueue(reviewer)).toEqual(expect.arrayContaining([expect.objectContaining({ id: story.id })]));

    expect(await code(requestChanges(reviewer, { storyId: story.id, version: story.version, comment: "" }))).toBe("invalid");
    await requestChanges(reviewer, { storyId: story.id, version: story.version, comment: "Name the host country." });
    story = await currentStory(story.id);
    expect(story.status).toBe("changes_requested");

    const seen = await getStoryForStudio(author, story.id);
    expect(seen.events.map((e) => [e.kind, e.body])).toEqual([
      ["submitted", null],
      ["changes_requested", "Name the host country."],
    ]);

    await saveStory(author, { storyId: story.id, version: story.version, title: story.title, body: bodyText("The meeting was hosted by China, online.") });
    story = await currentStory(story.id);
    await submitStory(author, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    await approveStory(reviewer, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    expect(story.status).toBe("approved");
    expect(story.wordCount).toBe(7);
  });

  it("refuses what the role table does not allow, on the server", async () => {
    const author = await makeUser("contributor");
    const other = await makeUser("contributor");
    const reviewer = await makeUser("reviewer");
    const editor = await makeUser("editor");
    let story = await makeStory(author);
    const at = () => ({ storyId: story.id, version: story.version, title: story.title, body: bodyText("Edited") });

    expect(await code(saveStory(other, at()))).toBe("forbidden");
    expect(await code(submitStory(other, { storyId: story.id, version: story.version }))).toBe("forbidden");
    expect(await code(getStoryForStudio(other, story.id))).toBe("not_found");
    expect(await code(commentOnStory(other, { storyId: story.id, body: "Hi" }))).toBe("forbidden");
    expect(await code(saveStory(reviewer, at()))).toBe("forbidden"); // draft: only the author or an editor

    await submitStory(author, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    expect(await code(approveStory(author, { storyId: story.id, version: story.version }))).toBe("forbidden");
    expect(await code(approveStory(other, { storyId: story.id, version: story.version }))).toBe("forbidden");
    expect(await code(saveStory(author, at()))).toBe("forbidden"); // in review: the author waits
    expect(await code(saveStory(reviewer, at()))).toBe("ok"); // reviewers copy-edit
    story = await currentStory(story.id);

    await approveStory(editor, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    expect(await code(saveStory(editor, at()))).toBe("forbidden"); // approved is locked
    expect(await code(reopenStory(reviewer, { storyId: story.id, version: story.version }))).toBe("forbidden");
    await reopenStory(editor, { storyId: story.id, version: story.version });
    expect((await currentStory(story.id)).status).toBe("draft");
  });

  it("does not let a reviewer approve their own story", async () => {
    const reviewer = await makeUser("reviewer");
    const story = await makeStory(reviewer);
    await submitStory(reviewer, { storyId: story.id, version: story.version });
    const submitted = await currentStory(story.id);
    expect(await code(approveStory(reviewer, { storyId: story.id, version: submitted.version }))).toBe("forbidden");
    expect(await listReviewQueue(reviewer)).not.toEqual(expect.arrayContaining([expect.objectContaining({ id: story.id })]));
  });

  it("refuses illegal transitions and stale versions with a conflict", async () => {
    const author = await makeUser("contributor");
    const reviewer = await makeUser("reviewer");
    const story = await makeStory(author);
    expect(await code(approveStory(reviewer, { storyId: story.id, version: story.version }))).toBe("conflict");
    expect(await code(withdrawStory(author, { storyId: story.id, version: story.version }))).toBe("conflict");
    expect(await code(submitStory(author, { storyId: story.id, version: story.version - 1 }))).toBe("conflict");
    await withdrawStory(author, { storyId: story.id, version: story.version }).catch(() => undefined);
    expect((await currentStory(story.id)).status).toBe("draft");
  });

  it("refuses to submit an empty story and bad input with clear messages", async () => {
    const author = await makeUser("contributor");
    const { id } = await createStory(author, { title: "Empty" });
    await expect(submitStory(author, { storyId: id, version: 1 })).rejects.toThrow(/Write the story/);
    await expect(createStory(author, { title: "   " })).rejects.toThrow("Give the story a title.");
    await expect(saveStory(author, { storyId: id, version: 1, title: "T", body: JSON.stringify({ type: "doc", content: [{ type: "script" }] }) })).rejects.toMatchObject({ code: "invalid" });
    await expect(saveStory(author, { storyId: "not-a-uuid", version: 1, title: "T", body: {} })).rejects.toMatchObject({ code: "invalid" });
    // The body is JSON text; an object (what a React encoding may garble) or broken JSON is refused clearly.
    const notADocument = { code: "invalid", message: "The story body is not a document." };
    await expect(saveStory(author, { storyId: id, version: 1, title: "T", body: { type: "doc" } })).rejects.toMatchObject(notADocument);
    await expect(saveStory(author, { storyId: id, version: 1, title: "T", body: '{"type":"doc",' })).rejects.toMatchObject(notADocument);
  });

  it("records a review event for each transition; contributors list only their own stories", async () => {
    const author = await makeUser("contributor");
    const story = await makeStory(author);
    await submitStory(author, { storyId: story.id, version: story.version });
    const { db } = await getDatabase();
    expect((await listReviewEvents(db, story.id)).map((e) => e.kind)).toEqual(["submitted"]);
    const mine = await listStoriesFor(author, "all"); // contributors only ever see their own
    expect(mine.every((s) => s.authorId === author.id)).toBe(true);
  });
});
