CREATE TABLE `glossary_terms` (
	`city_id` text NOT NULL,
	`id` text NOT NULL,
	`labels` text NOT NULL,
	`concept_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`city_id`, `id`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `translation_cache` (
	`city_id` text NOT NULL,
	`key` text NOT NULL,
	`engine` text NOT NULL,
	`source_lang` text NOT NULL,
	`target_lang` text NOT NULL,
	`detected_lang` text,
	`translated_text` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text NOT NULL,
	PRIMARY KEY(`city_id`, `key`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `translation_cache_used_idx` ON `translation_cache` (`last_used_at`);--> statement-breakpoint
CREATE TABLE `translation_usage` (
	`city_id` text NOT NULL,
	`member_id` text NOT NULL,
	`day` text NOT NULL,
	`characters` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`member_id`, `day`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `network_coordinators` (
	`member_id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`granted_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sign_in_links` (
	`hash` text PRIMARY KEY NOT NULL,
	`city_id` text NOT NULL,
	`member_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `web_sessions` (
	`hash` text PRIMARY KEY NOT NULL,
	`city_id` text NOT NULL,
	`member_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `web_sessions_member_idx` ON `web_sessions` (`member_id`);