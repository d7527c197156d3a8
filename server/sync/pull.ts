// GET /api/sync/pull: everything that changed in the caller's city since a version, tombstones included, in
// pages that end on version boundaries (shared/sync/pull.ts). The library version is read first and the
// query bounded by it, so a push committing meanwhile shows up whole in the next pull, never half.
// The answer is written as JSON text around each row's stored `data` text (already the object's JSON), so a
// page of 1,000 practices is never parsed and serialised again, and the merge clocks (`meta`) are not read
// at all: a first sync is mostly this route (bench/initial-sync.ts).
// Two options serve a metadata-first first sync (shared/sync/README.md): `omit: 'contentMarkdown'` leaves the
// page text out of every practice (SQLite's json_remove on the stored text, still no parse here), so a
// library is listed after a quarter of the bytes; `until` bounds the pull, so a client can walk again the
// range it pulled that way and fetch only what it is missing.
import type { Client, Row as SqlRow } from '@libsql/client';
import type { Change, OmittableField } from '../../shared/api/sync.ts';
import type { Kind } from '../../shared/sync/kinds.ts';
import { cutPage } from '../../shared/sync/pull.ts';
import type { Caller } from '../app-env.ts';
import type { AppCaches } from '../auth/caller-cache.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { stakeholderFor } from '../stakeholders/contact-visibility.ts';

/** A stored object as the pull reads it: the envelope, and `data` as the JSON text it is stored as. */
interface PulledRow {
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
  // A bounded pull (a backfill) ends where it was asked to; its bound is a version the client already has.
  const through = until === undefined ? libraryVersion : Math.min(until, libraryVersion);
  if (since === through) return upToDate;
  // Ordered by version only, as the index gives it: the page is cut on version boundaries, so which rows of
  // the version the limit cuts through come first does not matter (cutPage drops or refetches that version).
  const rows = await select(
    db.$client,
    'city_id = ? and version > ? and version <= ? order by version limit ?',
    [cityId, since, through, limit + 1],
    omit,
  );
  const page = cutPage(rows, limit, through);
  const pageRows =
    page.wholeVersion === undefined
      ? page.rows
      : await select(db.$client, 'city_id = ? and version = ?', [cityId, page.wholeVersion], omit);
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

async function select(
  client: Client,
  where: string,
  args: (string | number)[],
  omit: OmittableField | undefined,
): Promise<PulledRow[]> {
  // The stored text is compact JSON (JSON.stringify); json_remove keeps it so, keys in their order.
  const data = omit
    ? `case when kind = 'practice' then json_remove(data, '$.${omit}') else data end`
    : 'data';
  const result = await client.execute({
    sql: `select kind, id, version, created_at, created_by, updated_at, updated_by, deleted_at, ${data} from library_objects where ${where}`,
    args,
  });
  return result.rows.map((r: SqlRow) => ({
    kind: String(r[0]) as Kind,
    id: String(r[1]),
    version: Number(r[2]),
    createdAt: String(r[3]),
    createdBy: String(r[4]),
    updatedAt: String(r[5]),
    updatedBy: String(r[6]),
    deletedAt: r[7] === null ? null : String(r[7]),
    data: String(r[8]),
  }));
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
