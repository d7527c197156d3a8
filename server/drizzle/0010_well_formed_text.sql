-- Lone UTF-16 surrogates (issue 15): before the schemas refused them, a pushed string holding one (`"\ud800"`
-- in the JSON body) was stored as JSON.stringify writes it, the escape `\ud800`, and SQLite's JSON functions
-- extract that as invalid UTF-8, on which the libSQL client panics (the server process exits). This replaces
-- every lone-surrogate escape in the stored JSON columns with `\ufffd` (U+FFFD, the replacement character),
-- as shared/well-formed.ts repairLoneSurrogateEscapes does in JS: library objects' data and merge metadata,
-- conflict records' values, glossary labels. Plain text columns never held one: a bound string is replaced
-- with U+FFFD by the embedded client (a libSQL server refuses it), and the search index is written from bound
-- strings. Repaired objects get a new library version, so members' copies are pulled again and the search
-- index's next catch-up re-reads them (a highlight re-indexes its practice).
--
-- How: each candidate text (holding `\ud` or `\uD`) is walked from one `\ud` to the next by a recursive CTE.
-- At each, the run of backslashes before it says whether it is an escape (an even run) or the letters after
-- an escaped backslash (`\\ud800`, left alone); an escape of a high surrogate followed by one of a low
-- surrogate is a pair, kept; any other surrogate escape (D800–DFFF) becomes `\ufffd`; D000–D7FF are letters.
-- `p` is where the next `\ud` starts in `rest` (0: none); `done` the text repaired so far.
CREATE TABLE `_surrogate_repair` (`tbl` text NOT NULL, `rid` integer NOT NULL, `col` text NOT NULL, `fixed` text NOT NULL);
--> statement-breakpoint
INSERT INTO `_surrogate_repair` (`tbl`, `rid`, `col`, `fixed`)
WITH RECURSIVE
  candidates(tbl, rid, col, txt) AS (
    SELECT 'library_objects', rowid, 'data', data FROM library_objects WHERE instr(data, '\ud') OR instr(data, '\uD')
    UNION ALL
    SELECT 'library_objects', rowid, 'meta', meta FROM library_objects WHERE instr(meta, '\ud') OR instr(meta, '\uD')
    UNION ALL
    SELECT 'conflicts', rowid, 'lost_value', lost_value FROM conflicts
      WHERE instr(lost_value, '\ud') OR instr(lost_value, '\uD')
    UNION ALL
    SELECT 'conflicts', rowid, 'won_value', won_value FROM conflicts
      WHERE instr(won_value, '\ud') OR instr(won_value, '\uD')
    UNION ALL
    SELECT 'glossary_terms', rowid, 'labels', labels FROM glossary_terms
      WHERE instr(labels, '\ud') OR instr(labels, '\uD')
  ),
  walk(tbl, rid, col, txt, done, rest, p, fin) AS (
    SELECT tbl, rid, col, txt, '', txt, instr(lower(txt), '\ud'), 0 FROM candidates
    UNION ALL
    SELECT tbl, rid, col, txt,
      CASE
        WHEN p = 0 THEN done || rest
        -- An odd run of backslashes before it: this backslash is escaped, the letters are text.
        WHEN (p - 1 - length(rtrim(substr(rest, 1, p - 1), '\'))) % 2 = 1 THEN done || substr(rest, 1, p)
        WHEN lower(substr(rest, p + 2, 4)) < 'd800' THEN done || substr(rest, 1, p + 5)
        WHEN lower(substr(rest, p + 2, 4)) <= 'dbff'
          AND lower(substr(rest, p + 6, 6)) BETWEEN '\udc00' AND '\udfff' THEN done || substr(rest, 1, p + 11)
        ELSE done || substr(rest, 1, p - 1) || '\ufffd'
      END,
      CASE
        WHEN p = 0 THEN ''
        WHEN (p - 1 - length(rtrim(substr(rest, 1, p - 1), '\'))) % 2 = 1 THEN substr(rest, p + 1)
        WHEN lower(substr(rest, p + 2, 4)) <= 'dbff' AND lower(substr(rest, p + 2, 4)) >= 'd800'
          AND lower(substr(rest, p + 6, 6)) BETWEEN '\udc00' AND '\udfff' THEN substr(rest, p + 12)
        ELSE substr(rest, p + 6)
      END,
      -- Where the next `\ud` is, in the rest just cut (the same cut as above).
      instr(lower(
        CASE
          WHEN p = 0 THEN ''
          WHEN (p - 1 - length(rtrim(substr(rest, 1, p - 1), '\'))) % 2 = 1 THEN substr(rest, p + 1)
          WHEN lower(substr(rest, p + 2, 4)) <= 'dbff' AND lower(substr(rest, p + 2, 4)) >= 'd800'
            AND lower(substr(rest, p + 6, 6)) BETWEEN '\udc00' AND '\udfff' THEN substr(rest, p + 12)
          ELSE substr(rest, p + 6)
        END), '\ud'),
      p = 0
    FROM walk WHERE fin = 0
  )
SELECT tbl, rid, col, done FROM walk WHERE fin = 1 AND done <> txt;
--> statement-breakpoint
UPDATE `library_objects` SET `data` = (SELECT fixed FROM `_surrogate_repair` r
    WHERE r.tbl = 'library_objects' AND r.col = 'data' AND r.rid = `library_objects`.rowid)
  WHERE rowid IN (SELECT rid FROM `_surrogate_repair` WHERE tbl = 'library_objects' AND col = 'data');
--> statement-breakpoint
UPDATE `library_objects` SET `meta` = (SELECT fixed FROM `_surrogate_repair` r
    WHERE r.tbl = 'library_objects' AND r.col = 'meta' AND r.rid = `library_objects`.rowid)
  WHERE rowid IN (SELECT rid FROM `_surrogate_repair` WHERE tbl = 'library_objects' AND col = 'meta');
--> statement-breakpoint
UPDATE `conflicts` SET `lost_value` = (SELECT fixed FROM `_surrogate_repair` r
    WHERE r.tbl = 'conflicts' AND r.col = 'lost_value' AND r.rid = `conflicts`.rowid)
  WHERE rowid IN (SELECT rid FROM `_surrogate_repair` WHERE tbl = 'conflicts' AND col = 'lost_value');
--> statement-breakpoint
UPDATE `conflicts` SET `won_value` = (SELECT fixed FROM `_surrogate_repair` r
    WHERE r.tbl = 'conflicts' AND r.col = 'won_value' AND r.rid = `conflicts`.rowid)
  WHERE rowid IN (SELECT rid FROM `_surrogate_repair` WHERE tbl = 'conflicts' AND col = 'won_value');
--> statement-breakpoint
UPDATE `glossary_terms` SET `labels` = (SELECT fixed FROM `_surrogate_repair` r
    WHERE r.tbl = 'glossary_terms' AND r.col = 'labels' AND r.rid = `glossary_terms`.rowid)
  WHERE rowid IN (SELECT rid FROM `_surrogate_repair` WHERE tbl = 'glossary_terms' AND col = 'labels');
--> statement-breakpoint
-- A new library version for each city with a repaired object, and that version for the object.
UPDATE `cities` SET `library_version` = `library_version` + 1
  WHERE id IN (SELECT city_id FROM `library_objects`
    WHERE rowid IN (SELECT rid FROM `_surrogate_repair` WHERE tbl = 'library_objects'));
--> statement-breakpoint
UPDATE `library_objects` SET `version` = (SELECT library_version FROM `cities` WHERE `cities`.id = `library_objects`.city_id)
  WHERE rowid IN (SELECT rid FROM `_surrogate_repair` WHERE tbl = 'library_objects');
--> statement-breakpoint
DROP TABLE `_surrogate_repair`;
