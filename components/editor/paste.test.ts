// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import path from "node:path";
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { normalizeStoryBody, renderStoryHtml } from "../../lib/content/story-body";
import { storyExtensions } from "./extensions";
import { cleanPastedHtml, describeDropped, unwrapPastedForms } from "./paste";

/** Chromium adds <tbody> to a table without one and happy-dom does not; the tests ignore it. */
const withoutTbody = (html: string) => html.replace(/<\/?tbody>/g, "");

const wordPaste = readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures/word-paste.html"), "utf8");

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

/** Pastes `html` into an empty editor; returns the body as the server stores it and as a reader gets it. */
function paste(html: string): { stored: JSONContent; html: string } {
  editor = new Editor({ extensions: storyExtensions });
  editor.view.pasteHTML(html);
  // The same way the body travels to the save action: as JSON text.
  const sent: unknown = JSON.parse(JSON.stringify(editor.getJSON()));
  return { stored: normalizeStoryBody(sent).body, html: renderStoryHtml(sent) };
}

describe("unwrapPastedForms", () => {
  it("leaves HTML without a form as it is", () => {
    const html = '<p>a <a href="https://x.org/">b</a></p>';
    expect(unwrapPastedForms(html)).toBe(html);
  });

  it("removes every form, nested ones too, and keeps what was inside", () => {
    expect(
      unwrapPastedForms('<p>a</p><form action="/x"><input name="nodeName"><p>in <b>b</b></p><form><i>n</i></form></form><p>z</p>'),
    ).toBe('<p>a</p><input name="nodeName"><p>in <b>b</b></p><i>n</i><p>z</p>');
  });
});

describe("pasting HTML into the editor", () => {
  // happy-dom does not let fields shadow a form's properties; e2e/editor-every-control.spec.ts pastes this in Chromium.
  it("keeps the text of a form whose fields shadow the form's own properties", () => {
    const result = paste(
      '<p>before</p><form><input name="nodeName"><input name="childNodes"><p>inside the form</p></form><p>after</p>',
    );
    expect(result.html).toBe("<p>before</p><p>inside the form</p><p>after</p>");
  });

  it("keeps only a pasted link's address; the renderer adds its own rel", () => {
    const result = paste(
      '<p><a href="https://lmec.example/a" target="_blank" class="x" title="t" rel="opener" style="color:red">LMEC</a></p>',
    );
    expect(result.stored).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "LMEC", marks: [{ type: "link", attrs: { href: "https://lmec.example/a" } }] }],
        },
      ],
    });
    expect(result.html).toBe('<p><a rel="noopener noreferrer nofollow" href="https://lmec.example/a">LMEC</a></p>');
  });

  it("keeps the text of a javascript: link, without the link", () => {
    expect(paste('<p><a href="javascript:alert(1)">click</a></p>').html).toBe("<p>click</p>");
  });

  it("keeps what the schema knows from a rich snippet and drops the rest", () => {
    const result = paste(
      '<meta charset="utf-8"><h2 style="color:red">Two</h2><h3>Three</h3>' +
        '<p class="MsoNormal" onclick="alert(1)"><b>bold</b> <i>it</i> <u>under</u> <s>gone</s> <del>del</del> ' +
        '<span style="font-weight:700">heavy</span><br>next line</p>' +
        '<ol start="2"><li>two</li><li>three</li></ol><ul><li>dot</li></ul><blockquote><p>quoted</p></blockquote><hr>' +
        '<script>alert(1)</script><img src="https://x.example/y.png" onerror="alert(1)"><table><tr><td>cell</td></tr></table>' +
        "<pre><code>code()</code></pre>",
    );
    expect(result.html).toBe(
      "<h2>Two</h2><h3>Three</h3>" +
        "<p><strong>bold</strong> <em>it</em> <u>under</u> <s>gone</s> <s>del</s> <strong>heavy</strong><br/>next line</p>" +
        '<ol start="2"><li><p>two</p></li><li><p>three</p></li></ol><ul><li><p>dot</p></li></ul>' +
        "<blockquote><p>quoted</p></blockquote><hr/><table><tbody><tr><td><p>cell</p></td></tr></tbody></table><p>code()</p>",
    );
  });
});

describe("cleanPastedHtml: Word", () => {
  const cleaned = cleanPastedHtml(wordPaste);

  it("keeps headings, emphasis, links, real lists and the table, and nothing of Word's markup", () => {
    expect(withoutTbody(cleaned.html).replace(/>\s+</g, "><")).toBe(
      "<h2>Harbour council meets at dawn</h2>" +
        '<p>The council met on <b>Tuesday</b> and spoke <i>at length</i> about the <a href="https://harbour.example/minutes">published minutes</a>.</p>' +
        "<h2>Decisions</h2>" +
        "<ul><li><p>New ferry timetable</p><ul><li><p>Weekend sailings</p></li></ul></li><li><p>Harbour lights repaired</p></li></ul>" +
        "<p>Steps agreed:</p>" +
        "<ol><li><p>Survey the quay</p></li><li><p>Publish the report</p></li></ol>" +
        "<table><tr><td><p><b>Route</b></p></td><td><p><b>Sailings</b></p></td></tr>" +
        "<tr><td><p>Island loop</p></td><td><p>12</p></td></tr></table>" +
        "<p>Reporters: Ana and Ben.</p>",
    );
  });

  it("counts what an author would miss: the image and the comment", () => {
    expect(cleaned.dropped).toEqual({ images: 1, comments: 1, embeds: 0 });
    expect(describeDropped(cleaned.dropped)).toEqual([
      "1 image not pasted: add it with the image button.",
      "1 comment removed.",
    ]);
  });

  it("leaves no style, class, script, comment or Office tag behind", () => {
    expect(cleaned.html).not.toMatch(/style=|class=|mso-|<o:p|<script|<!--|font-family|Hidden revision|Check spelling|\[A1\]|·/);
  });
});

