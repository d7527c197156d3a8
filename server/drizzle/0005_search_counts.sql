-- Pre-counted city aggregates (issue 6: aggregates and coverage ≤ 100 ms on 100,000 practices): how many live
-- practices per (city, contributor, day) and per (city, Index area, day), maintained by the search index's
-- catch-up step (server/library/search-index.ts) in the same transaction as search_docs and search_doc_areas,
-- so the dashboard sums a few thousand small rows instead of scanning every practice. `kind` is 'member' (key:
-- the member id) or 'area' (key: the area id); `day` is the first 10 characters of the stored clipped_at
-- (YYYY-MM-DD in UTC). Filled here from the index as it stands.
CREATE TABLE `search_counts` (
	`city_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`day` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`city_id`, `kind`, `key`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `search_counts` (`city_id`, `kind`, `key`, `day`, `n`)
	SELECT `city_id`, 'member', `created_by`, substr(`clipped_at`, 1, 10), count(*) FROM `search_docs`
	GROUP BY `city_id`, `created_by`, substr(`clipped_at`, 1, 10);
--> statement-breakpoint
INSERT INTO `search_counts` (`city_id`, `kind`, `key`, `day`, `n`)
	SELECT `city_id`, 'area', `area_id`, substr(`clipped_at`, 1, 10), count(*) FROM `search_doc_areas`
	GROUP BY `city_id`, `area_id`, substr(`clipped_at`, 1, 10);
