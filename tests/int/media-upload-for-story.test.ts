import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { findMedia } from "@/db/queries/media";
import { storeImage } from "@/lib/media/store-image";
import { approveStory, requestChanges, submitStory } from "@/lib/stories/transition-story";
import { currentStory, makeStory, makeUser } from "../support/factories";
import { failure } from "../support/outcome";

/**
 * Issue 7: an upload from a story's editor is for that story, and is refused to anyone who
 * may not edit it now — with the same rules as saving its text — storing nothing.
 */

let seed = 1;
/** A small PNG with bytes of its own, so each upload is a new image. */
const png = async () =>
  new Uint8Array(
    await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: seed++ % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 } } })
      .png()
      .toBuffer(),
  );

const stored = async (bytes: Uint8Array) => {
  const { db } = await getDatabase();
  return findMedia(db, createHash("sha256").update(bytes).digest("hex"));
};

describe("uploading an image for a story", () => {
  it("is accepted from the author of a draft, and from an editor", async () => {
    const author = await makeUser("contributor");
    const editor = await makeUser("editor");
    const story = await makeStory(author);
    const mine = await png();
    expect(await storeImage(author, mine, { filename: "mine.png", storyId: story.id })).toMatchObject({ created: true });
    const theirs = await png();
    expect(await storeImage(editor, theirs, { filename: "theirs.png", storyId: story.id })).toMatchObject({ created: true });
    expect(await stored(mine)).toMatchObject({ filename: "mine.png" });
  });

  it("is refused as not found for another writer's story, telling nothing of it, and stores nothing", async () => {
    const author = await makeUser("contributor");
    const other = await makeUser("contributor");
    const story = await makeStory(author);
    const bytes = await png();
    expect(await failure(storeImage(other, bytes, { filename: "x.png", storyId: story.id }))).toMatchObject({
      code: "not_found",
      message: "No such story.",
    });
    // The same answer as for a story that does not exist at all.
    expect(await failure(storeImage(other, bytes, { filename: "x.png", storyId: randomUUID() }))).toMatchObject({
      code: "not_found",
      message: "No such story.",
    });
    expect(await stored(bytes)).toBeNull();
  });

  it("follows the story's state: refused to a reviewer on a draft and to the author in review; allowed after changes are requested", async () => {
    const author = await makeUser("contributor");
    const reviewer = await makeUser("reviewer");
    let story = await makeStory(author);

    const early = await png();
    expect(await failure(storeImage(reviewer, early, { filename: "early.png", storyId: story.id }))).toMatchObject({
      code: "forbidden",
      message: "You can't add images to this story while it is “Draft”.",
    });
    expect(await stored(early)).toBeNull();

    await submitStory(author, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    const waiting = await png();
    expect(await failure(storeImage(author, waiting, { filename: "waiting.png", storyId: story.id }))).toMatchObject({
      code: "forbidden",
      message: "You can't add images to this story while it is “In review”.",
    });
    expect(await stored(waiting)).toBeNull();
    // Reviewers copy-edit in review.
    expect(await storeImage(reviewer, await png(), { filename: "copy-edit.png", storyId: story.id })).toMatchObject({ created: true });

    await requestChanges(reviewer, { storyId: story.id, version: story.version, comment: "Add a picture." });
    story = await currentStory(story.id);
    expect(await storeImage(author, await png(), { filename: "asked-for.png", storyId: story.id })).toMatchObject({ created: true });
  });

  it("is refused to everyone once the story is approved and locked", async () => {
    const author = await makeUser("contributor");
    const reviewer = await makeUser("reviewer");
    const editor = await makeUser("editor");
    let story = await makeStory(author);
    await submitStory(author, { storyId: story.id, version: story.version });
    story = await currentStory(story.id);
    await approveStory(reviewer, { storyId: story.id, version: story.version });
    const bytes = await png();
    for (const actor of [author, reviewer, editor]) {
      expect(await failure(storeImage(actor, bytes, { filename: "late.png", storyId: story.id }))).toMatchObject({
        code: "forbidden",
        message: "This story is approved and locked, so no images can be added. An editor can reopen it.",
      });
    }
    expect(await stored(bytes)).toBeNull();
  });

  it("refuses a story id that is not one, before looking at the file", async () => {
    const author = await makeUser("contributor");
    const notAnImage = new TextEncoder().encode("not a picture");
    expect(await failure(storeImage(author, notAnImage, { filename: "x.png", storyId: "../etc/passwd" }))).toMatchObject({
      code: "invalid",
      message: "Unknown story.",
    });
  });
});
