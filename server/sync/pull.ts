// GET /api/sync/pull: everything that changed in the caller's city since a version, tombstones included, in
// pages that end on version boundaries (shared/sync/pull.ts). The library version is read first and the
// query bounded by it, so a push committing meanwhile shows up whole in the next pull, never half.
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Change, PullResponse } from '../../shared/api/sync.ts';
import { cutPage } from '../../shared/sync/pull.ts';
import type { Caller } from '../app-env.ts';
import type { AppCaches } from '../auth/caller-cache.ts';
import type { Db } from '../db/client.ts';
import { libraryObjects } from '../db/schema/index.ts';
import { ApiError } from '../errors.ts';
import { stakeholderFor } from '../stakeholders/contact-visibility.ts';

type Row = typeof libraryObjects.$inferSelect;

export async function pull(
  db: Db,
  caches: AppCaches,
  caller: Caller,
  since: number,
  limit: number,
): Promise<PullResponse> {
  const cityId = caller.city.id;
  // An up-to-date client gets its answer without an object query, from the cached library version (fresh
  // after this process's writes, at most the version TTL old after another process's). Any other cursor
  // reads the version from the database, so a page is never cut on a stale version.
  if (since === (await caches.libraryVersion(cityId))) return { version: since, changes: [], hasMore: false };
  const libraryVersion = await caches.readLibraryVersion(cityId);
  if (since === libraryVersion) return { version: since, changes: [], hasMore: false };
  if (since > libraryVersion) {
    throw new ApiError(
      409,
      'since_ahead',
      `since=${since} is ahead of the library version ${libraryVersion}; pull from 0`,
    );
  }
  const inCity = eq(libraryObjects.cityId, cityId);
  const rows = await db
    .select()
    .from(libraryObjects)
    .where(and(inCity, gt(libraryObjects.version, since), lte(libraryObjects.version, libraryVersion)))
    .orderBy(asc(libraryObjects.version), asc(libraryObjects.id))
    .limit(limit + 1);
  const page = cutPage(rows, limit, libraryVersion);
  const pageRows =
    page.wholeVersion === undefined
      ? page.rows
      : await db
          .select()
          .from(libraryObjects)
          .where(and(inCity, eq(libraryObjects.version, page.wholeVersion)))
          .orderBy(asc(libraryObjects.id));
  return { version: page.through, changes: pageRows.map((r) => toChange(r, caller)), hasMore: page.hasMore };
}

function toChange(row: Row, caller: Caller): Change {
  if (row.deletedAt)
    return { kind: row.kind, id: row.id, version: row.version, deleted: true, deletedAt: row.deletedAt };
  const object = {
    id: row.id,
    cityId: caller.city.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    deletedAt: null,
    version: row.version,
    ...row.data,
  };
  const visible = row.kind === 'stakeholder' ? stakeholderFor(caller, object) : object;
  return { kind: row.kind, id: row.id, version: row.version, deleted: false, object: visible };
}
