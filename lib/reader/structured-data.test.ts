import { describe, expect, it } from "vitest";
import { renderStoryHtml } from "../content/story-body";
import { absolutizeHtml, coverPath, firstStoryImage, issueCover, jsonLdText, newsArticle } from "./structured-data";

const ID_A = "a".repeat(64);
const ID_B = "b".repeat(64);

const doc = (...content: object[]) => ({ type: "doc", content });
const image = (id: string, alt = "") => ({ type: "image", attrs: { src: `/media/${id}/960.webp`, mediaId: id, alt, caption: "", credit: "" } });
const speaker = (photo: string | null) => ({ type: "speakerCard", attrs: { name: "Li Wei", title: "Director", quote: "Rivers.", photo } });
const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("firstStoryImage", () => {
  it("finds the first story image in the renderer's own HTML, with its alt text decoded", () => {
    const html = renderStoryHtml(doc(para("Before."), image(ID_A, 'Delegates & "guests" <online>'), image(ID_B)));
    expect(firstStoryImage(html)).toEqual({ mediaId: ID_A, alt: 'Delegates & "guests" <online>' });
  });

  it("does not take a speaker's portrait for a story image", () => {
    const html = renderStoryHtml(doc(speaker(`/media/${ID_B}/480.webp`), para("Text."), image(ID_A)));
    expect(firstStoryImage(html)?.mediaId).toBe(ID_A);
    expect(firstStoryImage(renderStoryHtml(doc(speaker(`/media/${ID_B}/480.webp`))))).toBeNull();
  });

  it("ignores images that are not ours", () => {
    expect(firstStoryImage('<figure class="story-image"><img src="https://elsewhere.example/x.png" alt=""></figure>')).toBeNull();
    expect(firstStoryImage("<p>No pictures.</p>")).toBeNull();
  });
});

describe("issueCover", () => {
  it("is the first image of the issue's stories in order, skipping stories without one", () => {
    const stories = [{ html: renderStoryHtml(doc(para("Text only."))) }, { html: renderStoryHtml(doc(image(ID_B, "River"))) }];
    expect(issueCover(stories)).toEqual({ mediaId: ID_B, alt: "River" });
    expect(coverPath(issueCover(stories)!)).toBe(`/media/${ID_B}/1600.webp`);
    expect(issueCover([])).toBeNull();
  });
});

describe("jsonLdText", () => {
  it("cannot end its script element, and parses back to the same data", () => {
    const data = { headline: "</script><script>alert(1)</script> & <!-- \u2028 \u2029" };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("absolutizeHtml", () => {
  it("makes root-relative src, srcset and href absolute and leaves other URLs alone", () => {
    const html = renderStoryHtml(
      doc(image(ID_A, "A"), {
        type: "paragraph",
        content: [
          { type: "text", text: "site", marks: [{ type: "link", attrs: { href: "/issues/issue-1-2024" } }] },
          { type: "text", text: " and " },
          { type: "text", text: "away", marks: [{ type: "link", attrs: { href: "https://example.org/x" } }] },
        ],
      }),
    );
    const out = absolutizeHtml(html, "https://news.example");
    expect(out).toContain(`src="https://news.example/media/${ID_A}/960.webp"`);
    expect(out).toContain(
      `srcset="https://news.example/media/${ID_A}/480.webp 480w, https://news.example/media/${ID_A}/960.webp 960w, https://news.example/media/${ID_A}/1600.webp 1600w"`,
    );
    expect(out).toContain('href="https://news.example/issues/issue-1-2024"');
    expect(out).toContain('href="https://example.org/x"');
    expect(out).not.toMatch(/(src|href|srcset)="\//);
    expect(absolutizeHtml('<a href="//cdn.example/x">x</a>', "https://news.example")).toBe('<a href="//cdn.example/x">x</a>');
  });
});

describe("newsArticle", () => {
  const base = {
    url: "https://news.example/issues/issue-13-2022/lead",
    headline: "Lead",
    description: "Standfirst",
    authorName: "Dara Sok",
    issueDate: "2022-09-29",
    publishedAt: new Date("2026-11-29T10:00:00Z"),
    imageUrl: "https://news.example/media/x/1600.webp",
    issue: { number: 13, title: "Issue 13, 2022", url: "https://news.example/issues/issue-13-2022" },
    publisher: { name: "LMEC", logoUrl: "https://news.example/apple-touch-icon.png", url: "https://news.example/" },
    inLanguage: "en",
  };

  it("is a schema.org NewsArticle with headline, dates, author, image and publisher", () => {
    expect(newsArticle(base)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Lead",
      datePublished: "2022-09-29",
      dateModified: "2026-11-29T10:00:00.000Z",
      author: [{ "@type": "Person", name: "Dara Sok" }],
      image: ["https://news.example/media/x/1600.webp"],
      publisher: { "@type": "Organization", name: "LMEC", logo: { "@type": "ImageObject", url: "https://news.example/apple-touch-icon.png" } },
      mainEntityOfPage: { "@id": base.url },
    });
  });

  it("has no image without one, and is never modified before it was published", () => {
    const article = newsArticle({ ...base, imageUrl: null, publishedAt: new Date("2022-09-01T00:00:00Z") });
    expect(article).not.toHaveProperty("image");
    expect(article.dateModified).toBe("2022-09-29");
  });
});
