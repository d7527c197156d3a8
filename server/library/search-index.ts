// Keeps a city's search index (migration 0004: search_docs, search_doc_areas, search_fts) up to date by
// catching up from the library version before a search or an aggregate, instead of triggers on
// library_objects: pushes pay nothing, and a read after N changed objects indexes those N objects, found
// through the (city_id, version) index. The pre-counted aggregates (search_counts, migration 0005) change in
// the same step. A deleted practice (tombstone, erasure) leaves the index at the next
// catch-up, before any search can answer. A changed highlight re-indexes its practice.
//
// The indexed text is folded by shared/search/fold.ts before FTS5 sees it, so the server and the extension's
// offline search split and fold words identically (œ → oe, ß → ss, which unicode61 alone does not do).
import type { InStatement, Row, Transaction } from '@libsql/client';
import { foldText, searchableContentChars } from '../../shared/search/fold.ts';
import { findIndexArea } from '../../shared/taxonomy/index.ts';
import { toWellFormed } from '../../shared/well-formed.ts';
import { readBudgetBytes, sliceByBytes, withShrinkingBudget } from '../db/bounded-reads.ts';
import type { Db } from '../db/client.ts';

/** Objects read per catch-up step (each step its own short write transaction, so pushes are not held up). */
const stepRows = 1000;
/** The separator of the stored tag list: a tag never holds a control character. */
export const tagSeparator = '\u001f';

const inflight = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Brings the city's search index up to its library version. Concurrent calls share one catch-up. `budget`:
 * the stored bytes a step reads at most (default readBudgetBytes; tests pass more than a server answers).
 */
export function catchUpSearchIndex(
  db: Db,
  cityId: string,
  { budget = readBudgetBytes }: { budget?: number } = {},
): Promise<void> {
  let byCity = inflight.get(db.$client);
  if (!byCity) {
    byCity = new Map();
    inflight.set(db.$client, byCity);
  }
  const running = byCity.get(cityId);
  if (running) return running;
  const map = byCity;
  const work = catchUp(db, cityId, budget).finally(() => map.delete(cityId));
  map.set(cityId, work);
  return work;
}

/**
 * Catches up every city's index, one city after another: the server starts this in the background
 * (server/main.ts), so the index of a library that was never indexed (after the upgrade that added search, or
 * a restored database) is built before members search rather than by the first search. A search or
 * aggregate arriving meanwhile waits for its city's catch-up (the same promise), then answers in full: no
 * partial results. Ends with `PRAGMA optimize` on an embedded file, so the planner has statistics for the new
 * tables.
 */
export async function catchUpAllSearchIndexes(db: Db): Promise<{ cities: number; ms: number }> {
  const started = performance.now();
  const cities = await db.$client.execute('SELECT id FROM cities ORDER BY id');
  for (const row of cities.rows) {
    // One city's failure is logged, not the end of the others' (this runs at every start: issue 15).
    await catchUpSearchIndex(db, String(row.id)).catch((error) =>
      console.error(`Search index: catching up city ${String(row.id)} failed`, error),
    );
  }
  // A libSQL server refuses the pragma (SQL_PARSE_ERROR "unsupported statement"): the embedded file only.
  if (db.$client.protocol === 'file') await db.$client.execute('PRAGMA optimize');
  return { cities: cities.rows.length, ms: performance.now() - started };
}

async function catchUp(db: Db, cityId: string, budget: number): Promise<void> {
  const client = db.$client;
  const state = await client.execute({
    sql: `SELECT c.library_version AS v, s.indexed_version AS i
          FROM cities c LEFT JOIN search_index_state s ON s.city_id = c.id WHERE c.id = ?`,
    args: [cityId],
  });
  const row = state.rows[0];
  if (!row) return;
  if (Number(row.i ?? -1) >= Number(row.v)) return;
  // A libSQL server that refuses an answer as too large also closes the transaction it came in: the step is
  // tried again from its start, in a new transaction, with a quarter of the budget (withShrinkingBudget).
  const stepWithin = async (stepBudget: number) => {
    const tx = await client.transaction('write');
    try {
      const done = await step(tx, cityId, stepBudget);
      await tx.commit();
      return done;
    } finally {
      tx.close();
    }
  };
  while (!(await withShrinkingBudget(stepWithin, { budget }))) {}
}

