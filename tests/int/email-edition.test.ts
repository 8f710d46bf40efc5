import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as serveMedia } from "@/app/media/[id]/[file]/route";
import { getDatabase, tables } from "@/db/client";
import { demoIssue, demoStories } from "@/db/seed/demo-content";
import { seedDatabase } from "@/db/seed/seed";
import { LIMITS } from "@/lib/auth/throttle";
import { getEmailEdition, NOT_PUBLISHED, sendTestEmail } from "@/lib/email/email-edition";
import { unpublishIssue } from "@/lib/issues/publish-issue";
import { failure } from "../support/outcome";
import { makeUser } from "../support/factories";
import { start, type SmtpSink } from "../support/smtp-sink";

// The int projects set AUTH_URL to this origin; every address in the mail must be on it.
const SITE = "https://studio.test.example";

/** Every src and href value in an HTML document. */
const addresses = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? "");

const recipients = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((to) => to.value.map((a) => a.address));

let sink: SmtpSink;
const previousSmtpUrl = process.env.SMTP_URL;
let issueId = "";

// getEnv() reads process.env once, on its first call: SMTP_URL points at the sink before that.
beforeAll(async () => {
  sink = await start();
  process.env.SMTP_URL = sink.url;
  await seedDatabase({ demo: true, demoPassword: "email edition" });
  const { db } = await getDatabase();
  const [issue] = await db.select({ id: tables.issues.id }).from(tables.issues).where(eq(tables.issues.slug, demoIssue.slug));
  issueId = issue?.id ?? "";
});
afterAll(async () => {
  if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtpUrl;
  await sink?.close();
});

