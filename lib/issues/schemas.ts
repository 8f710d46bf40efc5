import { z } from "zod";

export const issueIdSchema = z.string().uuid("Unknown issue.");
const version = z.coerce.number().int().positive();

export const createIssueSchema = z.object({
  number: z.coerce
    .number({ error: "Give the issue a number." })
    .int("The issue number is a whole number.")
    .min(1, "The issue number starts at 1.")
    .max(9999, "The issue number is too large."),
  year: z.coerce
    .number({ error: "Give the year." })
    .int("The year is a whole number.")
    .min(1900, "The year looks wrong.")
    .max(2200, "The year looks wrong."),
  issueDate: z.iso.date("Give the issue date as a date."),
  title: z.string().trim().min(1, "Give the issue a title.").max(200, "Keep the title under 200 characters."),
  editorsNote: z.string().trim().max(5000, "Keep the editor's note under 5,000 characters.").default(""),
});

export const issueStorySchema = z.object({
  issueId: issueIdSchema,
  storyId: z.string().uuid("Unknown story."),
});

export const issueVersionSchema = z.object({ issueId: issueIdSchema, version });