/** Indexes the next slice of changed objects; true when the index has reached the library version. */
async function step(tx: Transaction, cityId: string, budget: number): Promise<boolean> {
  const state = await tx.execute({
    sql: `SELECT c.library_version AS v, s.indexed_version AS i
          FROM cities c LEFT JOIN search_index_state s ON s.city_id = c.id WHERE c.id = ?`,
    args: [cityId],
  });
  const libraryVersion = Number(state.rows[0]!.v);
  const indexed = Number(state.rows[0]!.i ?? -1);
  if (indexed >= libraryVersion) return true;

  // The highest version of this slice: the version of the `stepRows`-th changed object, or of the first one
  // past `budget` bytes of stored data (all of its own version either way), so a step's transaction stays
  // short and its reads stay under a libSQL server's answer limit (server/db/bounded-reads.ts).
  const sizes = await tx.execute({
    sql: `SELECT version, octet_length(data) AS b FROM library_objects WHERE city_id = ? AND version > ?
          ORDER BY version LIMIT ${stepRows}`,
    args: [cityId, indexed],
  });
  let upTo = libraryVersion;
  let bytes = 0;
  for (const [i, r] of sizes.rows.entries()) {
    bytes += Number(r.b);
    if (bytes > budget || i === stepRows - 1) {
      upTo = Math.min(Number(r.version), libraryVersion);
      break;
    }
  }

  const changed = await tx.execute({
    sql: `SELECT id, kind, parent_id, deleted_at FROM library_objects
          WHERE city_id = ? AND version > ? AND version <= ? AND kind IN ('practice', 'highlight')`,
    args: [cityId, indexed, upTo],
  });
  const practiceIds = new Set<string>();
  const orphans: string[] = [];
  for (const r of changed.rows) {
    if (r.kind === 'practice') practiceIds.add(String(r.id));
    else if (r.parent_id) practiceIds.add(String(r.parent_id));
    else orphans.push(String(r.id));
  }
  // A deleted highlight's tombstone no longer names its practice: find it by the highlights indexed with it.
  for (const id of orphans) {
    const owners = await tx.execute({
      sql: 'SELECT practice_id FROM search_docs WHERE city_id = ? AND instr(highlight_ids, ?) > 0',
      args: [cityId, id],
    });
    for (const o of owners.rows) practiceIds.add(String(o.practice_id));
  }
  if (practiceIds.size > 0) await reindex(tx, cityId, [...practiceIds], budget);
  await tx.execute({
    sql: `INSERT INTO search_index_state (city_id, indexed_version) VALUES (?, ?)
          ON CONFLICT (city_id) DO UPDATE SET indexed_version = excluded.indexed_version`,
    args: [cityId, upTo],
  });
  return upTo >= libraryVersion;
}

export interface PracticeData {
  title?: string;
  excerpt?: string;
  note?: string;
  tags?: string[];
  areas?: string[];
  siteName?: string | null;
  byline?: string | null;
  contentMarkdown?: string;
  lang?: string | null;
  visibility?: string;
  clippedAt?: string;
}

/** A string column read with `->` (JSON text, or null), as a string; '' for anything else. */
function jsonString(json: unknown): string {
  if (typeof json !== 'string') return '';
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? toWellFormed(value) : '';
  } catch {
    return '';
  }
}

/**
 * A stored practice's data as the index reads it: strings and lists of strings where it expects them (anything
 * else left out), every string well-formed. Null, logged, when the text is not a JSON object: one bad row
 * is left out of the index and the catch-up goes on, since the server starts one at every start (issue 15).
 */
export function practiceData(cityId: string, id: string, data: unknown): PracticeData | null {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(String(data));
  } catch {
    // Not JSON: left out below.
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    console.error(`Search index: practice ${id} of city ${cityId} left out: its data is not a JSON object`);
    return null;
  }
  const raw = parsed as Record<string, unknown>;
  const out: PracticeData = {};
  const text = (v: unknown) => (typeof v === 'string' ? toWellFormed(v) : undefined);
  const list = (v: unknown) =>
    Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string').map(toWellFormed) : undefined;
  for (const key of ['title', 'excerpt', 'note', 'contentMarkdown', 'visibility', 'clippedAt'] as const)
    out[key] = text(raw[key]);
  for (const key of ['siteName', 'byline', 'lang'] as const) out[key] = text(raw[key]) ?? null;
  out.tags = list(raw.tags);
  out.areas = list(raw.areas);
  return out;
}

