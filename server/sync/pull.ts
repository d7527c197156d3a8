// GET /api/sync/pull: everything that changed in the caller's city since a version, tombstones included, in
// pages that end on version boundaries (shared/sync/pull.ts) and hold at most `limit` changes and about
// readBudgetBytes of stored JSON (a libSQL server refuses answers over 10 MB: server/db/bounded-reads.ts;
// one statement measures and reads, see readMeasured). The library version is read first and the
// query bounded by it, so a push committing meanwhile shows up whole in the next pull, never half.
// The answer is written as JSON text around each row's stored `data` text (already the object's JSON), so a
// page of 1,000 practices is never parsed and serialised again, and the merge clocks (`meta`) are not read
// at all: a first sync is mostly this route (bench/initial-sync.ts).
// Two options serve a metadata-first first sync (shared/sync/README.md): `omit: 'contentMarkdown'` leaves the
// page text out of every practice (SQLite's json_remove on the stored text, still no parse here), so a
// library is listed after a quarter of the bytes; `until` bounds the pull, so a client can walk again the
// range it pulled that way and fetch only what it is missing.
import type { Client } from '@libsql/client';
import type { Change, OmittableField } from '../../shared/api/sync.ts';
import type { Kind } from '../../shared/sync/kinds.ts';
import { cutPage, type VersionedRow } from '../../shared/sync/pull.ts';
import type { Caller } from '../app-env.ts';
import type { AppCaches } from '../auth/caller-cache.ts';
import { maxSliceRows, withShrinkingBudget } from '../db/bounded-reads.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { stakeholderFor } from '../stakeholders/contact-visibility.ts';
import { prunedThroughOf, resyncRequired } from './prune-history.ts';

/** A stored object as the pull reads it: the envelope, and `data` as the JSON text it is stored as. */
interface PulledRow {
  rowid: number;
  kind: Kind;
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  data: string;
}

export interface PullOptions {
  since: number;
  limit: number;
  /** Changes up to this version only (default: the library version). */
  until?: number;
  /** Left out of every practice sent. */
  omit?: OmittableField;
}

/** A pull's answer as JSON text, with the cursor to ask the next page from when there is one. */
export interface PulledPage {
  body: string;
  /** The page's version when more pages follow (the next pull's `since`); undefined on the last page. */
  next: number | undefined;
}

export async function pull(
  db: Db,
  caches: AppCaches,
  caller: Caller,
  options: PullOptions,
): Promise<PulledPage> {
  const { version, changes, hasMore } = await pullChanges(db, caches, caller, options);
  // The JSON text of a PullResponse, written around the changes' own texts.
  const body = `{"version":${version},"changes":[${changes}],"hasMore":${hasMore}}`;
  return { body, next: hasMore ? version : undefined };
}

/** The page: its version, its changes as JSON texts joined by commas, whether more follow. */
async function pullChanges(
  db: Db,
  caches: AppCaches,
  caller: Caller,
  { since, limit, until, omit }: PullOptions,
): Promise<{ version: number; changes: string; hasMore: boolean }> {
  const cityId = caller.city.id;
  const upToDate = { version: since, changes: '', hasMore: false };
  // An up-to-date client gets its answer without an object query, from the cached library version (fresh
  // after this process's writes, at most the version TTL old after another process's). Any other cursor
  // reads the version from the database, so a page is never cut on a stale version.
  if (since === (await caches.libraryVersion(cityId))) return upToDate;
  const libraryVersion = await caches.readLibraryVersion(cityId);
  if (since === libraryVersion) return upToDate;
  if (since > libraryVersion) {
    throw new ApiError(
      409,
      'since_ahead',
      `since=${since} is ahead of the library version ${libraryVersion}; pull from 0`,
    );
  }
  // Behind the pruned history, a page may miss deletions (server/sync/prune-history.ts): start again from 0.
  // A bounded pull (`until`: a text backfill) reads live practices only, which pruning leaves alone.
  if (since > 0 && until === undefined) {
    const prunedThrough = await prunedThroughOf(db, cityId);
    if (since < prunedThrough) throw resyncRequired(since, prunedThrough);
  }
  // A bounded pull (a backfill) ends where it was asked to; its bound is a version the client already has.
  const through = until === undefined ? libraryVersion : Math.min(until, libraryVersion);
  if (since === through) return upToDate;
  // The page: at most `limit` rows and `readBudgetBytes` of stored bytes (a libSQL server refuses an answer
  // over 10 MB: server/db/bounded-reads.ts), cut on version boundaries; `next` is the first row left out,
  // which tells the version the page must end before (cutPage drops or refetches that version).
  const range = { cityId, omit, where: 'version > ? and version <= ?', args: [since, through] };
  const { rows, next } = await withShrinkingBudget((budget) =>
    readMeasured(db.$client, range, limit, budget),
  );
  const page = cutPage<PulledRow | VersionedRow>(next ? [...rows, next] : rows, rows.length, through);
  const pageRows =
    page.wholeVersion === undefined
      ? (page.rows as PulledRow[])
      : await readWholeVersion(db.$client, cityId, page.wholeVersion, omit);
  const changes = pageRows
    .sort(byVersionThenId)
    .map((r) => changeJson(r, caller, omit))
    .join(',');
  return { version: page.through, changes, hasMore: page.hasMore };
}

/**
 * A page's order: by version, then id. Sorted here rather than by SQLite, which sorted whole rows (each with
 * its page text) in a temporary b-tree: measured on pages of 50 practices, 1.3 ms a query with the sort, 0.7
 * without. Ids are UUIDs (ASCII), so this order is SQLite's binary one.
 */
