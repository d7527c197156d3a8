-- Prefix indexes for 4, 5 and 6 letters (issue 6: search p95 ≤ 20 ms on 100,000 practices). Every query word
-- is a prefix ("with"*), and FTS5 answers a prefix it has no index for by merging the doclists of every word
-- that starts with it (with, within, without, …) before it can return a single row: 5–10 ms for a common
-- 4-letter word on 100,000 practices, paid again by each statement of a search. With these indexes a prefix of
-- up to 6 letters reads one doclist, like a whole word (a count of "print* with*": 11 ms → 0.7 ms); longer
-- prefixes start few words. The index grows by about 70% (245 → 415 MB on the 100,000-practice bench).
-- The rows are copied as they are (same rowids, same text; search_docs and the pre-counted aggregates are
-- untouched), then merged into one segment.
CREATE VIRTUAL TABLE `search_fts_next` USING fts5(
	`title`, `tags`, `areas`, `body`, `highlights`, `site`, `content`, `city`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4 5 6'
);
--> statement-breakpoint
INSERT INTO `search_fts_next` (rowid, `title`, `tags`, `areas`, `body`, `highlights`, `site`, `content`, `city`)
	SELECT rowid, `title`, `tags`, `areas`, `body`, `highlights`, `site`, `content`, `city` FROM `search_fts`;
--> statement-breakpoint
DROP TABLE `search_fts`;
--> statement-breakpoint
ALTER TABLE `search_fts_next` RENAME TO `search_fts`;
--> statement-breakpoint
INSERT INTO `search_fts` (`search_fts`) VALUES ('optimize');
