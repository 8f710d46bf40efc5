import { createRequire } from "node:module";
import { getSchema, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { storyExtensions } from "../../components/editor/extensions";
import { normalizeStoryBody } from "../content/story-body";
import { STANDFIRST_MAX } from "./limits";
import { createStorySchema, saveStorySchema } from "./schemas";

// The encoder Next.js uses in the browser to send a server action's arguments.
const { encodeReply, createTemporaryReferenceSet } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node.js",
) as {
  encodeReply: (value: unknown, options: { temporaryReferences: unknown }) => Promise<string | FormData>;
  createTemporaryReferenceSet: () => unknown;
};

/** What a server action receives for `args`, as the browser encodes it (before React decodes it). */
async function encoded(args: unknown[]): Promise<unknown> {
  const reply = await encodeReply(args, { temporaryReferences: createTemporaryReferenceSet() });
  if (typeof reply !== "string") throw new Error("expected a one-part reply");
  return JSON.parse(reply);
}

/** A body as the editor holds it: ProseMirror's own JSON, whose attributes have no prototype. */
function editorJson(): JSONContent {
  const json = getSchema(storyExtensions)
    .nodeFromJSON({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Heading" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "link", marks: [{ type: "link", attrs: { href: "https://lmec.example/" } }] }],
        },
        { type: "speakerCard", attrs: { name: "Li Wei", title: "Director", quote: "Rivers connect us.", photo: null } },
      ],
    })
    .toJSON() as JSONContent;
  expect(Object.getPrototypeOf(json.content?.[0]?.attrs)).toBeNull();
  return json;
}

const save = (body: unknown) => ({ storyId: crypto.randomUUID(), version: 1, title: "T", body });

describe("the story body as JSON text (why the save sends it so: a server action would lose its attributes)", () => {
  it("as an object, loses its attributes in the server-action encoding (why it travels as text)", async () => {
    const [sent] = (await encoded([save(editorJson())])) as [{ body: { content: [{ attrs: unknown }] } }];
    // "$T": a temporary reference, which the server can pass along but never read.
    expect(sent.body.content[0].attrs).toBe("$T");
  });

  it("as JSON text, arrives whole and parses back to the editor's document", async () => {
    const json = editorJson();
    const [sent] = (await encoded([save(JSON.stringify(json))])) as [unknown];
    const parsed = saveStorySchema.parse(sent);
    expect(parsed.body).toEqual(JSON.parse(JSON.stringify(json)));
    expect(normalizeStoryBody(parsed.body).body).toEqual(parsed.body);
  });

  it.each([
    { label: "an object", body: { type: "doc" } },
    { label: "broken JSON", body: '{"type":"doc",' },
    { label: "nothing", body: undefined },
  ])("refuses $label as the body", ({ body }) => {
    const result = saveStorySchema.safeParse(save(body));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("The story body is not a document.");
  });
});

describe("the standfirst limit", () => {
  // The field's maxLength counts UTF-16 code units; so does the server, so they agree.
  const standfirst = (text: string) => createStorySchema.safeParse({ title: "T", standfirst: text });

  it("takes 600 code units in any script, and refuses one more", () => {
    expect(STANDFIRST_MAX).toBe(600);
    for (const unit of ["a", "合", "ก", "ກ", "ក", "က"]) {
      expect(standfirst(unit.repeat(600)).success).toBe(true);
      expect(standfirst(unit.repeat(601)).error?.issues[0]?.message).toBe("Keep the standfirst to 600 characters or fewer.");
    }
  });

  it("counts an emoji as two, as the field does, and ignores the spaces it trims", () => {
    expect(standfirst("🌊".repeat(300)).success).toBe(true);
    expect(standfirst(`${"🌊".repeat(300)}a`).success).toBe(false);
    expect(standfirst(`  ${"a".repeat(600)}\n`).success).toBe(true);
  });
});
