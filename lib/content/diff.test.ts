import { describe, expect, it } from "vitest";
import { diffStoryVersions, escapeHtml } from "./diff";

const text = (value: string) => ({ type: "text", text: value });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });
const version = (title: string, ...content: object[]) => ({ title, body: { type: "doc", content } });

/** The names of the elements the markup opens: anything else would be text turned into markup. */
function elements(html: string): string[] {
  return Array.from(html.matchAll(/<([a-z0-9]+)[\s>]/g), (m) => m[1]!);
}

describe("diffStoryVersions", () => {
  it("never lets text become markup, on either side of a change", () => {
    const attack = `<script>alert("x")</script><img src=x onerror='y'> & </p>`;
    const diff = diffStoryVersions(
      version(`Title <em>${attack}`, paragraph(text("Plain."))),
      version("Title", paragraph(text(`Plain. ${attack}`)), paragraph(text(attack))),
    );
    expect(new Set(elements(diff.html))).toEqual(new Set(["h1", "p", "del", "ins"]));
    expect(diff.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt; &amp; &lt;/p&gt;");
    expect(diff.html).not.toMatch(/<script|<img|onerror='/);
  });

  it("escapes atom attributes shown as text", () => {
    const diff = diffStoryVersions(
      version("T"),
      version("T", { type: "speakerCard", attrs: { name: "<b>Ana</b>", title: "Minister", quote: "\"Hi\"", photo: null } }),
    );
    expect(diff.html).toBe(
      '<h1 class="diff-title">T</h1><p class="diff-atom diff-added"><ins>Speaker: &lt;b&gt;Ana&lt;/b&gt;, Minister — “&quot;Hi&quot;”</ins></p>',
    );
  });

  it("escapes every character that matters in HTML", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("marks a changed word in place and leaves identical versions unmarked", () => {
    const before = version("Talks", paragraph(text("The river rose "), { type: "text", text: "fast", marks: [{ type: "bold" }] }, text(".")));
    const after = version("Talks", paragraph(text("The river fell fast.")));
    expect(diffStoryVersions(before, after).html).toBe('<h1 class="diff-title">Talks</h1><p>The river <del>rose</del><ins>fell</ins> fast.</p>');
    const same = diffStoryVersions(before, before);
    expect(same).toMatchObject({ insertedWords: 0, deletedWords: 0 });
    expect(same.html).not.toMatch(/<ins|<del/);
  });

  it("keeps hard breaks as line breaks and splits Chinese into words", () => {
    const diff = diffStoryVersions(
      version("T", paragraph(text("Line one"), { type: "hardBreak" }, text("湄公河合作会议"))),
      version("T", paragraph(text("Line one"), { type: "hardBreak" }, text("湄公河合作论坛"))),
    );
    expect(diff.html).toContain("<p>Line one<br>湄公河合作<del>会议</del><ins>论坛</ins></p>");
    expect(diff).toMatchObject({ insertedWords: 1, deletedWords: 1 });
  });

  it("keeps numbered lists, quotes and tables in their structure", () => {
    const item = (value: string) => ({ type: "listItem", content: [paragraph(text(value))] });
    const cell = (value: string) => ({ type: "tableCell", content: [paragraph(text(value))] });
    const before = version(
      "T",
      { type: "orderedList", content: [item("One"), item("Two")] },
      { type: "blockquote", content: [paragraph(text("Said once."))] },
      { type: "table", content: [{ type: "tableRow", content: [cell("Laos"), cell("12")] }] },
    );
    const after = version(
      "T",
      { type: "orderedList", content: [item("One"), item("Two more")] },
      { type: "blockquote", content: [paragraph(text("Said twice."))] },
      { type: "table", content: [{ type: "tableRow", content: [cell("Laos"), cell("14")] }] },
    );
    expect(diffStoryVersions(before, after).html).toBe(
      '<h1 class="diff-title">T</h1><ol><li><p>One</p></li><li><p>Two<ins> more</ins></p></li></ol>' +
        "<blockquote><p>Said <del>once</del><ins>twice</ins>.</p></blockquote>" +
        "<table><tr><td><p>Laos</p></td><td><p><del>12</del><ins>14</ins></p></td></tr></table>",
    );
  });
});
