import { z } from "zod";

export const storyIdSchema = z.string().uuid("Unknown story.");
const title = z
  .string({ error: "Give the story a title." })
  .trim()
  .min(1, "Give the story a title.")
  .max(200, "Keep the title under 200 characters.");
const standfirst = z.string().trim().max(600, "Keep the standfirst under 600 characters.");
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

export const createStorySchema = z.object({ title, standfirst: standfirst.default("") });

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
