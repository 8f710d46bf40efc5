import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { listStoriesOfIssue } from "@/db/queries/stories";
import { demoIssue } from "@/db/seed/demo-content";
import { seedDatabase } from "@/db/seed/seed";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { addStoryToIssue } from "@/lib/issues/arrange-issue";
import { createIssue } from "@/lib/issues/create-issue";
import { publishIssue } from "@/lib/issues/publish-issue";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import type { Actor } from "@/lib/policy";
import { getPublishedIssue, getPublishedStory, getStoryLanguages } from "@/lib/reader/read-published";
import { groupIssueStories } from "@/lib/reader/translations";
import { searchPublished } from "@/lib/search/search-published";
import { createStory } from "@/lib/stories/create-story";
import { getStoryForStudio } from "@/lib/stories/read-stories";
import { saveStory } from "@/lib/stories/save-story";
import { approveStory, submitStory } from "@/lib/stories/transition-story";
import { addTranslation } from "@/lib/stories/translate-story";
import { bodyText, currentStory, makeStory, makeUser } from "../support/factories";
import { code, failure } from "../support/outcome";

let issueNumber = 500;

async function newIssue(editor: Actor) {
  const number = issueNumber++;
  return createIssue(editor, { number, year: 2032, issueDate: "2032-02-01", title: `Translations ${number}` });
}

const issueVersion = async (editor: Actor, id: string) => (await getIssueForStudio(editor, id)).issue.version;

async function approve(author: Actor, reviewer: Actor, storyId: string) {
  await submitStory(author, { storyId, version: (await currentStory(storyId)).version });
  await approveStory(reviewer, { storyId, version: (await currentStory(storyId)).version });
}

