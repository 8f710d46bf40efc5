import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { EMPTY_BODY, MAX_BODY_BYTES, normalizeStoryBody, renderStoryHtml } from "./story-body";

type Json = Record<string, unknown>;

const text = (value: string, marks?: Json[]): Json => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: Json[]): Json => ({ type: "paragraph", content });
const doc = (...content: Json[]): Json => ({ type: "doc", content });
const link = (href: string): Json => ({ type: "link", attrs: { href } });
const MEDIA_ID = "a".repeat(64);
const MEDIA_SRC = `/media/${MEDIA_ID}/960.webp`;
const image = (attrs: Json): Json => ({
  type: "image",
  attrs: { src: MEDIA_SRC, mediaId: MEDIA_ID, alt: "", caption: "", credit: "", width: null, height: null, ...attrs },
});
const cell = (type: "tableHeader" | "tableCell", value: string): Json => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
  content: [paragraph(text(value))],
});

/** Runs fn and returns the AppError it throws; fails the test if it throws anything else. */
function appErrorFrom(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError, but nothing was thrown");
}

describe("renderStoryHtml", () => {
  it("renders a paragraph with bold, italic and a link", () => {
    const body = doc(
      paragraph(
        text("Hello "),
        text("bold", [{ type: "bold" }]),
        text(" and "),
        text("italic", [{ type: "italic" }]),
        text(" and "),
        text("a link", [link("https://example.org/x?a=1&b=2")]),
        text("."),
      ),
    );
    expect(renderStoryHtml(body)).toBe(
      '<p>Hello <strong>bold</strong> and <em>italic</em> and ' +
        '<a rel="noopener noreferrer nofollow" href="https://example.org/x?a=1&amp;b=2">a link</a>.</p>',
    );
  });

  it("escapes text that looks like HTML", () => {
    const html = renderStoryHtml(doc(paragraph(text('<script>alert(1)</script> & "q"'))));
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q"</p>');
    expect(html).not.toContain("<script");
  });

  it("escapes quotes inside an attribute value", () => {
    const html = renderStoryHtml(doc(paragraph(text("x", [link('https://x.org/"onmouseover="alert(1)')]))));
    expect(html).toBe(
      '<p><a rel="noopener noreferrer nofollow" href="https://x.org/&quot;onmouseover=&quot;alert(1)">x</a></p>',
    );
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
  ])("refuses a link to %j when saving, and renders only its text", (href) => {
    const body = doc(paragraph(text("click me", [link(href)])));
    const html = renderStoryHtml(body);
    expect(html).toBe("<p>click me</p>");
    expect(html.toLowerCase()).not.toContain("javascript:");
    expect(html).not.toContain("<a");
    const error = appErrorFrom(() => normalizeStoryBody(body));
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("only http, https, mailto and same-site links are allowed");
  });

  it.each(["https://lmec.example/", "http://lmec.example/", "mailto:info@lmec.example", "/issues/13", "#contact"])(
    "keeps a safe link to %j",
    (href) => {
      expect(renderStoryHtml(doc(paragraph(text("x", [link(href)]))))).toContain(`href="${href}"`);
    },
  );

  it("renders a speaker card with name, title and quote (initials when there is no photo)", () => {
    const body = doc({
      type: "speakerCard",
      attrs: { name: "Li Wei", title: "Director, LMEC", quote: "Rivers connect us.", photo: null },
    });
    const html = renderStoryHtml(body);
    expect(html).toBe(
      '<figure class="speaker-card" data-speaker-card="">' +
        '<span class="speaker-photo speaker-initials" aria-hidden="true">LW</span>' +
        '<figcaption class="speaker-caption"><span class="speaker-name">Li Wei</span>' +
        '<span class="speaker-title">Director, LMEC</span></figcaption>' +
        '<blockquote class="speaker-quote"><p>Rivers connect us.</p></blockquote></figure>',
    );
    const normalized = normalizeStoryBody(body);
    expect(normalized.plainText).toContain("Rivers connect us.");
    expect(normalized.plainText).toBe("Li Wei, Director, LMEC: Rivers connect us.");
  });

  it("renders a speaker card's media-library portrait and escapes its text attributes", () => {
    const html = renderStoryHtml(
      doc({
        type: "speakerCard",
        attrs: { name: "<b>N</b>", title: "T", quote: "<img src=x onerror=alert(1)>", photo: MEDIA_SRC },
      }),
    );
    expect(html).toContain(`<img class="speaker-photo" src="${MEDIA_SRC}" alt="Portrait of &lt;b&gt;N&lt;/b&gt;"/>`);
    expect(html).toContain('<span class="speaker-name">&lt;b&gt;N&lt;/b&gt;</span>');
    expect(html).toContain("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<img src=x");
  });

  it.each(["javascript:alert(1)", "https://img.example/p.jpg", "/media/abc/960.webp"])(
    "refuses a speaker card whose photo is %j when saving, and renders initials instead",
    (photo) => {
      const body = doc({ type: "speakerCard", attrs: { name: "Li Wei", title: "Director", quote: "Q", photo } });
      const html = renderStoryHtml(body);
      expect(html).not.toContain(photo);
      expect(html).toContain('<span class="speaker-photo speaker-initials" aria-hidden="true">LW</span>');
      const error = appErrorFrom(() => normalizeStoryBody(body));
      expect(error.code).toBe("invalid");
      expect(error.message).toContain("portraits must come from the media library");
    },
  );
});

