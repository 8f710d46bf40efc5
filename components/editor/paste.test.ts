// @vitest-environment happy-dom
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { normalizeStoryBody, renderStoryHtml } from "../../lib/content/story-body";
import { storyExtensions, unwrapPastedForms } from "./extensions";

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
