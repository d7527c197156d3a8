// Reading a city's stakeholders and the practices that link them, for the /api/stakeholders routes. Every
// query is scoped by the caller's city; an id of another city, of another kind or made up is simply absent.
import { and, eq, sql } from 'drizzle-orm';
import type { RankablePractice } from '../../shared/contacts/ranking.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import { materialise } from '../../shared/sync/object-state.ts';
import { toWellFormed } from '../../shared/well-formed.ts';
import type { Db } from '../db/client.ts';
import { libraryObjects } from '../db/schema/index.ts';
import { liveRows } from '../library/objects.ts';
import { stateFromRow } from '../sync/object-rows.ts';

type Reader = Pick<Db, 'select'>;
export type ObjectRow = typeof libraryObjects.$inferSelect;

/** The stakeholder row (tombstones included), or undefined. */
export async function stakeholderRow(db: Reader, cityId: string, id: string): Promise<ObjectRow | undefined> {
  const [row] = await db
    .select()
    .from(libraryObjects)
    .where(
      and(
        eq(libraryObjects.cityId, cityId),
        eq(libraryObjects.id, id),
        eq(libraryObjects.kind, 'stakeholder'),
      ),
    );
  return row;
}

export const stakeholderRecord = (row: ObjectRow): Stakeholder =>
  materialise(stateFromRow(row), row.cityId) as Stakeholder;

/** Every live stakeholder of the city, as records (read in slices of the byte budget: liveRows). */
export async function liveStakeholders(db: Reader, cityId: string): Promise<Stakeholder[]> {
  return (await liveRows(db, cityId, 'stakeholder')).map(stakeholderRecord);
}

/**
 * The live practices that link at least one stakeholder, with only what ranking needs: the practices'
 * Markdown (up to 2 MB each) stays in the database.
 */
export async function practiceLinks(db: Pick<Db, 'all'>, cityId: string) {
  const rows = await db.all<{
    id: string;
    title: string;
    url: string;
    areas: string;
    ids: string;
    at: string;
  }>(sql`
    SELECT id, data -> '$.title' AS title, data -> '$.url' AS url,
      json_extract(data, '$.areas') AS areas, json_extract(data, '$.stakeholderIds') AS ids,
      data -> '$.clippedAt' AS at
    FROM library_objects
    WHERE city_id = ${cityId} AND kind = 'practice' AND deleted_at IS NULL
      AND json_array_length(data, '$.stakeholderIds') > 0`);
  return rows.map((r): RankablePractice & { title: string; url: string } => ({
    id: r.id,
    // The texts are read as JSON (`->`): json_extract gives a stored lone-surrogate escape as invalid UTF-8,
    // on which the libSQL client panics (issue 15).
    title: jsonText(r.title),
    url: jsonText(r.url),
    areas: JSON.parse(r.areas ?? '[]'),
    stakeholderIds: JSON.parse(r.ids ?? '[]'),
    clippedAt: jsonText(r.at),
  }));
}

/** A string read as JSON text (`->`), well-formed; '' when absent or not a string. */
function jsonText(json: string | null): string {
  const value: unknown = json === null ? null : JSON.parse(json);
  return typeof value === 'string' ? toWellFormed(value) : '';
}
