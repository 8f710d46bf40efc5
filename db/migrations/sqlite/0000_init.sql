CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`details` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `issues` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`year` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`issue_date` text NOT NULL,
	`editors_note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`scheduled_at` integer,
	`published_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issues_slug_unique` ON `issues` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `issues_number_year_idx` ON `issues` (`number`,`year`);--> statement-breakpoint
CREATE TABLE `published_issues` (
	`issue_id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`number` integer NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`issue_date` text NOT NULL,
	`editors_note` text NOT NULL,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `published_issues_slug_unique` ON `published_issues` (`slug`);--> statement-breakpoint
CREATE TABLE `published_stories` (
	`id` text PRIMARY KEY NOT NULL,
	`issue_id` text NOT NULL,
	`story_id` text NOT NULL,
	`slug` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`standfirst` text NOT NULL,
	`author_name` text NOT NULL,
	`html` text NOT NULL,
	`plain_text` text NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `published_issues`(`issue_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `published_stories_issue_slug_idx` ON `published_stories` (`issue_id`,`slug`);--> statement-breakpoint
CREATE TABLE `review_events` (
	`id` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_events_story_idx` ON `review_events` (`story_id`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`reason` text NOT NULL,
	`author_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revisions_story_idx` ON `revisions` (`story_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`site_name_en` text NOT NULL,
	`site_name_zh` text NOT NULL,
	`newsletter_name` text NOT NULL,
	`contact_block` text NOT NULL,
	`about_block` text NOT NULL,
	`default_locale` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stories` (
	`id` text PRIMARY KEY NOT NULL,
	`issue_id` text,
	`position` integer DEFAULT 0 NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`plain_text` text DEFAULT '' NOT NULL,
	`word_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`translation_group` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stories_slug_unique` ON `stories` (`slug`);--> statement-breakpoint
CREATE INDEX `stories_issue_idx` ON `stories` (`issue_id`,`position`);--> statement-breakpoint
CREATE INDEX `stories_author_idx` ON `stories` (`author_id`);--> statement-breakpoint
CREATE INDEX `stories_status_idx` ON `stories` (`status`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`role` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`last_sign_in_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);