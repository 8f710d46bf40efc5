import { describe, expect, it } from "vitest";
import { saveStory } from "@/lib/stories/save-story";
import { bodyText, currentStory, makeStory, makeUser } from "../support/factories";

describe("saveStory for autosave", () => {
  it("returns the new version and the stored save time", async () => {
    const author = await makeUser("contributor");
    const story = await makeStory(author);
    const saved = await saveStory(author, { storyId: story.id, version: story.version, title: story.title, body: bodyText("Second draft.") });
    const stored = await currentStory(story.id);
    expect(saved).toEqual({ version: story.version + 1, updatedAt: stored.updatedAt.toISOString() });
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(story.updatedAt.getTime());
  });

  it("refuses a save that started from an older version, and keeps the newer text", async () => {
    const author = await makeUser("contributor");
    const editor = await makeUser("editor");
    const story = await makeStory(author, "Shared opening.");
    await saveStory(editor, { storyId: story.id, version: story.version, title: story.title, body: bodyText("The editor's words.") });
    await expect(
      saveStory(author, { storyId: story.id, version: story.version, title: story.title, body: bodyText("The author's words.") }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(JSON.stringify((await currentStory(story.id)).body)).toContain("The editor's words.");
  });
});
