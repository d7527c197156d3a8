// Fills a city library straight into the database, in the server's own row format: each practice goes
// through the server's merge (applyMutation, the step the push route runs for a creation) and its row
// mapping (rowFromState), JSON-encoded as drizzle encodes its json columns, then multi-row inserts with the
// bare client — the push route's result without HTTP, validation and query building, so 100,000 practices
// take seconds rather than minutes. Like pushes of 50, every 50 objects share one library
// version, and each creation leaves its processed-mutation record, as the push route would.
import type { InValue } from '@libsql/client';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { cities } from '../../server/db/schema/index.ts';
import { rowFromState } from '../../server/sync/object-rows.ts';
import { applyMutation } from '../../shared/sync/merge.ts';
import { creationMutation } from './practices.ts';

export const objectsPerVersion = 50;
/** Rows per INSERT: 12 columns × 400 stays under SQLite's 32,766 bound parameters. */
const rowsPerStatement = 400;
/** Rows per transaction: big enough to be fast, small enough to keep memory flat at 100,000. */
const rowsPerTransaction = 5_000;

const objectColumns = {
  table: 'library_objects',
  columns:
    'city_id, id, kind, version, parent_id, created_at, created_by, updated_at, updated_by, deleted_at, data, meta',
  count: 12,
};
const processedColumns = {
  table: 'processed_mutations',
  columns: 'city_id, id, member_id, object_id, status, object_version, conflicts, created_at',
  count: 8,
};

function insert(into: typeof objectColumns, rows: InValue[][]) {
  const tuple = `(${Array(into.count).fill('?').join(', ')})`;
  return {
    sql: `INSERT INTO ${into.table} (${into.columns}) VALUES ${rows.map(() => tuple).join(', ')}`,
    args: rows.flat(),
  };
}

export interface SeedTarget {
  db: Db;
  cityId: string;
  memberId: string;
  clientId?: string;
}

/**
 * Adds `count` practices to the city by seeding `distinct` of them (seedPractices) and copying those inside
 * SQLite until there are `count`: each copy gets a new UUID (the original's time-ordered first half, a
 * counter for the rest) and later versions, the same data. For libraries too big to generate row by row in
 * a bench's time; the rows are as valid as their originals. Returns the new library version.
 */
export async function seedManyPractices(target: SeedTarget, count: number, distinct = 2000): Promise<number> {
  const { db, cityId } = target;
  if (count <= distinct) return seedPractices(target, count);
  const [city] = await db.select({ v: cities.libraryVersion }).from(cities).where(eq(cities.id, cityId));
  const from = city!.v;
  const through = await seedPractices(target, distinct);
  const span = through - from;
  const copies = Math.ceil(count / distinct) - 1;
  const tx = await db.$client.transaction('write');
  try {
    for (let k = 1; k <= copies; k++) {
      const rows = Math.min(distinct, count - k * distinct);
      const newId = (column: string) => `substr(${column}, 1, 24) || printf('%012x', ${k})`;
      const args = [cityId, from, through, rows];
      await tx.execute({
        sql: `INSERT INTO library_objects (${objectColumns.columns})
          SELECT city_id, ${newId('id')}, kind, version + ${k * span}, parent_id, created_at, created_by,
            updated_at, updated_by, deleted_at, data, meta
          FROM library_objects WHERE city_id = ? AND version > ? AND version <= ? ORDER BY version, id LIMIT ?`,
        args,
      });
      await tx.execute({
        sql: `INSERT INTO processed_mutations (${processedColumns.columns})
          SELECT city_id, ${newId('id')}, member_id, ${newId('object_id')}, status, object_version + ${k * span},
            conflicts, created_at
          FROM processed_mutations WHERE city_id = ? AND object_version > ? AND object_version <= ?
          ORDER BY object_version, id LIMIT ?`,
        args,
      });
    }
    await tx.commit();
  } finally {
    tx.close();
  }
  const version = through + copies * span;
  await db.update(cities).set({ libraryVersion: version }).where(eq(cities.id, cityId));
  return version;
}

/** Adds `count` practices (numbered from `first`) to the city; returns the new library version. */
export async function seedPractices(target: SeedTarget, count: number, first = 0): Promise<number> {
  const { db, cityId, memberId } = target;
  const clientId = target.clientId ?? 'bench-seed';
  const [city] = await db.select({ v: cities.libraryVersion }).from(cities).where(eq(cities.id, cityId));
  let version = city!.v;
  const start = Date.parse('2025-06-01T10:00:00.000Z');
  for (let done = 0; done < count; done += rowsPerTransaction) {
    const objects: InValue[][] = [];
    const processed: InValue[][] = [];
    for (let i = done; i < Math.min(count, done + rowsPerTransaction); i++) {
      const n = first + i;
      const objectVersion = version + 1 + Math.floor(i / objectsPerVersion);
      const mutation = { ...creationMutation(n, start + n), clientId };
      const { state } = applyMutation(null, mutation, memberId, objectVersion);
      const row = rowFromState(cityId, state!);
      objects.push([
        row.cityId,
        row.id,
        row.kind,
        row.version,
        row.parentId,
        row.createdAt,
        row.createdBy,
        row.updatedAt,
        row.updatedBy,
        row.deletedAt,
        JSON.stringify(row.data),
        JSON.stringify(row.meta),
      ]);
      processed.push([
        cityId,
        mutation.id,
        memberId,
        mutation.objectId,
        'applied',
        objectVersion,
        0,
        row.createdAt,
      ]);
    }
    const tx = await db.$client.transaction('write');
    try {
      for (let at = 0; at < objects.length; at += rowsPerStatement) {
        await tx.execute(insert(objectColumns, objects.slice(at, at + rowsPerStatement)));
        await tx.execute(insert(processedColumns, processed.slice(at, at + rowsPerStatement)));
      }
      await tx.commit();
    } finally {
      tx.close();
    }
  }
  version += Math.ceil(count / objectsPerVersion);
  await db
    .update(cities)
    .set({ libraryVersion: sql`max(${cities.libraryVersion}, ${version})` })
    .where(eq(cities.id, cityId));
  return version;
}
