// The city library: synced objects of every kind in one table (the merge is the same for all kinds), the
// mutation ids already processed (idempotent pushes) and the values that lost a same-field race.
// Keys start with city_id: a city's objects are a separate namespace, so one city can never reach (or even
// detect) another's object by guessing its id.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities } from './tenancy.ts';

export const libraryObjects = sqliteTable(
  'library_objects',
  {
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    id: text('id').notNull(),
    kind: text('kind', { enum: ['practice', 'highlight', 'stakeholder', 'snippet'] }).notNull(),
    /** Library version of the object's last visible change. */
    version: integer('version').notNull(),
    /** The practice a highlight belongs to, so deleting a practice finds its highlights. */
    parentId: text('parent_id'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    deletedAt: text('deleted_at'),
    /** The kind's fields as JSON, as clients see them; `{}` for a tombstone. */
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** Per-field clocks and set elements (shared/sync/object-state.ts); never sent to clients. */
    meta: text('meta', { mode: 'json' }).notNull().$type<{ clocks: object; sets: object }>(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('library_objects_changes_idx').on(t.cityId, t.version),
    index('library_objects_parent_idx').on(t.cityId, t.parentId),
    // Tombstones only (partial): pruning finds those past the horizon without walking the live objects.
    index('library_objects_tombstones_idx').on(t.cityId, t.version).where(sql`deleted_at is not null`),
  ],
);

export const processedMutations = sqliteTable(
  'processed_mutations',
  {
    cityId: text('city_id').notNull(),
    id: text('id').notNull(),
    memberId: text('member_id').notNull(),
    objectId: text('object_id').notNull(),
    status: text('status', { enum: ['applied', 'unchanged', 'ignored'] }).notNull(),
    objectVersion: integer('object_version').notNull(),
    conflicts: integer('conflicts').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] })],
);

export const conflicts = sqliteTable(
  'conflicts',
  {
    id: text('id').primaryKey(),
    cityId: text('city_id').notNull(),
    kind: text('kind').notNull(),
    objectId: text('object_id').notNull(),
    field: text('field').notNull(),
    lostValue: text('lost_value', { mode: 'json' }),
    lostBy: text('lost_by').notNull(),
    lostAt: text('lost_at').notNull(),
    wonValue: text('won_value', { mode: 'json' }),
    wonBy: text('won_by').notNull(),
    wonAt: text('won_at').notNull(),
    /** Library version of the push that recorded the conflict. */
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
    status: text('status', { enum: ['open', 'restored', 'dismissed'] }).notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('conflicts_city_status_idx').on(t.cityId, t.status, t.createdAt),
    index('conflicts_object_idx').on(t.cityId, t.objectId),
  ],
);
