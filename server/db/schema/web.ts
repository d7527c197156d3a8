// The web dashboard's sign-in: sessions (cookie secret stored only as a hash), one-time sign-in links (also
// hashed), and which members coordinate a national network (they see the network's shared practices and the
// member cities' aggregates, never contacts or unshared practices).
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities, members, tokens } from './tenancy.ts';

export const webSessions = sqliteTable(
  'web_sessions',
  {
    /** SHA-256 (hex) of the cookie's secret. */
    hash: text('hash').primaryKey(),
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** The access token that opened this session (pasted, or behind the sign-in link); revoking it ends the
     * session. Null for links printed by the server itself (first start, admin CLI). */
    tokenId: text('token_id').references(() => tokens.id),
  },
  (t) => [index('web_sessions_member_idx').on(t.memberId), index('web_sessions_token_idx').on(t.tokenId)],
);

export const signInLinks = sqliteTable('sign_in_links', {
  /** SHA-256 (hex) of the link's secret; the secret is shown once. */
  hash: text('hash').primaryKey(),
  cityId: text('city_id')
    .notNull()
    .references(() => cities.id),
  memberId: text('member_id')
    .notNull()
    .references(() => members.id),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  /** The access token that asked for this link (POST /api/web/sign-in-links); null for server-printed links. */
  tokenId: text('token_id').references(() => tokens.id),
});

export const networkCoordinators = sqliteTable('network_coordinators', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => members.id),
  /** A network id from the ICC taxonomy (shared/taxonomy). */
  networkId: text('network_id').notNull(),
  grantedAt: text('granted_at').notNull(),
});