const item = (...content: Json[]): Json => ({ type: "listItem", content: [paragraph(...content)] });

describe("every node and mark the editor offers is stored as it is and rendered", () => {
  it.each([
    { label: "heading (H2)", node: { type: "heading", attrs: { level: 2 }, content: [text("Field notes")] }, html: "<h2>Field notes</h2>" },
    { label: "subheading (H3)", node: { type: "heading", attrs: { level: 3 }, content: [text("Kratie")] }, html: "<h3>Kratie</h3>" },
    { label: "minor heading (H4)", node: { type: "heading", attrs: { level: 4 }, content: [text("Stung Treng")] }, html: "<h4>Stung Treng</h4>" },
    {
      label: "image with alt, caption, credit and size",
      node: image({ alt: "Delegates at the table", caption: "The Kratie meeting.", credit: "Photo: LMEC", width: 1600, height: 900 }),
      html:
        `<figure class="story-image"><img src="${MEDIA_SRC}" ` +
        `srcset="/media/${MEDIA_ID}/480.webp 480w, /media/${MEDIA_ID}/960.webp 960w, /media/${MEDIA_ID}/1600.webp 1600w" ` +
        'sizes="(min-width: 48rem) 42rem, 100vw" alt="Delegates at the table" width="1600" height="900" loading="lazy"/>' +
        '<figcaption>The Kratie meeting. <span class="credit">Photo: LMEC</span></figcaption></figure>',
    },
    {
      label: "image without caption or credit (decorative: empty alt, no figcaption)",
      node: image({}),
      html:
        `<figure class="story-image"><img src="${MEDIA_SRC}" ` +
        `srcset="/media/${MEDIA_ID}/480.webp 480w, /media/${MEDIA_ID}/960.webp 960w, /media/${MEDIA_ID}/1600.webp 1600w" ` +
        'sizes="(min-width: 48rem) 42rem, 100vw" alt="" loading="lazy"/></figure>',
    },
    {
      label: "table with a header row",
      node: {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Country"), cell("tableHeader", "Delegates")] },
          { type: "tableRow", content: [cell("tableCell", "Laos"), cell("tableCell", "4")] },
        ],
      },
      html:
        "<table><tbody><tr><th><p>Country</p></th><th><p>Delegates</p></th></tr>" +
        "<tr><td><p>Laos</p></td><td><p>4</p></td></tr></tbody></table>",
    },
    { label: "bulleted list", node: { type: "bulletList", content: [item(text("one")), item(text("two"))] }, html: "<ul><li><p>one</p></li><li><p>two</p></li></ul>" },
    { label: "numbered list", node: { type: "orderedList", attrs: { start: 1, type: null }, content: [item(text("one"))] }, html: "<ol><li><p>one</p></li></ol>" },
    { label: "numbered list from 3", node: { type: "orderedList", attrs: { start: 3, type: null }, content: [item(text("three"))] }, html: '<ol start="3"><li><p>three</p></li></ol>' },
    { label: "quote", node: { type: "blockquote", content: [paragraph(text("Rivers connect us."))] }, html: "<blockquote><p>Rivers connect us.</p></blockquote>" },
    { label: "divider", node: { type: "horizontalRule" }, html: "<hr/>" },
    { label: "line break", node: paragraph(text("a"), { type: "hardBreak" }, text("b")), html: "<p>a<br/>b</p>" },
    { label: "bold", node: paragraph(text("b", [{ type: "bold" }])), html: "<p><strong>b</strong></p>" },
    { label: "italic", node: paragraph(text("i", [{ type: "italic" }])), html: "<p><em>i</em></p>" },
    { label: "underline", node: paragraph(text("u", [{ type: "underline" }])), html: "<p><u>u</u></p>" },
    { label: "strike", node: paragraph(text("s", [{ type: "strike" }])), html: "<p><s>s</s></p>" },
    {
      label: "link",
      node: paragraph(text("LMEC", [link("https://lmec.example/")])),
      html: '<p><a rel="noopener noreferrer nofollow" href="https://lmec.example/">LMEC</a></p>',
    },
    {
      label: "marks together (in the schema's order, as the editor keeps them)",
      node: paragraph(text("all", [link("#contact"), { type: "bold" }, { type: "italic" }, { type: "strike" }, { type: "underline" }])),
      html: '<p><a rel="noopener noreferrer nofollow" href="#contact"><strong><em><s><u>all</u></s></em></strong></a></p>',
    },
  ])("$label", ({ node, html }) => {
    const body = doc(node);
    expect(normalizeStoryBody(body).body).toEqual(body);
    expect(renderStoryHtml(body)).toBe(html);
  });

  it("keeps only a link's address: target, class, title and rel from elsewhere are dropped", () => {
    const body = doc(
      paragraph(
        text("x", [{ type: "link", attrs: { href: "https://x.org/", target: "_blank", class: "x", title: "t", rel: "opener" } }]),
      ),
    );
    expect(normalizeStoryBody(body).body).toEqual(doc(paragraph(text("x", [link("https://x.org/")]))));
    expect(renderStoryHtml(body)).toBe('<p><a rel="noopener noreferrer nofollow" href="https://x.org/">x</a></p>');
  });
});

