import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { PublishedIssue, PublishedStory } from "../../db/queries/published";
import type { SiteSettings } from "../../db/queries/settings";
import { renderStoryHtml } from "../content/story-body";
import { mediaUrl } from "../media/urls";
import { buildEmailEdition, type EmailEditionSource } from "./issue-email";
import { absoluteUrl } from "./story-blocks";

const SITE = "https://news.example.org";
const PHOTO = "a".repeat(64);
const PORTRAIT = "b".repeat(64);

const settings: SiteSettings = {
  siteNameEn: "River Cooperation Centre",
  siteNameZh: "河流合作中心",
  newsletterName: "Bulletin",
  contactBlock: "River Cooperation Centre\nEmail: desk@example.org",
  aboutBlock: "We write about rivers.",
  defaultLocale: "en",
};

const issue: PublishedIssue = {
  issueId: "00000000-0000-4000-8000-000000000001",
  slug: "issue-4-2025",
  number: 4,
  year: 2025,
  title: "Spring floods",
  issueDate: "2025-04-02",
  editorsNote: "A note from the editor.",
  publishedAt: new Date("2025-04-02T08:00:00Z"),
};

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const link = (href: string, label: string) => text(label, [{ type: "link", attrs: { href } }]);

/** A body with every block and mark a story may hold, rendered the way publishing renders it. */
const everyBlock = renderStoryHtml({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Upstream")] },
    p(
      text("Bold", [{ type: "bold" }]),
      text(" and "),
      text("italic", [{ type: "italic" }]),
      text(", "),
      text("underlined", [{ type: "underline" }]),
      text(", "),
      text("struck", [{ type: "strike" }]),
      { type: "hardBreak" },
      link("https://example.com/report", "the report"),
      text(", "),
      link("/issues/issue-3-2025", "the last issue"),
      text(", "),
      link("#table", "the table below"),
      text(" and "),
      link("mailto:desk@example.org", "the desk"),
      text("."),
    ),
    { type: "heading", attrs: { level: 3 }, content: [text("Downstream")] },
    { type: "bulletList", content: [{ type: "listItem", content: [p(text("First point"))] }, { type: "listItem", content: [p(text("Second point"))] }] },
    { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(text("Step one"))] }] },
    { type: "blockquote", content: [p(text("A quoted line."))] },
    { type: "horizontalRule" },
    {
      type: "image",
      attrs: { src: mediaUrl(PHOTO), alt: "Boats on the river", caption: "Boats at dawn.", credit: "Photo: Ana", width: 1600, height: 900 },
    },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [{ type: "tableHeader", content: [p(text("Country"))] }, { type: "tableHeader", content: [p(text("Projects"))] }] },
        { type: "tableRow", content: [{ type: "tableCell", content: [p(text("Laos"))] }, { type: "tableCell", content: [p(text("12"))] }] },
      ],
    },
    { type: "speakerCard", attrs: { name: "Dr. Mai Lan", title: "Hydrologist", quote: "Water knows no borders.", photo: mediaUrl(PORTRAIT, 480) } },
    { type: "speakerCard", attrs: { name: "Somchai Wong", title: "Farmer", quote: "The rains came late.", photo: null } },
  ],
});

const stories: PublishedStory[] = [
  { slug: "floods", position: 0, title: "Floods <and> “rivers”", standfirst: "What happened.", authorName: "Ana Author", authorId: null, locale: "en", translationGroup: null, html: everyBlock },
  { slug: "second", position: 1, title: "A second story", standfirst: "", authorName: "Ben Byline", authorId: null, locale: "en", translationGroup: null, html: "<p>Short &amp; sweet.</p>" },
];

const source: EmailEditionSource = { settings, issue, stories, siteUrl: SITE };

/** Every src and href value in an HTML document, unescaped. */
const addresses = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));