function byVersionThenId(a: PulledRow, b: PulledRow): number {
  return a.version - b.version || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Rows of one statement, in (version, rowid) order: those of the page (`rows`), then the first left out. */
interface MeasuredRead {
  rows: PulledRow[];
  /** The first row in order that did not fit (by count or bytes); absent when the range ended. */
  next?: VersionedRow;
}

interface Range {
  cityId: string;
  omit: OmittableField | undefined;
  /** Conditions on `version` (and `rowid`) after the city's. */
  where: string;
  args: number[];
}

/**
 * The range's first rows that fit in `maxRows` and `budget` stored bytes of what is sent (`data`, or `data`
 * without the omitted field), and the first one that does not, in one statement: the rows' sizes are summed
 * in order by a window over the (city_id, version) index's first `maxRows + 1` rows, then only the rows that
 * fit are read with their text. The first row is always read, however large (a page never stops before it).
 * Without `omit` the sizes are `octet_length(data)`, read from each record's header, and the texts are read
 * by rowid after the window (so the window's sort never holds them); with `omit` the shortened text is made
 * once and carried through (it is what must be measured, and it is small).
 */
async function readMeasured(
  client: Client,
  range: Range,
  maxRows: number,
  budget: number,
): Promise<MeasuredRead> {
  const scope = `city_id = ? and ${range.where}`;
  const columns = [
    'kind',
    'id',
    'version',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'deleted_at',
  ];
  const envelope = columns.join(', ');
  const fits = 'n <= ? and (n = 1 or upto <= ?)';
  const window = 'row_number() over w as n, sum(b) over w as upto';
  const order = 'window w as (order by version, r rows unbounded preceding)';
  const kept = 'n <= ? + 1 and (n <= 2 or upto - b <= ?)';
  const sql = range.omit
    ? `select n, r, ${envelope}, case when ${fits} then d end from (
         select *, ${window} from (
           select *, octet_length(d) as b from (
             select rowid as r, ${envelope},
               case when kind = 'practice' then json_remove(data, '$.${range.omit}') else data end as d
             from library_objects where ${scope} order by version, rowid limit ?)) ${order})
       where ${kept}`
    : `select s.n, s.r, ${columns.map((c) => `o.${c}`).join(', ')}, case when ${fits} then o.data end from (
         select r, version, b, ${window} from (
           select rowid as r, version, octet_length(data) as b from library_objects
           where ${scope} order by version, rowid limit ?) ${order}) s
       join library_objects o on o.rowid = s.r
       where ${kept}`;
  const result = await client.execute({
    sql,
    args: [maxRows, budget, range.cityId, ...range.args, maxRows + 1, maxRows, budget],
  });
  const rows: PulledRow[] = [];
  let next: VersionedRow | undefined;
  const all = [...result.rows].sort((a, b) => Number(a[0]) - Number(b[0]));
  for (const r of all) {
    if (r[10] === null) {
      next = { version: Number(r[4]) };
      break;
    }
    rows.push({
      rowid: Number(r[1]),
      kind: String(r[2]) as Kind,
      id: String(r[3]),
      version: Number(r[4]),
      createdAt: String(r[5]),
      createdBy: String(r[6]),
      updatedAt: String(r[7]),
      updatedBy: String(r[8]),
      deletedAt: r[9] === null ? null : String(r[9]),
      data: String(r[10]),
    });
  }
  return { rows, next };
}

/**
 * Every row of one version that alone holds more than a page (an erasure unlinking a contact from every
 * practice is one version): sent whole, as the protocol says, but read in slices of the byte budget.
 */
async function readWholeVersion(
  client: Client,
  cityId: string,
  version: number,
  omit: OmittableField | undefined,
): Promise<PulledRow[]> {
  const out: PulledRow[] = [];
  let after = -1;
  for (;;) {
    const range = { cityId, omit, where: 'version = ? and rowid > ?', args: [version, after] };
    const { rows, next } = await withShrinkingBudget((budget) =>
      readMeasured(client, range, maxSliceRows, budget),
    );
    out.push(...rows);
    if (!next || rows.length === 0) return out;
    after = rows.at(-1)!.rowid;
  }
}

/** A change as JSON text: the envelope's fields, then the stored data's (which win, as a spread would). */
function changeJson(row: PulledRow, caller: Caller, omit: OmittableField | undefined): string {
  const { kind, id, version } = row;
  if (row.deletedAt) {
    const change: Change = { kind, id, version, deleted: true, deletedAt: row.deletedAt };
    return JSON.stringify(change);
  }
  const envelope = {
    id,
    cityId: caller.city.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    deletedAt: null,
    version,
  };
  const data = row.data;
  const isObjectText = data.charCodeAt(0) === 123 && data.charCodeAt(data.length - 1) === 125; // { … }
  if (kind === 'stakeholder' || !isObjectText) {
    // Stakeholders may be redacted for this caller: built as objects.
    const object = { ...envelope, ...(JSON.parse(data) as Record<string, unknown>) };
    const visible = kind === 'stakeholder' ? stakeholderFor(caller, object) : object;
    const change: Change = {
      kind,
      id,
      version,
      deleted: false,
      ...(omit && kind === 'practice' ? { omitted: [omit] } : {}),
      object: visible,
    };
    return JSON.stringify(change);
  }
  const head = JSON.stringify(envelope);
  const fields = data.length > 2 ? `,${data.slice(1)}` : '}';
  const omitted = omit && kind === 'practice' ? `,"omitted":["${omit}"]` : '';
  return `{"kind":${JSON.stringify(kind)},"id":${JSON.stringify(id)},"version":${version},"deleted":false${omitted},"object":${head.slice(0, -1)}${fields}}`;
}
