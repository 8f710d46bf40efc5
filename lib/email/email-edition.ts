import "server-only";
import { z } from "zod";
import { getDatabase } from "../../db/client";
import { findIssue } from "../../db/queries/issues";
import { findPublishedIssue, listPublishedStories } from "../../db/queries/published";
import { findSettings } from "../../db/queries/settings";
import { describeRetry, reserveAttempt } from "../auth/throttle";
import { AppError } from "../errors";
import { issueIdSchema } from "../issues/schemas";
import { mailIsConfigured, sendMail } from "../mail/send-mail";
import { canEmailIssue, canManageIssues, type Actor } from "../policy";
import { siteUrl } from "../site-url";
import { parseInput } from "../validation";
import { prepareFallbacks } from "../media/fallback-images";
import { buildEmailEdition, type EmailEdition } from "./issue-email";
import { EMAIL_IMAGE_WIDTHS } from "./story-blocks";
import { groupIssueStories } from "../reader/translations";

const emailEditionSchema = z.object({ issueId: issueIdSchema });

export const NOT_PUBLISHED =
  "This issue is not published. The email edition is made from the published issue, so that it says what readers see and its links work: publish the issue first.";

export const MAIL_NOT_CONFIGURED =
  "Mail is not set up on this server (SMTP_URL is not set), so no test can be sent. Copy the HTML or download it instead.";

/**
 * The email edition of a published issue, from its live snapshot and the site settings,
 * with absolute links on the site's one public URL (AUTH_URL). Editors and admins only.
 */
export async function getEmailEdition(actor: Actor, input: unknown): Promise<EmailEdition> {
  const { issueId } = parseInput(emailEditionSchema, input);
  if (!canManageIssues(actor)) throw new AppError("forbidden", "Only editors and admins can make the email edition of an issue.");
  const { db } = await getDatabase();
  const issue = await findIssue(db, issueId);
  if (!issue) throw new AppError("not_found", "No such issue.");
  if (!canEmailIssue(actor, issue)) throw new AppError("conflict", NOT_PUBLISHED);
  const live = await findPublishedIssue(db, issue.slug);
  // Published a moment ago but not yet, or unpublished since: the snapshot decides.
  if (!live || live.issueId !== issue.id) throw new AppError("conflict", NOT_PUBLISHED);
  const [all, settings] = await Promise.all([listPublishedStories(db, issue.id), findSettings(db)]);
  // Like the issue page: each translation group once, in the site's language (its web page links the others).
  const stories = groupIssueStories(all).map((entry) => entry.story);
  if (!settings) throw new AppError("conflict", "The site settings are missing; an admin must set them up first.");
  // Our images in the stories, as JPEG or PNG for mail clients without WebP: made now,
  // so that the mail names the right format and its first reader does not wait for them.
  const imageIds = stories.flatMap((story) => [...story.html.matchAll(/\/media\/([0-9a-f]{64})\//g)].map((m) => m[1]!));
  const imageFormats = await prepareFallbacks(imageIds, EMAIL_IMAGE_WIDTHS);
  return buildEmailEdition({ settings, issue: live, stories, siteUrl: siteUrl(), imageFormats });
}

/** Test mails per account in 15 minutes: enough to check a layout, too few to spam with. */
export const TEST_MAILS_PER_WINDOW = 5;

/**
 * Sends the email edition to the signed-in editor's own address, as a multipart mail
 * (HTML and plain text). Only to themselves, and throttled per account.
 */
export async function sendTestEmail(actor: Actor & { email: string }, input: unknown): Promise<{ to: string }> {
  const edition = await getEmailEdition(actor, input);
  if (!mailIsConfigured()) throw new AppError("conflict", MAIL_NOT_CONFIGURED);
  const { write, dialect } = await getDatabase();
  const reservation = await write((tx) =>
    reserveAttempt(tx, dialect, [["email_test", actor.id]], { action: "issue.email_test_throttled", actorId: actor.id }),
  );
  if (!reservation.allowed)
    throw new AppError("throttled", `You have sent ${TEST_MAILS_PER_WINDOW} test mails in the last 15 minutes. Try again ${describeRetry(reservation.retryAfterSeconds)}.`);
  const { delivered } = await sendMail({ to: actor.email, subject: `[Test] ${edition.subject}`, text: edition.text, html: edition.html });
  if (!delivered) throw new AppError("busy", "The mail server did not take the test mail. Try again in a few minutes.");
  return { to: actor.email };
}
