ALTER TABLE "published_stories" ADD COLUMN "author_id" text;--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "translation_group" text;--> statement-breakpoint
CREATE INDEX "published_stories_author_idx" ON "published_stories" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "published_stories_group_idx" ON "published_stories" USING btree ("translation_group");--> statement-breakpoint
-- Stories published before these columns existed take them from their working copy.
UPDATE published_stories SET author_id = (SELECT s.author_id FROM stories s WHERE s.id = published_stories.story_id), locale = COALESCE((SELECT s.locale FROM stories s WHERE s.id = published_stories.story_id), 'en'), translation_group = (SELECT s.translation_group FROM stories s WHERE s.id = published_stories.story_id);
