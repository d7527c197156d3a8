// Prunes the sync history past a horizon (default 30 days; SYNC_HORIZON_DAYS, createApp's `history`), which
// otherwise grows forever: processed mutation ids (~290 B per mutation), tombstones (every first sync
// downloaded them all) and, lazily, removed set elements (server/sync/past-horizon.ts). Bounded per run; the
// app runs it after pushes at most once an interval (history-job.ts), the operator with `npm run admin --
// prune`. Shared/sync/README.md ("History horizon") says what a client behind the horizon gets.
//
// Which versions are past the horizon comes from the processed mutations themselves: each records the server
// time of its push (created_at) and a version the library had then (object_version: the commit's for an
// applied one, the object's for the others). So when the records older than the horizon are deleted, the
// highest such version of each city is a version every change at or below which was committed before the
// horizon: the city's prune point moves up to it (cities.pruned_through_version). Tombstones at or below the
// prune point are then deleted (the partial index library_objects_tombstones_idx finds them), never past the
// city's search index (which learns of deletions from the tombstones it has not read yet: search-index.ts).
// A pull from a cursor in (0, prune point) may miss a deletion, so it answers 410 resync_required (pull.ts).
//
// Space: freed pages are reused by later writes. The embedded file is also shrunk (PRAGMA incremental_vacuum,
// auto_vacuum=INCREMENTAL set by db/auto-vacuum.ts); a libSQL server refuses VACUUM and both pragmas, so there
// its file stops growing but does not shrink (server/README.md).
import type { Client } from '@libsql/client';
import { forgetRemoved } from '../../shared/sync/forget-removed.ts';
import type { Kind } from '../../shared/sync/kinds.ts';
import type { ObjectState } from '../../shared/sync/object-state.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { metaJson } from './push-sql.ts';

export const defaultHorizonDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

export interface PruneOptions {
  nowMs: number;
  /** Default 30 days. */
  horizonMs?: number;
  /** Most processed records and most tombstones deleted per run (default 5,000 each). */
  batch?: number;
  /** Most free pages the embedded file gives back per run (default 25,600: 100 MB of 4 KB pages). */
  vacuumPages?: number;
}

export interface PruneReport {
  processed: number;
  tombstones: number;
  /** Cities whose prune point moved. */
  cities: number;
  /** Free pages given back to the file system (embedded file only). */
  pagesFreed: number;
  /** True when a run stopped at its bounds: running again prunes more. */
  more: boolean;
}

export const horizonMsOf = (days: number) => days * dayMs;

export async function pruneHistory(db: Db, options: PruneOptions): Promise<PruneReport> {
  const client = db.$client;
  const batch = options.batch ?? 5000;
  const cutoff = new Date(
    options.nowMs - (options.horizonMs ?? horizonMsOf(defaultHorizonDays)),
  ).toISOString();
  const processed = await pruneProcessed(client, cutoff, batch);
  const tombstones = await pruneTombstones(client, batch);
  const pagesFreed = await giveBackFreePages(client, options.vacuumPages ?? 25_600);
  return {
    processed: processed.deleted,
    tombstones,
    cities: processed.cities,
    pagesFreed,
    more: processed.more || tombstones === batch,
  };
}

/**
 * The oldest processed records, in insertion order (rowid), up to the first one younger than the horizon:
 * at most `batch` rows read, never a scan of the table (created_at has no index, and needs none). Deleted in
 * one transaction with the prune points they move.
 */
async function pruneProcessed(client: Client, cutoff: string, batch: number) {
  const oldest = await client.execute({
    sql: 'select rowid, city_id, object_version, created_at from processed_mutations order by rowid limit ?',
    args: [batch],
  });
  const through = new Map<string, number>();
  let lastRowid: number | undefined;
  let count = 0;
  for (const r of oldest.rows) {
    if (String(r[3]) >= cutoff) break;
    lastRowid = Number(r[0]);
    count++;
    const city = String(r[1]);
    through.set(city, Math.max(through.get(city) ?? 0, Number(r[2])));
  }
  if (lastRowid === undefined) return { deleted: 0, cities: 0, more: false };
  const results = await client.batch(
    [
      {
        sql: 'delete from processed_mutations where rowid <= ? and created_at < ?',
        args: [lastRowid, cutoff],
      },
      ...[...through].map(([city, version]) => ({
        sql: `update cities set pruned_through_version = min(?, library_version)
              where id = ? and pruned_through_version < min(?, library_version)`,
        args: [version, city, version],
      })),
    ],
    'write',
  );
  const moved = results.slice(1).filter((r) => r.rowsAffected > 0).length;
  return { deleted: results[0]!.rowsAffected, cities: moved, more: count === batch };
}