/** Replaces the index rows of these practices by their current state (none for a deleted one). */
async function reindex(tx: Transaction, cityId: string, ids: string[], budget: number): Promise<void> {
  const marks = ids.map(() => '?').join(', ');
  const existing = await tx.execute({
    sql: `SELECT rowid FROM search_docs WHERE city_id = ? AND practice_id IN (${marks})`,
    args: [cityId, ...ids],
  });
  const statements: InStatement[] = [];
  // Changes to the pre-counted aggregates (migration 0005, search_counts), keyed `kind \0 key \0 day`.
  const deltas = new Map<string, number>();
  const count = (kind: string, key: string, clippedAt: string, by: number) => {
    const k = `${kind}\u0000${key}\u0000${clippedAt.slice(0, 10)}`;
    deltas.set(k, (deltas.get(k) ?? 0) + by);
  };
  if (existing.rows.length > 0) {
    const rowids = existing.rows.map((r) => Number(r.rowid));
    const list = rowids.join(', ');
    const old = await tx.execute(`SELECT created_by, clipped_at FROM search_docs WHERE rowid IN (${list})`);
    for (const r of old.rows) count('member', String(r.created_by), String(r.clipped_at), -1);
    const oldAreas = await tx.execute(
      `SELECT area_id, clipped_at FROM search_doc_areas WHERE doc IN (${list})`,
    );
    for (const r of oldAreas.rows) count('area', String(r.area_id), String(r.clipped_at), -1);
    statements.push(
      `DELETE FROM search_fts WHERE rowid IN (${list})`,
      `DELETE FROM search_doc_areas WHERE doc IN (${list})`,
      `DELETE FROM search_docs WHERE rowid IN (${list})`,
    );
  }
  // The practices' texts in slices of the byte budget: one version may hold thousands of practices.
  const liveSizes = await tx.execute({
    sql: `SELECT id, octet_length(data) AS b FROM library_objects
          WHERE city_id = ? AND kind = 'practice' AND deleted_at IS NULL AND id IN (${marks})`,
    args: [cityId, ...ids],
  });
  // No halving on a refusal here (readInSlices): a libSQL server closes the transaction it refused an answer
  // in, so catchUp runs the step again with a smaller budget instead.
  const live: Row[] = [];
  for (const slice of sliceByBytes(liveSizes.rows, (r) => Number(r.b), { budget })) {
    const read = await tx.execute({
      sql: `SELECT id, created_by, data FROM library_objects WHERE city_id = ? AND id IN (${slice.map(() => '?').join(', ')})`,
      args: [cityId, ...slice.map((r) => String(r.id))],
    });
    live.push(...read.rows);
  }
  const quotes = new Map<string, string[]>();
  const highlightIds = new Map<string, string[]>();
  if (live.length > 0) {
    const hl = await tx.execute({
      // `->` (the value as JSON text), not json_extract: a stored lone-surrogate escape would come out of
      // json_extract as invalid UTF-8, on which the libSQL client panics (issue 15); JSON.parse takes the escape.
      sql: `SELECT id, parent_id, data -> '$.quote.exact' AS exact FROM library_objects
            WHERE city_id = ? AND kind = 'highlight' AND deleted_at IS NULL AND parent_id IN (${marks})`,
      args: [cityId, ...ids],
    });
    for (const h of hl.rows) {
      const list = quotes.get(String(h.parent_id)) ?? [];
      list.push(jsonString(h.exact));
      quotes.set(String(h.parent_id), list);
      const hids = highlightIds.get(String(h.parent_id)) ?? [];
      hids.push(String(h.id));
      highlightIds.set(String(h.parent_id), hids);
    }
  }
  const top = await tx.execute('SELECT coalesce(max(rowid), 0) AS m FROM search_docs');
  let next = Number(top.rows[0]!.m) + 1;
  for (const r of live) {
    const id = String(r.id);
    const p = practiceData(cityId, id, r.data);
    if (!p) continue;
    const doc = next++;
    const clippedAt = normaliseInstant(p.clippedAt);
    const tags = p.tags ?? [];
    const areas = p.areas ?? [];
    statements.push({
      sql: `INSERT INTO search_docs (rowid, city_id, practice_id, created_by, clipped_at, lang, visibility, tags,
            highlight_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        doc,
        cityId,
        id,
        String(r.created_by),
        clippedAt,
        p.lang ? p.lang.toLowerCase() : null,
        p.visibility === 'network' ? 'network' : 'city',
        tagKey(tags),
        (highlightIds.get(id) ?? []).join(' '),
      ],
    });
    count('member', String(r.created_by), clippedAt, 1);
    for (const area of new Set(areas)) {
      count('area', area, clippedAt, 1);
      statements.push({
        sql: 'INSERT INTO search_doc_areas (city_id, area_id, doc, clipped_at) VALUES (?, ?, ?, ?)',
        args: [cityId, area, doc, clippedAt],
      });
    }
    statements.push({
      sql: `INSERT INTO search_fts (rowid, title, tags, areas, body, highlights, site, content, city)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [doc, ...searchColumns(p, quotes.get(id) ?? []), filterTokens(cityId, p, clippedAt)],
    });
  }
  for (const [k, by] of deltas) {
    if (by === 0) continue;
    const [kind, key, day] = k.split('\u0000') as [string, string, string];
    statements.push({
      sql: `INSERT INTO search_counts (city_id, kind, key, day, n) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (city_id, kind, key, day) DO UPDATE SET n = n + excluded.n`,
      args: [cityId, kind, key, day, by],
    });
    if (by < 0)
      statements.push({
        sql: 'DELETE FROM search_counts WHERE city_id = ? AND kind = ? AND key = ? AND day = ? AND n <= 0',
        args: [cityId, kind, key, day],
      });
  }
  if (statements.length > 0) await tx.batch(statements);
}

