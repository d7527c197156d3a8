-- Search filters as FTS terms (issue 6: search p95 ≤ 20 ms on 100,000 practices): the last column of
-- search_fts now holds, beside the city's token, tokens of each practice's Index areas, visibility, language
-- and year/month of clippedAt (server/library/search-index.ts, filterTokens). Indexes built before hold only
-- the city's token: forgetting how far each city was indexed makes the next catch-up (the server's start-up
-- one, or the first search) re-index every practice, replacing its rows; the pre-counted aggregates are
-- unchanged by it (each practice counted out then in again).
DELETE FROM `search_index_state`;
