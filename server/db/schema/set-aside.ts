// Contacts a contributor deleted through sync, set aside for a coordinator (server/stakeholders/set-aside.ts):
// every member's copy is deleted by the tombstone as usual, but the server keeps the record here until a
// coordinator restores it or erases it. Erasure stays the coordinator's (GDPR Art. 17 requests go to them).
import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities } from './tenancy.ts';

export const setAsideStakeholders = sqliteTable(
  'set_aside_stakeholders',
  {
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    /** The stakeholder's id: its library object is a tombstone while it is set aside. */
    id: text('id').notNull(),
    /** The contact as it was when deleted (the kind's fields): personal data, never synced. */
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** Practices the deletion unlinked it from; a restore links it to those still there again. */
    practiceIds: text('practice_ids', { mode: 'json' }).notNull().$type<string[]>(),
    deletedBy: text('deleted_by').notNull(),
    deletedAt: text('deleted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.id] })],
);