describe("the email edition's HTML", () => {
  it("has no script, no stylesheet, no class and only absolute http(s) and mailto addresses", async () => {
    const { html } = await buildEmailEdition(source);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sclass=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const found = addresses(html);
    expect(found.length).toBeGreaterThan(8);
    for (const address of found) expect(address).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it("makes every link absolute: same-site paths on the site, #anchors on the story's page", async () => {
    const found = addresses((await buildEmailEdition(source)).html);
    expect(found).toEqual(
      expect.arrayContaining([
        "https://example.com/report",
        `${SITE}/issues/issue-3-2025`,
        `${SITE}/issues/issue-4-2025/floods#table`,
        "mailto:desk@example.org",
        `${SITE}/issues/issue-4-2025`,
        `${SITE}/issues/issue-4-2025/floods`,
        `${SITE}/issues/issue-4-2025/second`,
      ]),
    );
  });

  it("holds the masthead, the issue's number and date, the editor's note, each story and the footer", async () => {
    const { html, subject } = await buildEmailEdition(source);
    expect(subject).toBe("Bulletin — Spring floods");
    expect(html).toContain('lang="en"');
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("河流合作中心");
    expect(html).toContain("Issue 4, 2025 · April 2, 2025");
    expect(html).toContain("A note from the editor.");
    // Titles are escaped text, never markup.
    expect(html).toContain("Floods &lt;and&gt; “rivers”");
    expect(html).toContain("A second story");
    expect(html).toContain("By Ana Author");
    expect(html).toContain("By Ben Byline");
    expect(html).toContain("Short &amp; sweet.");
    expect(html).toMatch(/River Cooperation Centre<br\/>Email: desk@example.org/);
    expect(html).toContain("We write about rivers.");
  });

  it("draws the body as email markup: headings, lists, quote, table, image and speaker cards", async () => {
    const { html } = await buildEmailEdition(source);
    expect(html).toMatch(/<h2[^>]*style="[^"]+"[^>]*>Upstream<\/h2>/);
    expect(html).toMatch(/<h3[^>]*>Downstream<\/h3>/);
    expect(html).toMatch(/<strong>Bold<\/strong> and <em>italic<\/em>, <u>underlined<\/u>, <s>struck<\/s><br\/>/);
    expect(html).toMatch(/<ul[^>]*><li[^>]*><span[^>]*>First point<\/span><\/li><li[^>]*><span[^>]*>Second point/);
    expect(html).toMatch(/<ol[^>]*><li[^>]*><span[^>]*>Step one/);
    expect(html).toMatch(/border-left:3px solid #1f6f55[^"]*"><p[^>]*>A quoted line\.<\/p>/);
    expect(html).toMatch(/<hr[^>]*>/);
    // The image: its 960 width on the site as JPEG (no WebP: desktop Outlook shows none), its
    // width attribute the column's, its height in proportion.
    expect(html).toContain(`<img alt="Boats on the river" height="311" src="${SITE}/media/${PHOTO}/960.jpg"`);
    expect(html).toMatch(/src="[^"]+960\.jpg"[^>]*width="552"/);
    expect(html).toContain("Boats at dawn.");
    expect(html).toContain("Photo: Ana");
    expect(html).toMatch(/<th scope="col"[^>]*>Country<\/th><th scope="col"[^>]*>Projects<\/th><\/tr><tr><td[^>]*>Laos<\/td><td[^>]*>12<\/td>/);
    // A speaker card: a two-column table, the round portrait in the first column.
    expect(html).toMatch(
      new RegExp(`<tr><td width="88" valign="top"[^>]*><img alt="Portrait of Dr. Mai Lan" height="72" src="${SITE}/media/${PORTRAIT}/480\\.jpg"[^>]*width="72"/></td><td valign="top"[^>]*><p[^>]*>Dr. Mai Lan</p><p[^>]*>Hydrologist</p><p[^>]*>Water knows no borders.</p>`),
    );
    // Without a portrait, the initials stand in its place.
    expect(html).toMatch(/aria-hidden="true"[^>]*>SW<\/td>/);
  });

  it("names no WebP image, and a PNG for an image with transparency", async () => {
    const { html } = await buildEmailEdition({ ...source, imageFormats: new Map([[PORTRAIT, "png"]]) });
    expect(html).not.toContain(".webp");
    expect(html).toContain(`src="${SITE}/media/${PHOTO}/960.jpg"`);
    expect(html).toContain(`src="${SITE}/media/${PORTRAIT}/480.png"`);
  });

  it("keeps only what a story may hold, whatever the stored HTML says", async () => {
    const hostile = [
      "<p onclick=\"steal()\" style=\"position:fixed\">Kept text</p>",
      "<script>alert(1)</script>",
      "<style>body{display:none}</style>",
      '<link rel="stylesheet" href="https://evil.example/x.css">',
      '<img src="https://evil.example/pixel.gif" onerror="steal()">',
      '<p><a href="javascript:steal()">bad link</a> <a href="//evil.example/">protocol-relative</a></p>',
      '<iframe src="https://evil.example/"></iframe>',
    ].join("");
    const { html, text } = await buildEmailEdition({ ...source, stories: [{ ...stories[1]!, html: hostile }] });
    expect(html).toContain("Kept text");
    expect(html).not.toMatch(/<script|<style|<link|<iframe|onclick|onerror|javascript:|evil\.example|position:fixed/i);
    expect(html).toContain("bad link");
    expect(text).not.toContain("evil.example");
  });
});

describe("the email edition's plain-text part", () => {
  it("is readable text with every title, the byline, and links as addresses", async () => {
    const { text } = await buildEmailEdition(source);
    expect(text).not.toMatch(/<\/?(p|a|table|tr|td|th|img|div|span|h[1-6]|ul|ol|li|strong|em|br|hr)\b|<!--/i);
    expect(text).toContain("河流合作中心");
    expect(text).toContain("Spring floods");
    expect(text).toContain("Floods <and> “rivers”");
    expect(text).toContain("A second story");
    expect(text).toContain("By Ana Author");
    expect(text).toContain("the report <https://example.com/report>");
    expect(text).toContain(`the last issue <${SITE}/issues/issue-3-2025>`);
    expect(text).toContain(`${SITE}/issues/issue-4-2025/floods`);
    expect(text).toContain(`${SITE}/issues/issue-4-2025/second`);
    expect(text).toContain("Dr. Mai Lan");
    expect(text).toContain("Water knows no borders.");
    expect(text).toMatch(/\* First point\n\s*\* Second point/);
    // The inbox preview text is for the HTML only.
    expect(text.match(/A note from the editor\./g)).toHaveLength(1);
  });
});

describe("absoluteUrl", () => {
  const ctx = { siteUrl: SITE, pageUrl: `${SITE}/issues/x/y` };
  it.each([
    ["https://a.example/b", "https://a.example/b"],
    ["HTTP://a.example/", "HTTP://a.example/"],
    ["mailto:x@example.org", "mailto:x@example.org"],
    ["/issues/a", `${SITE}/issues/a`],
    ["#part", `${SITE}/issues/x/y#part`],
    ["//evil.example/", null],
    ["javascript:alert(1)", null],
    ["relative/path", null],
    ["", null],
  ])("%s → %s", (href, expected) => {
    expect(absoluteUrl(href, ctx)).toBe(expected);
  });
});
