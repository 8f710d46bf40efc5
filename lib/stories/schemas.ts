import { z } from "zod";

export const storyIdSchema = z.string().uuid("Unknown story.");
const title = z
  .string({ error: "Give the story a title." })
  .trim()
  .min(1, "Give the story a title.")
  .max(200, "Keep the title under 200 characters.");
const standfirst = z.string().trim().max(600, "Keep the standfirst under 600 characters.");
const version = z.coerce.number().int().positive();

export const createStorySchema = z.object({ title, standfirst: standfirst.default("") });

export const saveStorySchema = z.object({
  storyId: storyIdSchema,
  version,
  title,
  standfirst: standfirst.default(""),
  body: z.unknown(),
});

export const transitionStorySchema = z.object({
  storyId: storyIdSchema,
  version,
  comment: z.string().trim().max(5000, "Keep the comment under 5,000 characters.").default(""),
});

export const commentOnStorySchema = z.object({
  storyId: storyIdSchema,
  body: z.string().trim().min(1, "Write a comment first.").max(5000, "Keep the comment under 5,000 characters."),
});
