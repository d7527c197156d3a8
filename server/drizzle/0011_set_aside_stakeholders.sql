CREATE TABLE `set_aside_stakeholders` (
	`city_id` text NOT NULL,
	`id` text NOT NULL,
	`data` text NOT NULL,
	`practice_ids` text NOT NULL,
	`deleted_by` text NOT NULL,
	`deleted_at` text NOT NULL,
	PRIMARY KEY(`city_id`, `id`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action
);