describe("normalizeStoryBody / renderStoryHtml refuse what the schema does not know", () => {
  it.each([
    { label: "script node", body: doc({ type: "script", content: [text("alert(1)")] }) },
    { label: "bare script node", body: doc({ type: "script" }) },
    { label: "code block (disabled)", body: doc({ type: "codeBlock", content: [text("x")] }) },
    { label: "code mark (disabled)", body: doc(paragraph(text("x", [{ type: "code" }]))) },
    { label: "unknown mark", body: doc(paragraph(text("x", [{ type: "onclick" }]))) },
    { label: "text directly in doc", body: doc(text("bare")) },
  ])("$label → AppError invalid", ({ body }) => {
    expect(appErrorFrom(() => normalizeStoryBody(body)).code).toBe("invalid");
    expect(appErrorFrom(() => renderStoryHtml(body)).code).toBe("invalid");
  });

  it.each([
    { label: "null", body: null },
    { label: "undefined", body: undefined },
    { label: "a string", body: "x" },
    { label: "a number", body: 42 },
    { label: "an array", body: [] },
    { label: "a paragraph, not a doc", body: { type: "paragraph" } },
    { label: "a doc whose content is not an array", body: { type: "doc", content: "nope" } },
  ])("non-doc input ($label) → AppError invalid", ({ body }) => {
    expect(appErrorFrom(() => normalizeStoryBody(body)).code).toBe("invalid");
    expect(appErrorFrom(() => renderStoryHtml(body)).code).toBe("invalid");
  });

  it("refuses a body over MAX_BODY_BYTES", () => {
    const body = doc(paragraph(text("x".repeat(MAX_BODY_BYTES))));
    expect(appErrorFrom(() => normalizeStoryBody(body)).code).toBe("invalid");
    expect(appErrorFrom(() => renderStoryHtml(body)).code).toBe("invalid");
  });

  it("refuses a body whose UTF-8 size is over MAX_BODY_BYTES even if it has fewer characters (CJK text)", () => {
    // 200,000 CJK characters: ~200 k UTF-16 code units but ~600 KB of UTF-8.
    const body = doc(paragraph(text("澜".repeat(200_000))));
    expect(Buffer.byteLength(JSON.stringify(body), "utf8")).toBeGreaterThan(MAX_BODY_BYTES);
    expect(appErrorFrom(() => normalizeStoryBody(body)).code).toBe("invalid");
  });

  it("accepts a body just under the limit", () => {
    const body = doc(paragraph(text("x".repeat(MAX_BODY_BYTES - 1000))));
    expect(normalizeStoryBody(body).wordCount).toBe(1);
  });
});