/** Tombstones at or below each city's prune point and already read by its search index. */
async function pruneTombstones(client: Client, batch: number): Promise<number> {
  const result = await client.execute({
    sql: `delete from library_objects where rowid in (
            select o.rowid from cities c
            left join search_index_state s on s.city_id = c.id
            join library_objects o on o.city_id = c.id and o.deleted_at is not null
              and o.version <= min(c.pruned_through_version, coalesce(s.indexed_version, c.pruned_through_version))
            where c.pruned_through_version > 0
            limit ?)`,
    args: [batch],
  });
  return result.rowsAffected;
}

/** The embedded file's free pages given back (auto_vacuum=INCREMENTAL), then the log truncated. */
async function giveBackFreePages(client: Client, pages: number): Promise<number> {
  if (client.protocol !== 'file') return 0;
  const mode = await client.execute('PRAGMA auto_vacuum');
  if (Number(mode.rows[0]?.[0]) !== 2) return 0;
  const before = Number((await client.execute('PRAGMA freelist_count')).rows[0]?.[0] ?? 0);
  if (before === 0) return 0;
  // executeMultiple: through execute() the pragma's statement is left unfinished (db/auto-vacuum.ts).
  await client.executeMultiple(`PRAGMA incremental_vacuum(${Math.max(1, Math.floor(pages))});`);
  const after = Number((await client.execute('PRAGMA freelist_count')).rows[0]?.[0] ?? 0);
  try {
    // The file shrinks when the log is checkpointed into it.
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch {
    // A busy checkpoint is retried by SQLite's automatic checkpoints.
  }
  return before - after;
}

/** The city's prune point: a pull from a cursor in (0, it) must start again from 0. */
export async function prunedThroughOf(db: Db, cityId: string): Promise<number> {
  const result = await db.$client.execute({
    sql: 'select pruned_through_version from cities where id = ?',
    args: [cityId],
  });
  return Number(result.rows[0]?.[0] ?? 0);
}

/** 410 for a cursor behind the prune point (shared/sync/README.md, "History horizon"). */
export function resyncRequired(since: number, prunedThrough: number): ApiError {
  return new ApiError(
    410,
    'resync_required',
    `since=${since} is behind the pruned history (through version ${prunedThrough}); pull from 0 and keep your unsent changes`,
  );
}

/**
 * Every stored object's removals at or below its city's prune point forgotten (shared/sync/forget-removed.ts),
 * not only those of objects a push writes: a scan of the whole table, for the operator (`npm run admin --
 * prune`), in rowid order, `batch` rows a transaction. Answers how many objects' meta got smaller.
 */
export async function forgetRemovedEverywhere(db: Db, batch = 500): Promise<number> {
  const client = db.$client;
  let after = 0;
  let changed = 0;
  for (;;) {
    const rows = await client.execute({
      sql: `select o.rowid, o.kind, o.meta, c.pruned_through_version from library_objects o
            join cities c on c.id = o.city_id
            where o.rowid > ? and c.pruned_through_version > 0 and o.deleted_at is null
              and o.meta like '%"present":false%'
            order by o.rowid limit ?`,
      args: [after, batch],
    });
    if (rows.rows.length === 0) return changed;
    const updates = [];
    for (const r of rows.rows) {
      after = Number(r[0]);
      const meta = JSON.parse(String(r[2])) as { clocks?: ObjectState['clocks']; sets?: ObjectState['sets'] };
      const state = metaState(String(r[1]) as Kind, meta);
      const forgotten = forgetRemoved(state, Number(r[3]));
      if (!forgotten) continue;
      updates.push({
        sql: 'update library_objects set meta = ? where rowid = ?',
        args: [metaJson({ clocks: forgotten.clocks, sets: forgotten.sets }), after],
      });
    }
    if (updates.length > 0) await client.batch(updates, 'write');
    changed += updates.length;
  }
}

/** Enough of a merge state for forgetRemoved: the kind, the clocks and the sets. */
function metaState(kind: Kind, meta: { clocks?: ObjectState['clocks']; sets?: ObjectState['sets'] }) {
  return {
    kind,
    id: '',
    version: 0,
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
    deletedAt: null,
    fields: {},
    clocks: meta.clocks ?? {},
    sets: meta.sets ?? {},
  } satisfies ObjectState;
}
