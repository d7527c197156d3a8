// Full-text search and browsing of a city's practices (issue 6). Every query word must start a word of the
// practice (accents and case ignored, as in the extension's offline search, shared/search), ranked by FTS5's
// bm25 with the title weighing most; filters from shared/api/library.ts; only the given city's practices,
// never a deleted one (the index catches up from the library version first, search-index.ts).
import type { InValue } from '@libsql/client';
import type { LibraryQuery, PracticeHit, SearchResult } from '../../shared/api/library.ts';
import { toWellFormed } from '../../shared/well-formed.ts';
import type { Db } from '../db/client.ts';
import { filterMatch, filterSql, termsAreExact } from './filters.ts';
import { markMatches, queryTokens } from './marks.ts';
import { catchUpSearchIndex, cityToken, textColumns } from './search-index.ts';

export type { PracticeHit, SearchResult };

/** bm25 weights of the FTS columns: title, tags, area labels, excerpt+note, highlights, site+byline, content
 * (the extension's offline search weighs its fields in the same order), and the city token column (0). */
export const columnWeights = [8, 6, 5, 4, 3, 2, 1, 0] as const;
const bm25 = `bm25(search_fts, ${columnWeights.join(', ')})`;

/** An FTS5 query: every word a prefix (`"word"*`), all required. Words hold only letters and digits. */
export const ftsQuery = (tokens: readonly string[]) => tokens.map((t) => `"${t}"*`).join(' ');

export async function searchPractices(db: Db, cityId: string, query: LibraryQuery): Promise<SearchResult> {
  await catchUpSearchIndex(db, cityId);
  const found = await findDocs(db, [cityId], query);
  const items = await hits(db, found.ids, queryTokens(query.q));
  return { total: found.total, page: found.page, pageSize: found.pageSize, items };
}

export interface FoundDocs {
  total: number;
  page: number;
  pageSize: number;
  ids: { cityId: string; id: string }[];
}