describe("attribute checks: a body that fits the schema but carries bad values", () => {
  it.each([1, 5, 7, "2", null])("refuses a heading of level %j", (level) => {
    const body = doc({ type: "heading", attrs: { level }, content: [text("x")] });
    const error = appErrorFrom(() => normalizeStoryBody(body));
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("only levels 2, 3 and 4 are allowed");
  });

  it.each([
    "https://evil.example/a.png",
    "//evil.example/media/x.webp",
    "javascript:alert(1)",
    "data:image/png;base64,AAAA",
    "/media/../../etc/passwd",
    `/media/${"A".repeat(64)}/960.webp`,
    "",
  ])("refuses an image whose src is %j and renders nothing for it", (src) => {
    const body = doc(image({ src, mediaId: null, alt: "a" }));
    const error = appErrorFrom(() => normalizeStoryBody(body));
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("images must come from the media library");
    expect(renderStoryHtml(body)).toBe("<p></p>");
  });

  it("refuses an image whose media id is not the one in its address", () => {
    const error = appErrorFrom(() => normalizeStoryBody(doc(image({ mediaId: "b".repeat(64) }))));
    expect(error.message).toContain("media id does not match");
  });

  it.each([
    { attrs: { alt: 42 }, message: "alt must be text" },
    { attrs: { caption: { html: "<b>" } }, message: "caption must be text" },
    { attrs: { credit: "x".repeat(2001) }, message: "credit must be text" },
    { attrs: { width: -3 }, message: "width must be a whole number" },
    { attrs: { height: "900" }, message: "height must be a whole number" },
  ])("refuses an image with $attrs", ({ attrs, message }) => {
    expect(appErrorFrom(() => normalizeStoryBody(doc(image(attrs)))).message).toContain(message);
  });

  it("refuses a speaker card whose quote is not text", () => {
    const body = doc({ type: "speakerCard", attrs: { name: "N", title: "T", quote: ["x"], photo: null } });
    expect(appErrorFrom(() => normalizeStoryBody(body)).message).toContain("quote must be text");
  });

  it("accepts a speaker card with a media-library portrait as it is", () => {
    const body = doc({ type: "speakerCard", attrs: { name: "N", title: "T", quote: "Q", photo: MEDIA_SRC } });
    expect(normalizeStoryBody(body).body).toEqual(body);
  });

  it("fills in an image's missing media id from its address, and counts caption and credit as text", () => {
    const result = normalizeStoryBody(doc(image({ mediaId: null, caption: "River boats", credit: "Photo: LMEC" })));
    expect(result.body).toEqual(doc(image({ caption: "River boats", credit: "Photo: LMEC" })));
    expect(result.plainText).toBe("River boats Photo: LMEC");
  });

  it("names every problem in one message", () => {
    const body = doc(
      { type: "heading", attrs: { level: 1 }, content: [text("x")] },
      paragraph(text("y", [link("javascript:alert(1)")])),
    );
    const message = appErrorFrom(() => normalizeStoryBody(body)).message;
    expect(message).toContain("level 1");
    expect(message).toContain('"javascript:alert(1)"');
  });
});

describe("normalizeStoryBody", () => {
  it("counts the words of a two-paragraph doc", () => {
    const result = normalizeStoryBody(doc(paragraph(text("one two  three")), paragraph(text("four five"))));
    expect(result.plainText).toBe("one two  three\n\nfour five");
    expect(result.wordCount).toBe(5);
  });

  it("counts words across marks and a hard break", () => {
    const result = normalizeStoryBody(
      doc(paragraph(text("alpha "), text("beta", [{ type: "bold" }]), { type: "hardBreak" }, text("gamma"))),
    );
    expect(result.plainText).toBe("alpha beta\ngamma");
    expect(result.wordCount).toBe(3);
  });

  it("gives an empty doc no words", () => {
    const result = normalizeStoryBody(EMPTY_BODY);
    expect(result).toEqual({ body: { type: "doc", content: [{ type: "paragraph" }] }, plainText: "", wordCount: 0 });
    expect(renderStoryHtml(EMPTY_BODY)).toBe("<p></p>");
  });

  it("gives a doc of empty and whitespace-only paragraphs no words", () => {
    expect(normalizeStoryBody(doc({ type: "paragraph" }, paragraph(text("   ")))).wordCount).toBe(0);
  });

  it("drops attributes the schema does not know", () => {
    const result = normalizeStoryBody(
      doc({ type: "paragraph", attrs: { style: "color:red", onclick: "alert(1)" }, content: [text("a")] }),
    );
    expect(result.body).toEqual(doc(paragraph(text("a"))));
  });

  it("returns a canonical body that normalizes to itself", () => {
    const once = normalizeStoryBody(
      doc(paragraph(text("see "), text("this", [link("https://lmec.example/")])), paragraph(text("end"))),
    );
    const twice = normalizeStoryBody(once.body);
    expect(twice).toEqual(once);
  });
});
