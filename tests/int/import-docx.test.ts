import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { findMedia } from "@/db/queries/media";
import { renderStoryHtml } from "@/lib/content/story-body";
import { AppError } from "@/lib/errors";
import { mediaUrl } from "@/lib/media/urls";
import { importDocx, MAX_DOCX_BYTES } from "@/lib/stories/import-docx";
import { makeDocx } from "../../e2e/fixtures/make-docx";
import { currentStory, makeUser } from "../support/factories";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const docxFile = (bytes: Uint8Array, name = "report.docx") => new File([new Uint8Array(bytes)], name, { type: DOCX_TYPE });

describe("importing a Word document", () => {
  it("makes a draft with the document's title, headings, emphasis, link, lists and table, and reports what it left out", async () => {
    const author = await makeUser("contributor");
    const result = await importDocx(author, { file: docxFile(await makeDocx("River commission report")) });

    expect(result.title).toBe("River commission report");
    expect(result.report).toEqual([
      "1 comment removed.",
      "An image was refused: This file is not a JPEG, PNG, WebP or GIF image (judged from its contents, not its name).",
    ]);

    const story = await currentStory(result.id);
    const image = story.body.content?.find((node) => node.type === "image");
    const gauge = await findMedia((await getDatabase()).db, String(image?.attrs?.mediaId));
    expect(story).toMatchObject({ title: "River commission report", status: "draft", authorId: author.id, slug: "river-commission-report" });
    const [text, figure] = renderStoryHtml(story.body).split(/(?=<figure)/);
    expect(text).toBe(
      "<h2>Findings</h2>" +
        '<p>Water levels were <strong>lower</strong> than <em>expected</em>, see the <a rel="noopener noreferrer nofollow" href="https://river.example/data">open data</a>. Flow fell by 12%.</p>' +
        "<ul><li><p>Upstream stations</p></li><li><p>Delta stations</p></li></ul>" +
        "<h3>Next steps</h3>" +
        "<ol><li><p>Share the data</p></li><li><p>Meet in June</p></li></ol>" +
        "<table><tbody><tr><td><p><strong>Station</strong></p></td><td><p><strong>Level (m)</strong></p></td></tr>" +
        "<tr><td><p>Vientiane</p></td><td><p>4.2</p></td></tr></tbody></table>",
    );
    // The PNG is in the media store and in the story, as the image node; the BMP is not.
    expect(image?.attrs).toMatchObject({ src: mediaUrl(gauge!.id), mediaId: gauge!.id, alt: "The river gauge at Vientiane" });
    expect(figure).toContain(`src="${mediaUrl(gauge!.id)}"`);
    expect(gauge).toMatchObject({ width: 64, height: 48, alt: "The river gauge at Vientiane" });
    expect(story.wordCount).toBeGreaterThan(20);
  });

  it("takes the title from the file name when the document has no heading", async () => {
    const author = await makeUser("contributor");
    const { Document, Packer, Paragraph } = await import("docx");
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Just text.")] }] }));
    const result = await importDocx(author, { file: docxFile(bytes, "Minutes 3 May.docx") });
    expect(result).toMatchObject({ title: "Minutes 3 May", report: [] });
    expect(renderStoryHtml((await currentStory(result.id)).body)).toBe("<p>Just text.</p>");
  });

  it("refuses what is not a .docx, an empty file, a file over 10 MB and a missing file, with a clear message", async () => {
    const author = await makeUser("contributor");
    const refusal = (input: unknown) =>
      importDocx(author, input).then(
        () => "ok",
        (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : Promise.reject(error)),
      );
    expect(await refusal({ file: docxFile(new TextEncoder().encode("plain text"), "notes.docx") })).toBe(
      "invalid: This file is not a Word document (.docx).",
    );
    expect(await refusal({ file: docxFile(await makeDocx(), "report.pdf") })).toBe("invalid: Only Word documents (.docx) can be imported.");
    expect(await refusal({ file: docxFile(new Uint8Array(0)) })).toBe("invalid: The file is empty.");
    expect(await refusal({ file: docxFile(new Uint8Array(MAX_DOCX_BYTES + 1)) })).toBe("invalid: The document is larger than 10 MB.");
    expect(await refusal({})).toBe("invalid: Choose a Word document (.docx) to import.");
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await refusal({ file: docxFile(brokenZip) })).toBe(
      "invalid: This Word document could not be read. Save it again as .docx and retry.",
    );
  });
});
