// Tenancy: cities, their members, and members' personal access tokens. A city is the unit of tenancy
// (PRODUCT.md); every other row carries its `city_id` and every query is scoped by the caller's city.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const cities = sqliteTable('cities', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  lang: text('lang').notNull(),
  networkId: text('network_id'),
  createdAt: text('created_at').notNull(),
  /** The library version: grows by one with every committed push that changed something. */
  libraryVersion: integer('library_version').notNull().default(0),
  /** Whether viewers see stakeholders' contact details (shared/contacts/contact-details.ts). Off by default. */
  viewersSeeContacts: integer('viewers_see_contacts', { mode: 'boolean' }).notNull().default(false),
  /**
   * History pruned through this library version (server/sync/prune-history.ts): tombstones and forgotten set
   * removals at or below it may be gone, so a pull from a cursor in (0, this) answers 410 resync_required.
   */
  prunedThroughVersion: integer('pruned_through_version').notNull().default(0),
});

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    name: text('name').notNull(),
    email: text('email'),
    role: text('role', { enum: ['coordinator', 'contributor', 'viewer'] }).notNull(),
    createdAt: text('created_at').notNull(),
    disabledAt: text('disabled_at'),
  },
  (t) => [index('members_city_idx').on(t.cityId)],
);

export const tokens = sqliteTable(
  'tokens',
  {
    id: text('id').primaryKey(),
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    label: text('label').notNull().default(''),
    /** The first characters of the secret, kept so people can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole secret, hex. The secret itself is shown once and never stored. */
    hash: text('hash').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('tokens_hash_idx').on(t.hash), index('tokens_member_idx').on(t.cityId, t.memberId)],
);
