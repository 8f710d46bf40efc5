CREATE TABLE `media_fallbacks` (
	`media_id` text NOT NULL,
	`width` integer NOT NULL,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	`byte_size` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`media_id`, `width`),
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
