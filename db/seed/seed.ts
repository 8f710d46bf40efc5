import "server-only";
import { randomBytes } from "node:crypto";
import { getDatabase } from "../client";
import { takeFirstStartLock } from "../dialect";
import { refreshNameKeys } from "../queries/people";
import { refreshSearchWords } from "../queries/search";
import { findIssue, insertIssue } from "../queries/issues";
import { insertSettingsIfMissing } from "../queries/settings";
import { countUsers, insertUser } from "../queries/users";
import { insertStory, joinTranslationGroup } from "../queries/stories";
import { hashPassword } from "../../lib/auth/password";
import { normalizeStoryBody } from "../../lib/content/story-body";
import type { Role } from "../../lib/domain-types";
import { publishIssue } from "../../lib/issues/publish-issue";
import { readerChanged } from "../../lib/reader/cache-bus";
import { updateMediaDetails } from "../../lib/media/media-library";
import { storeImage } from "../../lib/media/store-image";
import type { Actor } from "../../lib/policy";
import { demoIssue, demoSettings, demoStories, demoTranslations, type DemoStory } from "./demo-content";
import { drawDemoPictures, placeDemoPictures, type DemoPicture, type StoredPicture } from "./demo-images";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "admin@example.org", name: "Ada Admin", role: "admin" },
  { email: "editor@example.org", name: "Eli Editor", role: "editor" },
  { email: "reviewer@example.org", name: "Rin Reviewer", role: "reviewer" },
  { email: "contributor@example.org", name: "Cai Contributor", role: "contributor" },
];

export interface SeedResult {
  /** Set when demo accounts were created by this call. */
  demo?: { password: string; generated: boolean; accounts: typeof DEMO_ACCOUNTS };
}

/**
 * Brings an empty database to a usable first state: LMEC's site settings always, and —
 * unless demo content is switched off — one account per role and the published demo
 * issue. Safe to call on every start: it does nothing once there are users (beyond
 * bringing derived columns up to date).
 */
export async function seedDatabase(options: { demo: boolean; demoPassword?: string }): Promise<SeedResult> {
  const { db, write } = await getDatabase();
  // Hashing is slow on purpose: only when the database looks empty (checked again below).
  const needsDemo = options.demo && (await countUsers(db)) === 0;
  const generated = !options.demoPassword;
  const password = options.demoPassword ?? randomBytes(12).toString("base64url");
  const passwordHash = needsDemo ? await hashPassword(password) : "";
  // Drawing is CPU work, done before the transaction like the hashing.
  const pictures = needsDemo ? await drawDemoPictures(demoStories.map((story) => story.body)) : [];

  // One transaction, so that app servers starting at once on one empty database seed it
  // exactly once: the second waits for the first's lock, then finds the users there.
  const seeded = await write(async (tx) => {
    await takeFirstStartLock(tx);
    await insertSettingsIfMissing(tx, demoSettings);
    await refreshNameKeys(tx);
    await refreshSearchWords(tx);
    if (!needsDemo || (await countUsers(tx)) > 0) return false;
    const ids = new Map<Role, string>();
    for (const account of DEMO_ACCOUNTS) {
      ids.set(account.role, (await insertUser(tx, { ...account, passwordHash })).id);
    }
    const { id: issueId } = await insertIssue(tx, {
      number: demoIssue.number,
      year: demoIssue.year,
      slug: demoIssue.slug,
      title: demoIssue.title,
      issueDate: demoIssue.issueDate,
      editorsNote: demoIssue.editorsNote,
    });
    // The demo editor uploads the pictures; storeImage joins this transaction.
    const editor: Actor = { id: ids.get("editor") ?? "", role: "editor" };
    const stored = await storeDemoPictures(editor, pictures);
    // Each story, then its translations (in its translation group, named after it).
    let position = 0;
    const insertDemoStory = async (story: DemoStory, language?: { locale: string; translationGroup: string }) =>
      insertStory(tx, {
        ...normalizeStoryBody(placeDemoPictures(story.body, stored)),
        slug: story.slug,
        title: story.title,
        standfirst: story.standfirst,
        authorId: ids.get(story.authorRole) ?? "",
        status: "approved",
        issueId,
        position: position++,
        ...language,
      });
    for (const story of demoStories) {
      const { id } = await insertDemoStory(story);
      const translations = demoTranslations.filter((t) => t.translationOf === story.slug);
      if (translations.length > 0) await joinTranslationGroup(tx, id, id);
      for (const translation of translations) {
        await insertDemoStory(translation, { locale: translation.locale, translationGroup: id });
      }
    }
    const issue = await findIssue(tx, issueId);
    // Joins this transaction: the demo issue is live exactly when the demo accounts exist.
    await publishIssue(editor, { issueId, version: issue?.version });
    return true;
  });
  // The settings (and perhaps the demo issue) are committed now: cached reader pages go.
  readerChanged();
  return seeded ? { demo: { password, generated, accounts: DEMO_ACCOUNTS } } : {};
}

/** Stores the drawn pictures through the media pipeline, with their text in the library. */
async function storeDemoPictures(uploader: Actor, pictures: DemoPicture[]): Promise<Map<string, StoredPicture>> {
  const stored = new Map<string, StoredPicture>();
  for (const picture of pictures) {
    const { id, width, height } = await storeImage(uploader, picture.bytes, { filename: picture.filename, alt: picture.alt });
    await updateMediaDetails(uploader, { id, alt: picture.alt, caption: picture.caption, credit: picture.credit });
    stored.set(picture.key, { id, width, height });
  }
  return stored;
}
