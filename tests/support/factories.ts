import { randomUUID } from "node:crypto";
import { getDatabase } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { findStory } from "@/db/queries/stories";
import type { Role } from "@/lib/domain-types";
import type { Actor } from "@/lib/policy";
import { createStory } from "@/lib/stories/create-story";
import { saveStory } from "@/lib/stories/save-story";

// Hashing is slow on purpose; tests that never sign in do not need a real hash.
const UNUSABLE_HASH = "not-a-hash";

export async function makeUser(role: Role, passwordHash = UNUSABLE_HASH): Promise<Actor & { email: string }> {
  const { write } = await getDatabase();
  const email = `${role}-${randomUUID()}@test.example`;
  const { id } = await write((tx) => insertUser(tx, { email, name: `Test ${role}`, role, passwordHash }));
  return { id, role, email };
}

/** A body of plain paragraphs, as JSON text: the form saveStory takes, as the editor sends it. */
export const bodyText = (...paragraphs: string[]): string =>
  JSON.stringify({
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  });

/** A story with a saved body, in draft, written by `author`. */
export async function makeStory(author: Actor, text = "A first paragraph of reporting.") {
  const title = `Story ${randomUUID().slice(0, 8)}`;
  const { id } = await createStory(author, { title });
  await saveStory(author, { storyId: id, version: 1, title, body: bodyText(text) });
  return currentStory(id);
}

export async function currentStory(id: string) {
  const { db } = await getDatabase();
  const story = await findStory(db, id);
  if (!story) throw new Error(`story ${id} vanished`);
  return story;
}