describe("cleanPastedHtml: Google Docs", () => {
  const docs =
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c">' +
    '<h1 dir="ltr" style="line-height:1.38"><span style="font-size:20pt;font-family:Arial;font-weight:400">Budget night</span></h1>' +
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:400;font-style:normal">Plain, </span>' +
    '<span style="font-size:11pt;font-weight:700;font-style:normal">heavy</span><span style="font-weight:400">, </span>' +
    '<span style="font-weight:400;font-style:italic">slanted</span><span style="font-weight:400"> and </span>' +
    '<a href="https://docs.example/budget" style="text-decoration:none;"><span style="color:#1155cc;font-weight:400;text-decoration:underline;">linked</span></a>' +
    '<span style="text-decoration:underline">under</span></p>' +
    '<ul style="margin-top:0;margin-bottom:0"><li dir="ltr" style="list-style-type:disc" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:400">One</span></p></li></ul>' +
    '<div dir="ltr" align="left"><table style="border:none"><colgroup><col width="200"></colgroup><tbody><tr><td style="border-left:solid #000 1pt"><p dir="ltr"><span>Cell</span></p></td></tr></tbody></table></div>' +
    '<img src="https://lh7-rt.googleusercontent.com/docsz/abc" width="100">' +
    "</b><br>";

  it("does not make everything bold, and turns weight and slant into emphasis", () => {
    expect(cleanPastedHtml(docs).html).toBe(
      "<h2>Budget night</h2>" +
        '<p>Plain, <strong>heavy</strong>, <em>slanted</em> and <a href="https://docs.example/budget">linked</a><u>under</u></p>' +
        "<ul><li><p>One</p></li></ul>" +
        "<div><table><tbody><tr><td><p>Cell</p></td></tr></tbody></table></div><br>",
    );
    expect(cleanPastedHtml(docs).dropped.images).toBe(1);
  });

  it("pastes into the editor as the same body: no bold everywhere, the emphasis kept", () => {
    expect(paste(docs).html).toBe(
      "<h2>Budget night</h2>" +
        '<p>Plain, <strong>heavy</strong>, <em>slanted</em> and <a rel="noopener noreferrer nofollow" href="https://docs.example/budget">linked</a><u>under</u></p>' +
        "<ul><li><p>One</p></li></ul><table><tbody><tr><td><p>Cell</p></td></tr></tbody></table><p></p>",
    );
  });
});

describe("cleanPastedHtml: a web page", () => {
  it("keeps the text and structure and drops scripts, styles, classes, frames and handlers", () => {
    const page =
      '<div class="article" data-track="1" onclick="steal()"><style>.a{color:red}</style><script>steal()</script>' +
      '<h3 class="title" id="t">Subhead</h3><p class="lead"><font face="Comic Sans" color="red">Old <span class="x">font</span></font> text with ' +
      '<strong style="color:red">strong</strong> and <a href="/about" target="_blank" class="btn">a link</a>.</p>' +
      '<iframe src="https://video.example/embed"></iframe><button>Subscribe</button><!-- tracking -->' +
      '<h6>Small</h6><blockquote cite="x"><p>Quote</p></blockquote><table border="1"><tr><th colspan="2" style="x">Head</th></tr></table></div>';
    const cleaned = cleanPastedHtml(page);
    expect(withoutTbody(cleaned.html)).toBe(
      "<div><h3>Subhead</h3><p>Old font text with <strong>strong</strong> and <a href=\"/about\">a link</a>.</p>" +
        '<h4>Small</h4><blockquote><p>Quote</p></blockquote><table><tr><th colspan="2">Head</th></tr></table></div>',
    );
    expect(cleaned.dropped).toEqual({ images: 0, comments: 0, embeds: 1 });
    expect(describeDropped(cleaned.dropped)).toEqual(["1 embedded video or frame removed."]);
  });
});

describe("the paste notice", () => {
  it("tells the author under the editor when a paste left images out", () => {
    const host = document.createElement("div");
    document.body.append(host);
    editor = new Editor({ element: host, extensions: storyExtensions });
    editor.view.pasteHTML('<p>text</p><img src="https://x.example/a.png">');
    expect(host.querySelector("[data-paste-notice]")?.textContent).toBe("1 image not pasted: add it with the image button.");
    editor.view.pasteHTML("<p>more</p>");
    expect(host.querySelector("[data-paste-notice]")?.textContent).toBe("");
  });
});

describe("cleanPastedHtml: images", () => {
  const ours = `/media/${"a".repeat(64)}/960.webp`;

  it("keeps an image from our media store, as a figure after its paragraph, and drops the others", () => {
    const cleaned = cleanPastedHtml(
      `<p class="x">before <img src="${ours}" alt="Gauge" class="big" style="float:left" onload="x()"> after` +
        `<img src="https://elsewhere.example/a.jpg"><img src="data:image/png;base64,AAAA"></p>`,
    );
    expect(cleaned.html).toBe(`<p>before  after</p><figure class="story-image"><img src="${ours}" alt="Gauge"></figure>`);
    expect(cleaned.dropped.images).toBe(2);
  });

  it("pastes our image into the editor as the image node", () => {
    expect(paste(`<p>text<img src="${ours}" alt="Gauge"></p>`).stored.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "text" }] },
      expect.objectContaining({ type: "image", attrs: expect.objectContaining({ src: ours, mediaId: "a".repeat(64), alt: "Gauge" }) }),
      // The editor keeps a paragraph after a block pasted at the end, to type into.
      { type: "paragraph" },
    ]);
  });
});
