-- Full-text search and aggregates of the city library (issue 6), kept outside drizzle's schema because FTS5
-- virtual tables are not expressible there. Maintained by server/library/search-index.ts, which catches up
-- from the city's library version before each search (no triggers, so pushes stay as fast as they were):
-- search_index_state remembers how far each city is indexed, search_docs holds one row per live practice
-- with its filterable columns (so filters never parse JSON), search_doc_areas one row per (practice, Index
-- area) for the per-area counts, search_fts the folded text (shared/search/fold.ts) under unicode61, and in its last column the city as one
-- token, so a search is narrowed to the caller's city inside the index (search_docs is joined only for filters).
CREATE TABLE `search_index_state` (
	`city_id` text PRIMARY KEY NOT NULL,
	`indexed_version` integer NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `search_docs` (
	`rowid` integer PRIMARY KEY NOT NULL,
	`city_id` text NOT NULL,
	`practice_id` text NOT NULL,
	`created_by` text NOT NULL,
	`clipped_at` text NOT NULL,
	`lang` text,
	`visibility` text NOT NULL,
	`tags` text NOT NULL,
	`highlight_ids` text NOT NULL DEFAULT ''
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_practice_idx` ON `search_docs` (`city_id`,`practice_id`);
--> statement-breakpoint
CREATE INDEX `search_docs_clipped_idx` ON `search_docs` (`city_id`,`clipped_at`);
--> statement-breakpoint
CREATE INDEX `search_docs_contributor_idx` ON `search_docs` (`city_id`,`created_by`,`clipped_at`);
--> statement-breakpoint
CREATE INDEX `search_docs_visibility_idx` ON `search_docs` (`city_id`,`visibility`,`clipped_at`);
--> statement-breakpoint
CREATE TABLE `search_doc_areas` (
	`city_id` text NOT NULL,
	`area_id` text NOT NULL,
	`doc` integer NOT NULL,
	`clipped_at` text NOT NULL,
	PRIMARY KEY(`city_id`, `area_id`, `doc`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_doc_areas_doc_idx` ON `search_doc_areas` (`doc`);
--> statement-breakpoint
CREATE INDEX `search_doc_areas_clipped_idx` ON `search_doc_areas` (`city_id`,`area_id`,`clipped_at`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	`title`, `tags`, `areas`, `body`, `highlights`, `site`, `content`, `city`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