/** The searchable FTS columns, in order; the last FTS column, `city`, holds the city's and the filters' tokens
 * (filterTokens). */
export const textColumns = ['title', 'tags', 'areas', 'body', 'highlights', 'site', 'content'] as const;

/** The city as one FTS token (letters and digits), so a search is narrowed to its cities inside the index. */
export const cityToken = (cityId: string) => `city${cityId.toLowerCase().replace(/[^a-z0-9]/g, '')}`;

/** A filter value as one FTS token of the last column: a prefix, then the value's letters and digits. Two
 * values may share a token (a hyphen dropped): the token only narrows, filters.ts checks the exact value. */
const token = (prefix: string, value: string) => `${prefix}${value.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
export const areaToken = (areaId: string) => token('area', areaId);
export const visibilityToken = (visibility: string) => token('vis', visibility);
/** The language's first subtag (`fr` for `fr-BE`), so a `lang=fr` filter finds `fr-BE` too. */
export const langToken = (lang: string) => token('lang', lang.split('-')[0] ?? '');
export const yearToken = (year: string) => token('y', year);
export const monthToken = (yearMonth: string) => token('m', yearMonth);
/** Held by a practice whose clippedAt is not an ISO instant, so a date filter's tokens never drop it. */
export const undatedToken = 'undated';

/**
 * The last FTS column (weight 0, never searched for words): the city's token and the practice's filter values
 * (Index areas, visibility, language's first subtag, year and month of clippedAt in UTC), so the filters of a
 * search with words are FTS terms, intersected with the words' matches inside the index instead of checked on
 * each match (a common word matches tens of thousands of practices). Changing these tokens needs a
 * re-index: a custom migration resetting search_index_state (0006).
 */
export function filterTokens(cityId: string, p: PracticeData, clippedAt: string): string {
  const out = [cityToken(cityId), visibilityToken(p.visibility === 'network' ? 'network' : 'city')];
  for (const area of new Set(p.areas ?? [])) out.push(areaToken(area));
  if (p.lang) out.push(langToken(p.lang));
  if (/^\d{4}-\d{2}-\d{2}T/.test(clippedAt))
    out.push(yearToken(clippedAt.slice(0, 4)), monthToken(clippedAt.slice(0, 7)));
  else out.push(undatedToken);
  return out.join(' ');
}

/** The FTS columns of a practice, folded: title, tags, area labels (EN and FR), excerpt and note,
 * highlighted passages, site and byline, content. Weights are in search.ts. */
export function searchColumns(p: PracticeData, quotes: readonly string[]): string[] {
  const areaLabels = (p.areas ?? []).map((id) => {
    const area = findIndexArea(id);
    return area ? `${area.en} ${area.fr}` : id;
  });
  return [
    p.title ?? '',
    (p.tags ?? []).join(' '),
    areaLabels.join(' '),
    `${p.excerpt ?? ''} ${p.note ?? ''}`,
    quotes.join(' '),
    `${p.siteName ?? ''} ${p.byline ?? ''}`,
    (p.contentMarkdown ?? '').slice(0, searchableContentChars),
  ].map(foldText);
}

/** Tags as stored for filtering: lower-cased, each between separators. */
export const tagKey = (tags: readonly string[]) =>
  `${tagSeparator}${tags.map((t) => t.toLocaleLowerCase()).join(tagSeparator)}${tagSeparator}`;

/** An ISO instant in UTC (`…Z`), so stored dates compare as strings; unparsable values kept as given. */
function normaliseInstant(value: string | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