/** The ids of one page of matching practices (and how many match), best first or by date. */
export async function findDocs(
  db: Db,
  cityIds: readonly string[],
  query: LibraryQuery,
  options: { all?: boolean; rankAllUpTo?: number; sortUpTo?: number } = {},
): Promise<FoundDocs> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const tokens = queryTokens(query.q);
  const filter = filterSql(cityIds, query);
  const sort = query.sort ?? (tokens.length ? 'relevance' : 'newest');
  const byDate = sort === 'oldest' ? 'd.clipped_at ASC, d.rowid ASC' : 'd.clipped_at DESC, d.rowid DESC';
  const client = db.$client;
  const only = options.all ? '' : `LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  // The filters' FTS terms (areas, visibility, language, dates): the index intersects them with the words'
  // matches, so a common word with filters no longer checks each of its tens of thousands of matches. When
  // they say exactly what the filters keep (termsAreExact), search_docs is not read to check them.
  const terms = filterMatch(query);
  const exact = !filter.narrows || termsAreExact(query);
  if (tokens.length && exact && sort === 'relevance') {
    // Words, and filters the index holds exactly (the common case): the FTS index alone answers, restricted to
    // the cities by their token column; search_docs is read only for the page's ids.
    const alone = await onlyCities(client, cityIds);
    const match = cityMatch(cityIds, tokens, textColumns, alone, terms);
    const count = await client.execute({
      sql: 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?',
      args: [match],
    });
    const total = Number(count.rows[0]!.n);
    const upTo = options.rankAllUpTo ?? rankAllUpTo;
    const rowids =
      options.all || total <= upTo
        ? await rankedRowids(client, match, only)
        : await tieredRowids(client, { cityIds, tokens, terms, alone }, page, pageSize, upTo);
    const ids = await keysOf(client, rowids);
    return { total, page, pageSize, ids };
  }
  // Words with inexact filters or by date, or filters only: the words and the filters' terms find the
  // candidates in the index (a few intersected doclists), then search_docs. CROSS JOIN keeps the FTS index the
  // outer loop: otherwise SQLite may walk the city's docs and run the MATCH once per row (hundreds of ms on a
  // count). filter.sql checks the city on search_docs: the city token is matched only when other cities share
  // the index. With neither words nor terms, search_docs alone.
  const match =
    tokens.length || terms
      ? cityMatch(cityIds, tokens, textColumns, await onlyCities(client, cityIds), terms)
      : null;
  const from = match ? 'search_fts f CROSS JOIN search_docs d ON d.rowid = f.rowid' : 'search_docs d';
  const args: InValue[] = match ? [match, ...filter.args] : filter.args;
  const ranked = tokens.length > 0 && sort === 'relevance';
  const order = ranked ? `${bm25}, ${byDate}` : byDate;
  const where = match ? `search_fts MATCH ? AND ${filter.sql}` : filter.sql;
  if (ranked) {
    // One pass over the filtered matches, each with its bm25 (computed only for the rows the filters keep):
    // the count is their number. Half the time of a ranked page plus a separate count, which both walked
    // every match of the words (bm25 cannot run under a window function).
    // Sorted by SQLite and handed over as one JSON array of rowids (rowidsOf), then the page's keys.
    const all = await rowidsOf(
      client,
      `SELECT d.rowid AS r FROM ${from} WHERE ${where} ORDER BY ${order}`,
      args,
    );
    const start = options.all ? 0 : (page - 1) * pageSize;
    const ids = await keysOf(client, all.slice(start, options.all ? undefined : start + pageSize));
    return { total: all.length, page, pageSize, ids };
  }
  if (match) {
    // By date, with words or filter terms: walk the city's docs in date order (index city_id, clipped_at)
    // against the set of matching rowids, stopping at the page's end; the count comes from the index alone
    // when its terms are exact (4 to 6 times faster than sorting the joined matches on 100,000 practices).
    const inMatch = 'd.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)';
    // Exact terms: the index has applied the filters, search_docs only scopes the cities (1,308 docs of an
    // area, visibility and language: 7.4 ms with the filters checked again, 2.3 ms without).
    const check = exact ? filterSql(cityIds, {}) : filter;
    const checked: InValue[] = [match, ...check.args];
    const count = options.all
      ? null
      : Number(
          (
            await client.execute(
              exact
                ? { sql: 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?', args: [match] }
                : {
                    sql: `SELECT count(*) AS n FROM search_docs d WHERE ${inMatch} AND ${check.sql}`,
                    args: checked,
                  },
            )
          ).rows[0]!.n,
        );
    // A few matches (a rare word) are joined and sorted: walking the date index would pass over most of the
    // library to find them (60 matches, page 3: 20 ms walked).
    const sql =
      count === null || count <= (options.sortUpTo ?? sortUpTo)
        ? `SELECT d.city_id, d.practice_id FROM ${from} WHERE search_fts MATCH ? AND ${check.sql}
           ORDER BY ${order} ${only}`
        : `SELECT d.city_id, d.practice_id FROM search_docs d WHERE ${inMatch} AND ${check.sql}
           ORDER BY ${order} ${only}`;
    const rows = await client.execute({ sql, args: checked });
    const ids = rows.rows.map((r) => ({ cityId: String(r.city_id), id: String(r.practice_id) }));
    return { total: count ?? ids.length, page, pageSize, ids };
  }
  // One pass: the sort needs every matching row anyway, so the window count comes with the page. Only a page
  // past the end (no rows) needs a separate count.
  const rows = await client.execute({
    sql: `SELECT d.city_id, d.practice_id, count(*) OVER () AS total FROM ${from} WHERE ${where}
          ORDER BY ${order} ${only}`,
    args,
  });
  const ids = rows.rows.map((r) => ({ cityId: String(r.city_id), id: String(r.practice_id) }));
  let total = rows.rows[0] ? Number(rows.rows[0].total) : 0;
  if (!rows.rows[0] && page > 1) {
    const count = await client.execute({ sql: `SELECT count(*) AS n FROM ${from} WHERE ${where}`, args });
    total = Number(count.rows[0]!.n);
  }
  return { total, page, pageSize, ids };
}

/**
 * Up to this many matches, relevance is bm25 over all of them. Beyond (a short prefix such as "com" matches
 * most of a big library, and bm25 costs about 5 µs per match on the 2-core bench machine), relevance is
 * tiered: practices whose title, tags or Index areas match come first — by bm25 among themselves when they are
 * no more than this many, else newest indexed first — then the others, most recently indexed (added or
 * changed) first: the same set of practices, ranked at a bounded cost.
 */
export const rankAllUpTo = 500;

/** Up to this many matches, a search by date sorts them; beyond, it walks the date index. */
export const sortUpTo = 500;

type Client = Db['$client'];

/**
 * The rowids a statement selects as `r`, in its order, read as one JSON array: libsql hands each row over to
 * JavaScript at a cost (1,308 rowids of an FTS query: 9.8 ms as rows, 1.6 ms as one array on the bench
 * machine). `LIMIT -1` keeps SQLite from flattening the statement into the aggregate, which bm25 cannot run
 * inside, and keeps its order.
 */
async function rowidsOf(client: Client, sql: string, args: InValue[]): Promise<number[]> {
  const result = await client.execute({
    sql: `SELECT json_group_array(r) AS ids FROM (SELECT r FROM (${sql}) LIMIT -1)`,
    args,
  });
  return JSON.parse(String(result.rows[0]!.ids)) as number[];
}

/** The city and practice ids of these index rows, in the same order. */
async function keysOf(client: Client, rowids: readonly number[]): Promise<FoundDocs['ids']> {
  if (rowids.length === 0) return [];
  const docs = await client.execute(
    `SELECT rowid, city_id, practice_id FROM search_docs WHERE rowid IN (${rowids.join(', ')})`,
  );
  const byRowid = new Map(
    docs.rows.map((r) => [Number(r.rowid), { cityId: String(r.city_id), id: String(r.practice_id) }]),
  );
  return rowids.flatMap((r) => byRowid.get(r) ?? []);
}

async function rankedRowids(client: Client, match: string, only: string): Promise<number[]> {
  const rows = await client.execute({
    sql: `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY ${bm25}, rowid DESC ${only}`,
    args: [match],
  });
  return rows.rows.map((r) => Number(r.rowid));
}

/** What a words search matches: the cities, the words, the filters' terms (exact), and whether the index
 * holds other cities than these. */
interface WordsMatch {
  cityIds: readonly string[];
  tokens: readonly string[];
  terms: string | null;
  alone: boolean;
}

async function tieredRowids(
  client: Client,
  { cityIds, tokens, terms, alone }: WordsMatch,
  page: number,
  pageSize: number,
  rankUpTo: number,
): Promise<number[]> {
  const offset = (page - 1) * pageSize;
  const all = cityMatch(cityIds, tokens, textColumns, alone, terms);
  const named = cityMatch(cityIds, tokens, ['title', 'tags', 'areas'], alone, terms);
  // Read only as far as needed: whether bm25 ranks the tier (at most `rankUpTo`) and whether this page
  // reaches past it. Beyond that bound the exact number is never used (a common word in tens of thousands
  // of titles: 10–15 ms saved). Within it, the tier's rowids themselves are kept: the rest is then the
  // words' matches newest first with these left out, read in one backward walk of the index that stops at
  // the page's end, instead of a second pass over every match and the tier's (`NOT IN`: 10 ms for two
  // common words on 100,000 practices).
  const bound = Math.max(rankUpTo, offset + pageSize);
  const namedRows = await rowidsOf(
    client,
    `SELECT rowid AS r FROM search_fts WHERE search_fts MATCH ? LIMIT ${bound + 1}`,
    [named],
  );
  const namedCount = namedRows.length;
  const out: number[] = [];
  if (offset < namedCount) {
    const slice = `LIMIT ${pageSize} OFFSET ${offset}`;
    // bm25 costs per match: a common word in thousands of titles is ranked newest first instead.
    if (namedCount <= rankUpTo) out.push(...(await rankedRowids(client, named, slice)));
    else {
      const rows = await client.execute({
        sql: `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC ${slice}`,
        args: [named],
      });
      out.push(...rows.rows.map((r) => Number(r.rowid)));
    }
  }
  if (out.length >= pageSize) return out;
  const wanted = pageSize - out.length;
  const skip = Math.max(0, offset - namedCount);
  if (namedCount <= bound) {
    const inTier = new Set(namedRows);
    const newest = await rowidsOf(
      client,
      `SELECT rowid AS r FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ${skip + wanted + namedCount}`,
      [all],
    );
    const rest = newest.filter((r) => !inTier.has(r));
    out.push(...rest.slice(skip, skip + wanted));
    return out;
  }
  const rest = await client.execute({
    sql: `SELECT rowid FROM search_fts WHERE search_fts MATCH ?
            AND rowid NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)
          ORDER BY rowid DESC LIMIT ${wanted} OFFSET ${skip}`,
    args: [all, named],
  });
  out.push(...rest.rows.map((r) => Number(r.rowid)));
  return out;
}

/**
 * Whether the index holds no practice of any other city than these (one city per server, the common case):
 * then the city token need not be matched, which saves intersecting every query with the city's whole
 * doclist (a third to two thirds of a count's time on 100,000 practices). Two index seeks.
 */
export async function onlyCities(client: Client, cityIds: readonly string[]): Promise<boolean> {
  if (cityIds.length !== 1) return false;
  const other = await client.execute({
    sql: `SELECT EXISTS (SELECT 1 FROM search_docs WHERE city_id < ?1)
            OR EXISTS (SELECT 1 FROM search_docs WHERE city_id > ?1) AS other`,
    args: [cityIds[0]!],
  });
  return Number(other.rows[0]!.other) === 0;
}

/** The FTS5 expression: one of the cities (their token column), the filters' terms (filterMatch) if any,
 * and every word in the text columns. */
export function cityMatch(
  cityIds: readonly string[],
  tokens: readonly string[],
  columns: readonly string[] = textColumns,
  alone = false,
  terms: string | null = null,
): string {
  const parts: string[] = [];
  if (!alone) parts.push(`{city} : (${cityIds.map((id) => `"${cityToken(id)}"`).join(' OR ')})`);
  if (terms) parts.push(terms);
  if (tokens.length) parts.push(`{${columns.join(' ')}} : (${ftsQuery(tokens)})`);
  return parts.join(' AND ');
}

interface HitRow {
  city_id: string;
  id: string;
  created_by: string;
  name: string | null;
  title: string | null;
  url: string | null;
  site: string | null;
  excerpt: string | null;
  areas: string[] | null;
  tags: string[] | null;
  lang: string | null;
  visibility: string | null;
  clipped: string | null;
}

const jsonColumns = [
  'title',
  'url',
  'site',
  'excerpt',
  'areas',
  'tags',
  'lang',
  'visibility',
  'clipped',
] as const;

/** A value read as JSON text: parsed, its strings well-formed (an answer is JSON, so it must hold text). */
function jsonValue(json: string | null): unknown {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (typeof value === 'string') return toWellFormed(value);
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? toWellFormed(v) : v)) : value;
}

/** The hits of these practices, in the given order, with the author's name and the marked matches. */
export async function hits(
  db: Db,
  ids: readonly { cityId: string; id: string }[],
  tokens: readonly string[],
): Promise<(PracticeHit & { cityId: string })[]> {
  if (ids.length === 0) return [];
  // An IN list on the primary key (city_id, id); pairs are matched below, so a city's id never leaks across.
  const cities = [...new Set(ids.map((i) => i.cityId))];
  const rows = await db.$client.execute({
    // Each field as JSON text (`->`), parsed here: json_extract would give a stored lone-surrogate escape as
    // invalid UTF-8, on which the libSQL client panics and the process exits (issue 15).
    sql: `SELECT o.city_id, o.id, o.created_by, m.name,
            o.data -> '$.title' AS title, o.data -> '$.url' AS url,
            o.data -> '$.siteName' AS site, o.data -> '$.excerpt' AS excerpt,
            o.data -> '$.areas' AS areas, o.data -> '$.tags' AS tags,
            o.data -> '$.lang' AS lang, o.data -> '$.visibility' AS visibility,
            o.data -> '$.clippedAt' AS clipped
          FROM library_objects o LEFT JOIN members m ON m.id = o.created_by
          WHERE o.city_id IN (${cities.map(() => '?').join(', ')}) AND o.id IN (${ids.map(() => '?').join(', ')})
            AND o.kind = 'practice' AND o.deleted_at IS NULL`,
    args: [...cities, ...ids.map((i) => i.id)],
  });
  const byKey = new Map(
    rows.rows.map((r) => {
      const row: Record<string, unknown> = { ...(r as unknown as Record<string, string | null>) };
      for (const key of jsonColumns) row[key] = jsonValue(row[key] as string | null);
      return [`${row.city_id}/${row.id}`, row as unknown as HitRow];
    }),
  );
  return ids.flatMap(({ cityId, id }) => {
    const r = byKey.get(`${cityId}/${id}`);
    if (!r) return [];
    const title = r.title ?? '';
    const excerpt = r.excerpt ?? '';
    return [
      {
        cityId,
        id,
        title,
        url: r.url ?? '',
        siteName: r.site,
        excerpt,
        areas: r.areas ?? [],
        tags: r.tags ?? [],
        lang: r.lang,
        visibility: r.visibility === 'network' ? 'network' : 'city',
        clippedAt: r.clipped ?? '',
        createdBy: r.created_by,
        createdByName: r.name,
        titleMarks: markMatches(title, tokens),
        excerptMarks: markMatches(excerpt, tokens),
      },
    ];
  });
}
