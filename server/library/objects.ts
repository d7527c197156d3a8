// Reading library objects as the records clients see (shared/schemas), for the dashboard's practice page,
// exports and reports. Every read is scoped by city; tombstones are never returned.
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { materialise } from '../../shared/sync/object-state.ts';
import { readInSlices } from '../db/bounded-reads.ts';
import type { Db } from '../db/client.ts';
import { libraryObjects, members } from '../db/schema/index.ts';
import { stateFromRow } from '../sync/object-rows.ts';

type Kind = (typeof libraryObjects.$inferSelect)['kind'];

/** Live objects of one kind in the city, optionally narrowed further, as records. */
export async function liveObjects<T>(db: Db, cityId: string, kind: Kind, where?: SQL): Promise<T[]> {
  return (await liveRows(db, cityId, kind, where)).map((r) => materialise(stateFromRow(r), r.cityId) as T);
}

/**
 * The stored rows of liveObjects, measured first and read in slices of the byte budget
 * (server/db/bounded-reads.ts): a city's practices with their page texts are far over what a libSQL server
 * answers at once.
 */
export async function liveRows(
  db: Pick<Db, 'select'>,
  cityId: string,
  kind: Kind,
  where?: SQL,
): Promise<(typeof libraryObjects.$inferSelect)[]> {
  const scope = and(
    eq(libraryObjects.cityId, cityId),
    eq(libraryObjects.kind, kind),
    isNull(libraryObjects.deletedAt),
    where,
  );
  const sizes = await db
    .select({
      id: libraryObjects.id,
      bytes: sql<number>`octet_length(${libraryObjects.data}) + octet_length(${libraryObjects.meta})`,
    })
    .from(libraryObjects)
    .where(scope);
  return readInSlices(
    sizes,
    (s) => Number(s.bytes),
    (slice) =>
      db
        .select()
        .from(libraryObjects)
        .where(
          and(
            scope,
            inArray(
              libraryObjects.id,
              slice.map((s) => s.id),
            ),
          ),
        ),
  );
}

/** Names of the city's members by id (disabled members included: they still authored practices). */
export async function memberNames(
  db: Db,
  cityId: string,
  ids?: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(ids ? and(eq(members.cityId, cityId), inArray(members.id, [...ids])) : eq(members.cityId, cityId));
  return new Map(rows.map((r) => [r.id, r.name]));
}
