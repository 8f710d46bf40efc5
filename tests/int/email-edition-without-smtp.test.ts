import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, tables } from "@/db/client";
import { demoIssue } from "@/db/seed/demo-content";
import { seedDatabase } from "@/db/seed/seed";
import { getEmailEdition, MAIL_NOT_CONFIGURED, sendTestEmail } from "@/lib/email/email-edition";
import { mailIsConfigured } from "@/lib/mail/send-mail";
import { failure } from "../support/outcome";
import { makeUser } from "../support/factories";

// No SMTP_URL in this file: the edition is still there to copy and download, but no test mail.
describe("the email edition without a mail server", () => {
  it("is built, and a test mail is refused with a clear message", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    expect(mailIsConfigured()).toBe(false);
    await seedDatabase({ demo: true, demoPassword: "email edition without smtp" });
    const { db } = await getDatabase();
    const [issue] = await db.select({ id: tables.issues.id }).from(tables.issues).where(eq(tables.issues.slug, demoIssue.slug));
    const editor = await makeUser("editor");
    expect((await getEmailEdition(editor, { issueId: issue?.id })).html).toContain(demoIssue.title);
    expect(await failure(sendTestEmail(editor, { issueId: issue?.id }))).toMatchObject({ code: "conflict", message: MAIL_NOT_CONFIGURED });
  });
});
