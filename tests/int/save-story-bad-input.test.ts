import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/content/story-body";
import { listRevisions } from "@/lib/stories/revisions";
import { saveStory } from "@/lib/stories/save-story";
import { bodyText, currentStory, makeStory, makeUser } from "../support/factories";
import { failure } from "../support/outcome";

/**
 * Issue 7, "Bad input": what a client can send to the save straight past the editor. Each
 * body is refused with a message an author can act on, and nothing of it is stored: the
 * text, the version and the history stay as they were.
 */

const OURS = `/media/${"ab".repeat(32)}/960.webp`;
const text = (value: string, marks?: object[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: "paragraph", ...(content.length ? { content } : {}) });
const doc = (...content: object[]) => ({ type: "doc", content });
const link = (href: string) => ({ type: "link", attrs: { href } });
const image = (src: string) => ({
  type: "image",
  attrs: { src, mediaId: null, alt: "A boat", caption: "", credit: "", width: 800, height: 600 },
});

/** A story with a known saved text, and a function that tries to save `body` over it. */
async function storyWithText() {
  const author = await makeUser("contributor");
  const story = await makeStory(author, "The author's saved words.");
  const revisions = (await listRevisions(author, { storyId: story.id })).length;
  const attempt = (body: unknown) =>
    failure(saveStory(author, { storyId: story.id, version: story.version, title: story.title, body: typeof body === "string" ? body : JSON.stringify(body) }));
  /** Nothing of a refused save reached the store. */
  const unchanged = async () => {
    const now = await currentStory(story.id);
    expect(now.version).toBe(story.version);
    expect(now.body).toEqual(story.body);
    expect(now.wordCount).toBe(story.wordCount);
    expect(now.updatedAt.getTime()).toBe(story.updatedAt.getTime());
    expect((await listRevisions(author, { storyId: story.id })).length).toBe(revisions);
  };
  return { author, story, attempt, unchanged };
}

describe("saving a body that does not fit the editor's schema", () => {
  it.each([
    { label: "a node the editor does not have", body: doc({ type: "script", content: [text("alert(1)")] }) },
    { label: "text straight in the document", body: doc(text("bare words")) },
    { label: "a heading inside a paragraph", body: doc(paragraph({ type: "heading", attrs: { level: 2 }, content: [text("x")] })) },
    { label: "a list item outside a list", body: doc({ type: "listItem", content: [paragraph(text("x"))] }) },
    { label: "a table cell straight in the document", body: doc({ type: "tableCell", content: [paragraph(text("x"))] }) },
    { label: "a mark the editor does not have", body: doc(paragraph(text("x", [{ type: "code" }]))) },
    { label: "a text node without text", body: doc(paragraph({ type: "text" })) },
  ])("refuses $label, and stores nothing", async ({ body }) => {
    const { attempt, unchanged } = await storyWithText();
    const error = await attempt(body);
    expect(error.code).toBe("invalid");
    expect(error.message).toBe("The story body contains content the editor does not support.");
    await unchanged();
  });

  it.each([
    { label: "not JSON", body: "<p>Hello</p>" },
    { label: "JSON that is not a document", body: JSON.stringify([{ type: "paragraph" }]) },
    { label: "a paragraph instead of a document", body: JSON.stringify(paragraph(text("x"))) },
    { label: "a document whose content is not a list", body: JSON.stringify({ type: "doc", content: { type: "paragraph" } }) },
  ])("refuses $label as not a document, and stores nothing", async ({ body }) => {
    const { attempt, unchanged } = await storyWithText();
    const error = await attempt(body);
    expect(error).toMatchObject({ code: "invalid", message: "The story body is not a document." });
    await unchanged();
  });
});

