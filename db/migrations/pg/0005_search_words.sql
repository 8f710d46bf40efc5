ALTER TABLE "published_stories" ADD COLUMN "search_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "search_body" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "search_version" integer DEFAULT 0 NOT NULL;