CREATE TABLE `conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`city_id` text NOT NULL,
	`kind` text NOT NULL,
	`object_id` text NOT NULL,
	`field` text NOT NULL,
	`lost_value` text,
	`lost_by` text NOT NULL,
	`lost_at` text NOT NULL,
	`won_value` text,
	`won_by` text NOT NULL,
	`won_at` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`status` text NOT NULL,
	`resolved_by` text,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `conflicts_city_status_idx` ON `conflicts` (`city_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `conflicts_object_idx` ON `conflicts` (`city_id`,`object_id`);--> statement-breakpoint
CREATE TABLE `library_objects` (
	`city_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`parent_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL,
	`meta` text NOT NULL,
	PRIMARY KEY(`city_id`, `id`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `library_objects_changes_idx` ON `library_objects` (`city_id`,`version`);--> statement-breakpoint
CREATE INDEX `library_objects_parent_idx` ON `library_objects` (`city_id`,`parent_id`);--> statement-breakpoint
CREATE TABLE `processed_mutations` (
	`city_id` text NOT NULL,
	`id` text NOT NULL,
	`member_id` text NOT NULL,
	`object_id` text NOT NULL,
	`status` text NOT NULL,
	`object_version` integer NOT NULL,
	`conflicts` integer NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`city_id`, `id`)
);