// One file, one fresh database.
describe("translations", () => {
  it("the demo issue holds a Chinese translation of its lead story, published in its group and found by search", async () => {
    await seedDatabase({ demo: true, demoPassword: "translations" });
    const live = await getPublishedIssue(demoIssue.slug);
    const rows = live?.stories.map((s) => [s.slug, s.locale, s.position]);
    expect(rows).toEqual([
      ["second-working-group-meeting-2022", "en", 0],
      ["second-working-group-meeting-2022-zh", "zh", 1],
      ["about-the-new-strategy-and-action-framework-2023-2027", "en", 2],
    ]);
    const [lead, zh, explainer] = live?.stories ?? [];
    expect(lead?.translationGroup).toBeTruthy();
    expect(zh?.translationGroup).toBe(lead?.translationGroup);
    expect(explainer?.translationGroup).toBeNull();
    expect(zh?.html).toContain("合作");
    // Its speaker cards share the English story's portraits: the seed stored nothing more for it.
    expect(zh?.html).toContain('class="speaker-photo"');
    expect(zh?.html).not.toContain("speaker-initials");

    // The issue lists the group once, by its English story; the story page knows both languages.
    expect(groupIssueStories(live?.stories ?? []).map((e) => [e.story.slug, e.others.map((o) => o.locale)])).toEqual([
      ["second-working-group-meeting-2022", ["zh"]],
      ["about-the-new-strategy-and-action-framework-2023-2027", []],
    ]);
    const languages = await getStoryLanguages(live?.issue.issueId ?? "", zh?.slug ?? "", zh?.translationGroup ?? null);
    expect(languages.map((l) => [l.locale, l.slug])).toEqual([
      ["en", "second-working-group-meeting-2022"],
      ["zh", "second-working-group-meeting-2022-zh"],
    ]);

    const found = await searchPublished({ q: "合作" });
    if (found.kind !== "results") throw new Error(`no results: ${JSON.stringify(found)}`);
    expect(found.items.map((i) => [i.href, i.locale])).toEqual([[`/issues/${demoIssue.slug}/second-working-group-meeting-2022-zh`, "zh"]]);

    // Seeding again adds nothing.
    expect(await seedDatabase({ demo: true })).toEqual({});
    const { db } = await getDatabase();
    expect(await db.select({ id: tables.stories.id }).from(tables.stories).where(eq(tables.stories.locale, "zh"))).toHaveLength(1);
  });

  it("starts a draft in the source's group (set on both), placed after the source when an editor starts it, and audited", async () => {
    const [author, reviewer, editor] = [await makeUser("contributor"), await makeUser("reviewer"), await makeUser("editor")];
    const source = await makeStory(author, "Rangers counted river dolphins near Kratie.");
    const other = await makeStory(author, "A second story.");
    await approve(author, reviewer, source.id);
    await approve(author, reviewer, other.id);
    const issue = await newIssue(editor);
    await addStoryToIssue(editor, { issueId: issue.id, storyId: source.id });
    await addStoryToIssue(editor, { issueId: issue.id, storyId: other.id });

    const th = await addTranslation(editor, { storyId: source.id, locale: "th" });
    expect(th).toMatchObject({ group: source.id, placedInIssue: true });
    const made = await currentStory(th.id);
    expect(made).toMatchObject({
      locale: "th",
      translationGroup: source.id,
      status: "draft",
      authorId: editor.id,
      title: source.title,
      slug: `${source.slug}-th`,
      body: source.body,
      issueId: issue.id,
    });
    expect((await currentStory(source.id)).translationGroup).toBe(source.id);
    // Right after the source; the story after it moved down one place.
    const { db } = await getDatabase();
    expect((await listStoriesOfIssue(db, issue.id)).map((s) => s.id)).toEqual([source.id, th.id, other.id]);

    // A translation of the translation joins the same group, after the group's other members.
    const vi = await addTranslation(editor, { storyId: th.id, locale: "vi" });
    expect(vi.group).toBe(source.id);
    expect((await listStoriesOfIssue(db, issue.id)).map((s) => s.id)).toEqual([source.id, th.id, vi.id, other.id]);

    // The author's studio page lists the other languages.
    const seen = await getStoryForStudio(author, source.id);
    expect(seen.translations.map((t) => [t.locale, t.viewable])).toEqual([
      ["th", false],
      ["vi", false],
    ]);

    const audit = await listAuditLog(editor, { action: "story.translation_added" });
    expect(audit.rows.filter((r) => r.targetId === th.id)).toEqual([expect.objectContaining({ actorId: editor.id })]);
  });

  it("refuses a language the group has, a language not offered, and a story the translator may not see", async () => {
    const [author, stranger, reviewer] = [await makeUser("contributor"), await makeUser("contributor"), await makeUser("reviewer")];
    const source = await makeStory(author);
    const zh = await addTranslation(author, { storyId: source.id, locale: "zh" });
    // A contributor may translate their own story; an editor places it in an issue.
    expect(zh.placedInIssue).toBe(false);
    expect((await currentStory(zh.id)).issueId).toBeNull();

    const twice = await failure(addTranslation(reviewer, { storyId: source.id, locale: "zh" }));
    expect(twice.code).toBe("conflict");
    expect(twice.fields?.locale).toMatch(/中文/);
    // From the translation too: its group has English (the source) and Chinese.
    expect(await code(addTranslation(author, { storyId: zh.id, locale: "zh" }))).toBe("conflict");
    expect(await code(addTranslation(author, { storyId: zh.id, locale: "en" }))).toBe("invalid");
    expect(await code(addTranslation(author, { storyId: source.id, locale: "fr" }))).toBe("invalid");
    expect(await code(addTranslation(author, { storyId: source.id, locale: "" }))).toBe("invalid");
    expect(await code(addTranslation(author, { storyId: "not-an-id", locale: "th" }))).toBe("invalid");
    // Someone else's story, which a contributor cannot see: as if it did not exist.
    expect(await code(addTranslation(stranger, { storyId: source.id, locale: "th" }))).toBe("not_found");
    // Reviewers see every story, so they may translate any.
    expect(await code(addTranslation(reviewer, { storyId: source.id, locale: "th" }))).toBe("ok");

    const { db } = await getDatabase();
    const group = await db.select({ locale: tables.stories.locale }).from(tables.stories).where(eq(tables.stories.translationGroup, source.id));
    expect(group.map((g) => g.locale).sort()).toEqual(["en", "th", "zh"]);
  });

  it("two people adding the same language at once: one translation, the other told it exists", async () => {
    const [author, editor] = [await makeUser("contributor"), await makeUser("editor")];
    const source = await makeStory(author);
    const outcomes = await Promise.all([
      code(addTranslation(author, { storyId: source.id, locale: "km" })),
      code(addTranslation(editor, { storyId: source.id, locale: "km" })),
    ]);
    expect(outcomes.sort()).toEqual(["conflict", "ok"]);
    const { db } = await getDatabase();
    const khmer = await db.select({ id: tables.stories.id }).from(tables.stories).where(eq(tables.stories.translationGroup, source.id));
    expect(khmer).toHaveLength(2);
  });

  it("a story started from scratch is in English unless its writer chooses another of the newsletter's languages", async () => {
    const author = await makeUser("contributor");
    expect((await currentStory((await createStory(author, { title: "Dolphins" })).id)).locale).toBe("en");
    const { id } = await createStory(author, { title: "ปลาโลมา", locale: "th" });
    expect(await currentStory(id)).toMatchObject({ locale: "th", translationGroup: null });
    const wrong = await failure(createStory(author, { title: "Dauphins", locale: "fr" }));
    expect([wrong.code, wrong.fields?.locale]).toEqual(["invalid", "Choose one of the newsletter's languages."]);
  });

  it("is reviewed like any story: the issue publishes only once the translation is approved, and copies its language and group", async () => {
    const [author, translator, reviewer, editor] = [
      await makeUser("contributor"),
      await makeUser("reviewer"),
      await makeUser("reviewer"),
      await makeUser("editor"),
    ];
    const source = await makeStory(author, "Fishers counted dolphins.");
    await approve(author, reviewer, source.id);
    const issue = await newIssue(editor);
    await addStoryToIssue(editor, { issueId: issue.id, storyId: source.id });
    const { id } = await addTranslation(translator, { storyId: source.id, locale: "vi" });
    await saveStory(translator, { storyId: id, version: 1, title: "Ngư dân đếm cá heo", body: bodyText("Ngư dân đã đếm cá heo.") });
    await addStoryToIssue(editor, { issueId: issue.id, storyId: id });

    const refused = await failure(publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) }));
    expect(refused.message).toContain("Ngư dân đếm cá heo");
    await approve(translator, reviewer, id);
    await publishIssue(editor, { issueId: issue.id, version: await issueVersion(editor, issue.id) });

    const { db } = await getDatabase();
    const rows = await db
      .select({ storyId: tables.publishedStories.storyId, locale: tables.publishedStories.locale, group: tables.publishedStories.translationGroup })
      .from(tables.publishedStories)
      .where(eq(tables.publishedStories.issueId, issue.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { storyId: source.id, locale: "en", group: source.id },
        { storyId: id, locale: "vi", group: source.id },
      ]),
    );
    const live = await getPublishedStory(issue.slug, `${source.slug}-vi`);
    expect(live?.story).toMatchObject({ title: "Ngư dân đếm cá heo", locale: "vi", translationGroup: source.id });
  });
});
