import { z } from "zod";
import { STORY_LOCALES, TRANSLATION_LOCALES } from "../locales";
import { STANDFIRST_MAX, TITLE_MAX } from "./limits";

export const storyIdSchema = z.string().uuid("Unknown story.");
/**
 * At most `limit` UTF-16 code units, as the field's maxLength counts. Not zod's max(),
 * which counts code points: it would take 600 emoji where the field stops at 300.
 */
const units = (limit: number, message: string) => (text: string, ctx: z.RefinementCtx) => {
  if (text.length > limit) ctx.addIssue({ code: "too_big", origin: "string", maximum: limit, inclusive: true, message });
};
const title = z
  .string({ error: "Give the story a title." })
  .trim()
  .min(1, "Give the story a title.")
  .superRefine(units(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`));
const standfirst = z
  .string()
  .trim()
  .superRefine(units(STANDFIRST_MAX, `Keep the standfirst to ${STANDFIRST_MAX.toLocaleString("en")} characters or fewer.`));
const version = z.coerce.number().int().positive();

const notADocument = "The story body is not a document.";

/**
 * The body travels as JSON text, not as an object: React's server-action encoding turns
 * objects without a prototype, which is what ProseMirror gives node and mark attributes,
 * into references the server cannot read, so a heading's level or a link's href was lost.
 */
const storyBodyText = z.string({ error: notADocument }).transform((text, ctx): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: notADocument });
    return z.NEVER;
  }
});

export const createStorySchema = z.object({
  title,
  standfirst: standfirst.default(""),
  locale: z.enum(STORY_LOCALES, { error: "Choose one of the newsletter's languages." }).default("en"),
});

export const saveStorySchema = z.object({
  storyId: storyIdSchema,
  version,
  title,
  standfirst: standfirst.default(""),
  body: storyBodyText,
});

export type SaveStoryInput = z.input<typeof saveStorySchema>;

export const transitionStorySchema = z.object({
  storyId: storyIdSchema,
  version,
  comment: z.string().trim().max(5000, "Keep the comment under 5,000 characters.").default(""),
});

export const commentOnStorySchema = z.object({
  storyId: storyIdSchema,
  body: z.string().trim().min(1, "Write a comment first.").max(5000, "Keep the comment under 5,000 characters."),
});

export const addTranslationSchema = z.object({
  storyId: storyIdSchema,
  locale: z.enum(TRANSLATION_LOCALES, { error: "Choose a language to translate into." }),
});