describe("the email edition of the demo issue", () => {
  it("is one self-contained document: no script, no stylesheet, only absolute addresses", async () => {
    const editor = await makeUser("editor");
    const edition = await getEmailEdition(editor, { issueId });

    expect(edition.subject).toBe("Newsletter — Issue 13, 2022");
    expect(edition.fileName).toBe("issue-13-2022-email.html");
    expect(edition.webUrl).toBe(`${SITE}/issues/issue-13-2022`);
    const { html } = edition;
    expect(html).toMatch(/^<!DOCTYPE html/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/\sclass="/);
    const found = addresses(html);
    expect(found.length).toBeGreaterThan(10);
    for (const address of found) expect(address).toMatch(/^(https?:\/\/|mailto:)/);
    // Links to the site and its images are on AUTH_URL's origin.
    expect(found.filter((a) => a.startsWith(SITE)).length).toBeGreaterThan(10);
  });

  it("holds the masthead, the issue, every story with its byline, the images and the speaker cards", async () => {
    const editor = await makeUser("admin");
    const { html } = await getEmailEdition(editor, { issueId });
    expect(html).toContain("澜沧江-湄公河环境合作中心");
    expect(html).toContain("Lancang-Mekong Environmental Cooperation Center");
    expect(html).toContain("September 29, 2022");
    expect(html).toContain("This issue is devoted to the 2022 Second Working-Group Meeting");
    for (const story of demoStories) {
      expect(html).toContain(story.title);
      expect(html).toContain(`href="${SITE}/issues/issue-13-2022/${story.slug}"`);
    }
    // Each translation group once, in English: the lead story's Chinese translation is on the web only.
    expect(html).not.toContain("second-working-group-meeting-2022-zh");
    expect(html).toContain("By ");
    // The meeting illustration: its 960 width as JPEG on the site's origin, with its width.
    expect(html).toMatch(new RegExp(`<img[^>]+src="${SITE}/media/[0-9a-f]{64}/960\\.jpg"[^>]+width="\\d+"`));
    // Seven speaker cards, each a two-column table with its portrait.
    const portraits = [...html.matchAll(/<img[^>]+alt="Portrait of ([^"]+)"[^>]*>/g)];
    expect(portraits).toHaveLength(7);
    for (const [tag] of portraits) expect(tag).toMatch(new RegExp(`src="${SITE}/media/[0-9a-f]{64}/480\\.(jpg|png)"`));
    expect(html).toContain("Mr. ZHOU Jun");
    // The footer from the settings: the contact block keeps its lines.
    expect(html).toContain("WeChat ID: lancang-mekongcec");
  });

  it("shows its images as JPEG or PNG, never WebP, each answered by the media route", async () => {
    const editor = await makeUser("editor");
    const { html } = await getEmailEdition(editor, { issueId });
    const images = [...html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(images.length).toBeGreaterThanOrEqual(8);
    for (const src of images) {
      const match = new RegExp(`^${SITE}/media/([0-9a-f]{64})/(\\d+\\.(jpg|png))$`).exec(src);
      expect(match, src).not.toBeNull();
      const [, id, file, extension] = match!;
      const response = await serveMedia(new Request(src), { params: Promise.resolve({ id: id!, file: file! }) });
      expect(response.status, src).toBe(200);
      expect(response.headers.get("content-type"), src).toBe(extension === "jpg" ? "image/jpeg" : "image/png");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(meta.format, src).toBe(extension === "jpg" ? "jpeg" : "png");
    }
  });

  it("has a plain-text part with every title and the addresses of the links", async () => {
    const editor = await makeUser("editor");
    const { text } = await getEmailEdition(editor, { issueId });
    // No markup; links read as "text <address>".
    expect(text).not.toMatch(/<\/?(p|a|table|tr|td|th|img|div|span|h[1-6]|ul|ol|li|strong|em|br|hr)\b|<!--/i);
    expect(text).toContain("Issue 13, 2022");
    for (const story of demoStories) {
      expect(text).toContain(story.title);
      expect(text).toContain(`${SITE}/issues/issue-13-2022/${story.slug}`);
    }
    expect(text).toContain(`${SITE}/issues/issue-13-2022`);
    expect(text).toContain("Mr. ZHOU Jun");
    expect(text).toContain("http://en.lmec.org.cn/");
  });

  it("is refused to contributors and reviewers, for bad and unknown ids, and for an unpublished issue", async () => {
    for (const role of ["contributor", "reviewer"] as const) {
      expect(await failure(getEmailEdition(await makeUser(role), { issueId }))).toMatchObject({ code: "forbidden" });
    }
    const editor = await makeUser("editor");
    expect(await failure(getEmailEdition(editor, { issueId: "not-an-id" }))).toMatchObject({ code: "invalid", message: "Unknown issue." });
    expect(await failure(getEmailEdition(editor, {}))).toMatchObject({ code: "invalid" });
    expect(await failure(getEmailEdition(editor, { issueId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "not_found" });
  });
});

describe("sending a test of the email edition", () => {
  it("mails the editor, and only the editor, a multipart mail with the HTML and the text", async () => {
    const editor = await makeUser("editor");
    const sent = sink.messages.length;
    expect(await sendTestEmail(editor, { issueId })).toEqual({ to: editor.email });
    expect(sink.messages).toHaveLength(sent + 1);
    const mail = sink.messages.at(-1)!;
    expect(recipients(mail)).toEqual([editor.email]);
    expect(mail.subject).toBe("[Test] Newsletter — Issue 13, 2022");
    expect(mail.html).toBeTruthy();
    expect(mail.text).toBeTruthy();
    for (const story of demoStories) {
      expect(mail.html || "").toContain(story.title);
      expect(mail.text).toContain(story.title);
    }
  });

  it("is throttled per account", async () => {
    const editor = await makeUser("editor");
    const sent = sink.messages.length;
    for (let i = 0; i < LIMITS.email_test; i++) await sendTestEmail(editor, { issueId });
    expect(await failure(sendTestEmail(editor, { issueId }))).toMatchObject({
      code: "throttled",
      message: expect.stringMatching(/^You have sent 5 test mails in the last 15 minutes\. Try again in \d+ minutes\.$/),
    });
    expect(sink.messages).toHaveLength(sent + LIMITS.email_test);
    // Another editor is not held back by the first one's limit.
    await sendTestEmail(await makeUser("editor"), { issueId });
    expect(sink.messages).toHaveLength(sent + LIMITS.email_test + 1);
  });

  it("is refused to contributors, and sends nothing", async () => {
    const sent = sink.messages.length;
    expect(await failure(sendTestEmail(await makeUser("contributor"), { issueId }))).toMatchObject({ code: "forbidden" });
    expect(sink.messages).toHaveLength(sent);
  });
});

// Last: takes the demo issue off the site.
describe("an unpublished issue", () => {
  it("has no email edition", async () => {
    const editor = await makeUser("editor");
    const { db } = await getDatabase();
    const [issue] = await db.select({ version: tables.issues.version }).from(tables.issues).where(eq(tables.issues.id, issueId));
    await unpublishIssue(editor, { issueId, version: issue?.version });
    expect(await failure(getEmailEdition(editor, { issueId }))).toMatchObject({ code: "conflict", message: NOT_PUBLISHED });
    expect(await failure(sendTestEmail(editor, { issueId }))).toMatchObject({ code: "conflict", message: NOT_PUBLISHED });
  });
});
