-- Until now the SQLite database was written through the Postgres table objects, which
-- store timestamps as ISO-8601 text although these columns are declared as integer
-- milliseconds. Convert every such value to the integer milliseconds the schema declares.
UPDATE `users` SET `last_sign_in_at` = CAST(round(unixepoch(`last_sign_in_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`last_sign_in_at`) = 'text';
--> statement-breakpoint
UPDATE `users` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
--> statement-breakpoint
UPDATE `issues` SET `scheduled_at` = CAST(round(unixepoch(`scheduled_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`scheduled_at`) = 'text';
--> statement-breakpoint
UPDATE `issues` SET `published_at` = CAST(round(unixepoch(`published_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`published_at`) = 'text';
--> statement-breakpoint
UPDATE `issues` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
--> statement-breakpoint
UPDATE `issues` SET `updated_at` = CAST(round(unixepoch(`updated_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`updated_at`) = 'text';
--> statement-breakpoint
UPDATE `stories` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
--> statement-breakpoint
UPDATE `stories` SET `updated_at` = CAST(round(unixepoch(`updated_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`updated_at`) = 'text';
--> statement-breakpoint
UPDATE `revisions` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
--> statement-breakpoint
UPDATE `review_events` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
--> statement-breakpoint
UPDATE `published_issues` SET `published_at` = CAST(round(unixepoch(`published_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`published_at`) = 'text';
--> statement-breakpoint
UPDATE `audit_log` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
--> statement-breakpoint
UPDATE `settings` SET `updated_at` = CAST(round(unixepoch(`updated_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`updated_at`) = 'text';
--> statement-breakpoint
UPDATE `tokens` SET `expires_at` = CAST(round(unixepoch(`expires_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`expires_at`) = 'text';
--> statement-breakpoint
UPDATE `tokens` SET `used_at` = CAST(round(unixepoch(`used_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`used_at`) = 'text';
--> statement-breakpoint
UPDATE `tokens` SET `revoked_at` = CAST(round(unixepoch(`revoked_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`revoked_at`) = 'text';
--> statement-breakpoint
UPDATE `tokens` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
--> statement-breakpoint
UPDATE `sign_in_failures` SET `created_at` = CAST(round(unixepoch(`created_at`, 'subsec') * 1000) AS INTEGER) WHERE typeof(`created_at`) = 'text';
