import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as serveMedia } from "@/app/media/[id]/[file]/route";
import { getDatabase, tables } from "@/db/client";
import { findMedia, listVariantWidths } from "@/db/queries/media";
import { demoStories } from "@/db/seed/demo-content";
import { drawDemoPictures } from "@/db/seed/demo-images";
import { seedDatabase } from "@/db/seed/seed";
import { imagesWithoutAlt } from "@/lib/media/missing-alt";
import { MEDIA_WIDTHS, mediaIdFromUrl, mediaSrcSet, mediaUrl } from "@/lib/media/urls";
import { getLatestIssue, getPublishedStory } from "@/lib/reader/read-published";

const nodesOf = (node: JSONContent, type: string): JSONContent[] =>
  node.type === type ? [node] : (node.content ?? []).flatMap((child) => nodesOf(child, type));

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

async function leadStoryBody(): Promise<JSONContent> {
  const { db } = await getDatabase();
  const [lead] = await db
    .select({ body: tables.stories.body })
    .from(tables.stories)
    .where(eq(tables.stories.slug, "second-working-group-meeting-2022"));
  return lead?.body as JSONContent;
}

const mediaCount = async () => {
  const { db } = await getDatabase();
  return Number((await db.select({ n: count() }).from(tables.media))[0]?.n);
};

// One file, one fresh database: the seed sees it empty.
describe("the demo issue's pictures", () => {
  it("are drawn, stored through the media pipeline by the demo editor, and placed in the lead story", async () => {
    await seedDatabase({ demo: true, demoPassword: "demo pictures" });
    const { db } = await getDatabase();
    const [editor] = await db.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.email, "editor@example.org"));
    const body = await leadStoryBody();

    // Seven speaker cards, each with its own portrait, stored with every variant.
    const cards = nodesOf(body, "speakerCard");
    expect(cards).toHaveLength(7);
    const portraitIds = new Set<string>();
    for (const card of cards) {
      const photo = String(card.attrs?.photo);
      const id = mediaIdFromUrl(photo);
      expect(id, `portrait of ${String(card.attrs?.name)}`).not.toBeNull();
      expect(photo).toBe(mediaUrl(id ?? "", 480));
      portraitIds.add(id ?? "");
      expect(await findMedia(db, id ?? "")).toMatchObject({ mime: "image/png", width: 480, height: 480, credit: "Illustration: Newsletter Studio demo" });
      expect(await listVariantWidths(db, id ?? "")).toEqual([...MEDIA_WIDTHS]);
    }
    expect(portraitIds.size).toBe(7);

    // The meeting illustration opens the story, with alt text, caption and credit, and its size.
    const [image, ...others] = nodesOf(body, "image");
    expect(others).toEqual([]);
    expect(body.content?.[0]).toEqual(image);
    const id = String(image?.attrs?.mediaId);
    expect(image?.attrs).toMatchObject({ src: mediaUrl(id), width: 1600, height: 900, credit: "Illustration: Newsletter Studio demo" });
    expect(String(image?.attrs?.alt)).toMatch(/meeting/i);
    expect(String(image?.attrs?.caption)).toContain("29 September 2022");
    expect(imagesWithoutAlt(body)).toEqual([]);
    expect(await findMedia(db, id)).toMatchObject({
      width: 1600,
      height: 900,
      alt: image?.attrs?.alt,
      caption: image?.attrs?.caption,
      credit: image?.attrs?.credit,
    });
    expect(await listVariantWidths(db, id)).toEqual([...MEDIA_WIDTHS]);

    // Eight uploads in all, by the demo editor.
    const rows = await db.select({ uploaderId: tables.media.uploaderId }).from(tables.media);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((row) => row.uploaderId))).toEqual(new Set([editor?.id]));

    // The media route serves them as WebP at their own size.
    const response = await serveMedia(new Request(`http://studio.test${mediaUrl(id, 1600)}`), {
      params: Promise.resolve({ id, file: "1600.webp" }),
    });
    expect(response.status).toBe(200);
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({ format: "webp", width: 1600, height: 900 });
  });

  it("reach the reader's HTML: the illustration with a srcset, caption and credit, and every portrait", async () => {
    const body = await leadStoryBody();
    const [image] = nodesOf(body, "image");
    const id = String(image?.attrs?.mediaId);
    const latest = await getLatestIssue();
    const lead = latest?.stories[0];
    expect(lead?.slug).toBe("second-working-group-meeting-2022");
    const found = await getPublishedStory("issue-13-2022", lead?.slug ?? "");
    const html = found?.story.html ?? "";
    expect(html).toBe(lead?.html);

    expect(html).toContain(`srcset="${mediaSrcSet(id)}"`);
    expect(html).toContain(`src="${mediaUrl(id)}"`);
    expect(html).toContain(`alt="${escape(String(image?.attrs?.alt))}"`);
    expect(html).toContain(escape(String(image?.attrs?.caption)));
    expect(html).toContain('<span class="credit">Illustration: Newsletter Studio demo</span>');
    // The illustration comes before the story's first words.
    expect(html.indexOf("story-image")).toBeLessThan(html.indexOf("The 2022 Second Working-Group Meeting"));

    for (const card of nodesOf(body, "speakerCard")) {
      const name = String(card.attrs?.name);
      expect(html).toContain(`<img class="speaker-photo" src="${String(card.attrs?.photo)}" alt="Portrait of ${escape(name)}"/>`);
    }
    expect(html).not.toContain("speaker-initials");
  });

  it("are the same bytes every time they are drawn, so seeding again stores nothing new", async () => {
    const stored = new Set((await (await getDatabase()).db.select({ id: tables.media.id }).from(tables.media)).map((row) => row.id));
    const drawn = await drawDemoPictures(demoStories.map((story) => story.body));
    expect(drawn).toHaveLength(8);
    const ids = new Set(drawn.map((picture) => createHash("sha256").update(picture.bytes).digest("hex")));
    expect(ids).toEqual(stored);

    expect(await seedDatabase({ demo: true })).toEqual({});
    expect(await mediaCount()).toBe(8);
  });
});
