import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { EMPTY_BODY, MAX_BODY_BYTES, normalizeStoryBody, renderStoryHtml } from "./story-body";

type Json = Record<string, unknown>;

const text = (value: string, marks?: Json[]): Json => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: Json[]): Json => ({ type: "paragraph", content });
const doc = (...content: Json[]): Json => ({ type: "doc", content });
const link = (href: string): Json => ({ type: "link", attrs: { href } });

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
  ])("drops a link to %j and keeps its text", (href) => {
    const body = doc(paragraph(text("click me", [link(href)])));
    const html = renderStoryHtml(body);
    expect(html).toBe("<p>click me</p>");
    expect(html.toLowerCase()).not.toContain("javascript:");
    expect(html).not.toContain("<a");
    expect(normalizeStoryBody(body).body).toEqual(doc(paragraph(text("click me"))));
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

  it("renders a speaker card's safe photo and escapes its text attributes", () => {
    const html = renderStoryHtml(
      doc({
        type: "speakerCard",
        attrs: { name: "<b>N</b>", title: "T", quote: "<img src=x onerror=alert(1)>", photo: "https://img.example/p.jpg" },
      }),
    );
    expect(html).toContain('<img class="speaker-photo" src="https://img.example/p.jpg" alt="Portrait of &lt;b&gt;N&lt;/b&gt;"/>');
    expect(html).toContain('<span class="speaker-name">&lt;b&gt;N&lt;/b&gt;</span>');
    expect(html).toContain("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<img src=x");
  });

  it("drops a speaker card's javascript: photo", () => {
    const body = doc({
      type: "speakerCard",
      attrs: { name: "Li Wei", title: "Director", quote: "Q", photo: "javascript:alert(1)" },
    });
    const html = renderStoryHtml(body);
    expect(html).not.toContain("javascript:");
    expect(html).toContain('<span class="speaker-photo speaker-initials" aria-hidden="true">LW</span>');
    expect(normalizeStoryBody(body).body).toEqual(
      doc({ type: "speakerCard", attrs: { name: "Li Wei", title: "Director", quote: "Q", photo: null } }),
    );
  });
});

const item = (...content: Json[]): Json => ({ type: "listItem", content: [paragraph(...content)] });

describe("every node and mark the editor offers is stored as it is and rendered", () => {
  it.each([
    { label: "heading (H2)", node: { type: "heading", attrs: { level: 2 }, content: [text("Field notes")] }, html: "<h2>Field notes</h2>" },
    { label: "subheading (H3)", node: { type: "heading", attrs: { level: 3 }, content: [text("Kratie")] }, html: "<h3>Kratie</h3>" },
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