describe("saving a body with a link that could run script", () => {
  it.each(["javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"])(
    "refuses a link to %j, naming it, and stores nothing",
    async (href) => {
      const { attempt, unchanged } = await storyWithText();
      const error = await attempt(doc(paragraph(text("Click "), text("here", [link(href)]))));
      expect(error.code).toBe("invalid");
      expect(error.message).toContain(JSON.stringify(href));
      expect(error.message).toContain("only http, https, mailto and same-site links are allowed");
      await unchanged();
    },
  );

  it("keeps a web, mail, same-site and in-page link as they are", async () => {
    const { author, story } = await storyWithText();
    const body = doc(
      paragraph(
        text("web", [link("https://lmec.example/a")]),
        text(" "),
        text("mail", [link("mailto:desk@lmec.example")]),
        text(" "),
        text("path", [link("/issues/issue-13-2022")]),
        text(" "),
        text("anchor", [link("#contact")]),
      ),
    );
    await saveStory(author, { storyId: story.id, version: story.version, title: story.title, body: JSON.stringify(body) });
    expect((await currentStory(story.id)).body).toEqual(body);
  });
});

describe("saving a body with an image or portrait from another site", () => {
  it.each([
    "https://elsewhere.example/boat.jpg",
    "http://elsewhere.example/media/x/960.webp",
    `//elsewhere.example${OURS}`,
    `https://elsewhere.example${OURS}`,
    "file:///C:/Users/reporter/clip_image001.jpg",
    "data:image/png;base64,iVBORw0KGgo=",
  ])("refuses an image node whose src is %j, and stores nothing", async (src) => {
    const { attempt, unchanged } = await storyWithText();
    const error = await attempt(doc(paragraph(text("Before the picture.")), image(src)));
    expect(error.code).toBe("invalid");
    // The message quotes at most 80 characters of the address.
    expect(error.message).toBe(`An image points at ${JSON.stringify(src.slice(0, 80))}; images must come from the media library.`);
    await unchanged();
  });

  it("refuses a speaker card whose portrait is on another site, and stores nothing", async () => {
    const { attempt, unchanged } = await storyWithText();
    const error = await attempt(
      doc({ type: "speakerCard", attrs: { name: "Li Wei", title: "Director", quote: "Rivers connect us.", photo: "https://elsewhere.example/face.jpg" } }),
    );
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("portraits must come from the media library");
    await unchanged();
  });

  it("accepts the same image from the media library", async () => {
    const { author, story } = await storyWithText();
    const saved = await saveStory(author, {
      storyId: story.id,
      version: story.version,
      title: story.title,
      body: JSON.stringify(doc(paragraph(text("Before the picture.")), image(OURS))),
    });
    expect(saved.version).toBe(story.version + 1);
    expect((await currentStory(story.id)).body.content?.[1]).toMatchObject({ type: "image", attrs: { src: OURS, mediaId: "ab".repeat(32) } });
  });
});

describe("saving a body that is far too large", () => {
  it("refuses a 5 MB body with the size in the message, and stores nothing", async () => {
    const { attempt, unchanged } = await storyWithText();
    const line = "The delegates met again and talked about the river for a long time. ";
    const paragraphs = Array.from({ length: Math.ceil((5 * 1024 * 1024) / (line.length * 10)) }, () => paragraph(text(line.repeat(10))));
    const body = JSON.stringify(doc(...paragraphs));
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
    const error = await attempt(body);
    expect(error).toMatchObject({ code: "invalid", message: "The story is too long to save (over 512 KB)." });
    await unchanged();
  });

  it("takes a body just under the limit, so the limit is the one refusing", async () => {
    const { author, story } = await storyWithText();
    const body = bodyText("x".repeat(MAX_BODY_BYTES - 1000));
    const saved = await saveStory(author, { storyId: story.id, version: story.version, title: story.title, body });
    expect(saved.version).toBe(story.version + 1);
  });
});

describe("after a refused save", () => {
  it("the next good save from the same version goes through: a refusal moves nothing on", async () => {
    const { author, story, attempt } = await storyWithText();
    await attempt(doc(paragraph(text("bad", [link("javascript:alert(1)")]))));
    await attempt(doc(image("https://elsewhere.example/boat.jpg")));
    const saved = await saveStory(author, { storyId: story.id, version: story.version, title: story.title, body: bodyText("Fixed words.") });
    expect(saved.version).toBe(story.version + 1);
    expect((await currentStory(story.id)).body).toEqual(JSON.parse(bodyText("Fixed words.")));
  });
});
