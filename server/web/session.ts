// Web dashboard sessions and one-time sign-in links. A session is a random cookie secret whose SHA-256 alone
// is stored (web_sessions); it slides forward on use up to 7 days of inactivity, and stops working at once
// when the member is disabled (checked on every request) or the access token that opened it is revoked (the
// revocation deletes it: tenancy.ts revokeToken, which the API and the admin CLI both use). A sign-in link
// carries another random secret, stored hashed in sign_in_links, valid 15 minutes and once. Web Crypto only,
// like the token secrets.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashToken, tokenPattern } from '../auth/token-secret.ts';
import type { Db } from '../db/client.ts';
import {
  cities,
  members,
  networkCoordinators,
  signInLinks,
  tokens,
  webSessions,
} from '../db/schema/index.ts';

export const sessionTtlMs = 7 * 24 * 60 * 60 * 1000;
export const signInLinkTtlMs = 15 * 60 * 1000;
/** The sliding expiry is written at most this often per session, so page views stay reads. */
const refreshGranularityMs = 60 * 60 * 1000;

const iso = (ms: number) => new Date(ms).toISOString();

const randomSecret = (prefix: string) =>
  `${prefix}${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;

const secretPattern = (prefix: string) => new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`);
const sessionPattern = secretPattern('ics_');
const linkPattern = secretPattern('icl_');

/** Who a web page is for: the member, their city, and the network they coordinate (if any). */
export interface WebUser {
  member: typeof members.$inferSelect;
  city: typeof cities.$inferSelect;
  networkId: string | null;
}

export interface SessionFound {
  user: WebUser;
  /** A new expiry to send in the cookie when the session slid forward; null when unchanged. */
  refreshed: string | null;
}

async function userFor(db: Db, memberId: string): Promise<WebUser | null> {
  const [row] = await db
    .select({ member: members, city: cities, networkId: networkCoordinators.networkId })
    .from(members)
    .innerJoin(cities, eq(cities.id, members.cityId))
    .leftJoin(networkCoordinators, eq(networkCoordinators.memberId, members.id))
    .where(eq(members.id, memberId));
  if (!row || row.member.disabledAt) return null;
  return { member: row.member, city: row.city, networkId: row.networkId ?? null };
}

/** A member signing in, and the access token they signed in with (null: a link the server printed). */
export interface SigningIn {
  user: WebUser;
  tokenId: string | null;
}

/** Creates a session for a member; returns the cookie secret (never stored) and its expiry. */
export async function createSession(db: Db, { user, tokenId }: SigningIn, now: number) {
  const secret = randomSecret('ics_');
  const expiresAt = iso(now + sessionTtlMs);
  await db.insert(webSessions).values({
    hash: await hashToken(secret),
    cityId: user.city.id,
    memberId: user.member.id,
    createdAt: iso(now),
    expiresAt,
    lastSeenAt: iso(now),
    tokenId,
  });
  return { secret, expiresAt };
}

/** The session's user, or null when the secret is unknown, expired, or its member disabled. */
export async function findSession(
  db: Db,
  secret: string | undefined,
  now: number,
): Promise<SessionFound | null> {
  if (!secret || !sessionPattern.test(secret)) return null;
  const hash = await hashToken(secret);
  const [row] = await db.select().from(webSessions).where(eq(webSessions.hash, hash));
  if (!row || Date.parse(row.expiresAt) <= now) return null;
  const user = await userFor(db, row.memberId);
  if (!user || user.city.id !== row.cityId) return null;
  let refreshed: string | null = null;
  if (now - Date.parse(row.lastSeenAt) >= refreshGranularityMs) {
    refreshed = iso(now + sessionTtlMs);
    await db
      .update(webSessions)
      .set({ lastSeenAt: iso(now), expiresAt: refreshed })
      .where(eq(webSessions.hash, hash));
  }
  return { user, refreshed };
}

export async function endSession(db: Db, secret: string | undefined): Promise<void> {
  if (!secret || !sessionPattern.test(secret)) return;
  await db.delete(webSessions).where(eq(webSessions.hash, await hashToken(secret)));
}

/** The member a personal access token belongs to, if it is valid (not revoked, member not disabled). */
export async function userForToken(db: Db, secret: string): Promise<SigningIn | null> {
  const trimmed = secret.trim();
  if (!tokenPattern.test(trimmed)) return null;
  const [row] = await db
    .select({ id: tokens.id, memberId: tokens.memberId, revokedAt: tokens.revokedAt })
    .from(tokens)
    .where(eq(tokens.hash, await hashToken(trimmed)));
  if (!row || row.revokedAt) return null;
  const user = await userFor(db, row.memberId);
  return user ? { user, tokenId: row.id } : null;
}

/** Creates a one-time sign-in link's secret for a member (15 minutes, single use); `tokenId`: the access
 * token that asked for it, whose revocation ends the session the link opens. */
export async function createSignInLink(
  db: Pick<Db, 'insert'>,
  member: { id: string; cityId: string },
  now: number,
  tokenId: string | null = null,
) {
  const secret = randomSecret('icl_');
  const expiresAt = iso(now + signInLinkTtlMs);
  await db.insert(signInLinks).values({
    hash: await hashToken(secret),
    cityId: member.cityId,
    memberId: member.id,
    createdAt: iso(now),
    expiresAt,
    tokenId,
  });
  return { secret, expiresAt };
}

/** The address that signs the member in with `secret`, then opens `next` (a path under /web). */
export function signInLinkUrl(origin: string, secret: string, next?: string): string {
  const url = new URL('/web/sign-in/link', origin);
  url.searchParams.set('token', secret);
  if (next) url.searchParams.set('next', next);
  return url.toString();
}

/** Who a sign-in link would sign in, without spending it (the confirmation page); null when it is unknown,
 * used or expired. */
export async function peekSignInLink(db: Db, secret: string, now: number): Promise<SigningIn | null> {
  if (!linkPattern.test(secret)) return null;
  const [row] = await db
    .select()
    .from(signInLinks)
    .where(
      and(
        eq(signInLinks.hash, await hashToken(secret)),
        isNull(signInLinks.usedAt),
        gt(signInLinks.expiresAt, iso(now)),
      ),
    );
  if (!row) return null;
  const user = await userFor(db, row.memberId);
  return user && user.city.id === row.cityId ? { user, tokenId: row.tokenId } : null;
}

/** Spends a sign-in link: its user once, within its 15 minutes; null afterwards or when unknown. */
export async function redeemSignInLink(db: Db, secret: string, now: number): Promise<SigningIn | null> {
  if (!linkPattern.test(secret)) return null;
  const hash = await hashToken(secret);
  // One conditional update decides who spends the link, so two concurrent clicks cannot both sign in.
  const spent = await db
    .update(signInLinks)
    .set({ usedAt: iso(now) })
    .where(and(eq(signInLinks.hash, hash), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, iso(now))))
    .returning({ memberId: signInLinks.memberId, cityId: signInLinks.cityId, tokenId: signInLinks.tokenId });
  const row = spent[0];
  if (!row) return null;
  const user = await userFor(db, row.memberId);
  return user && user.city.id === row.cityId ? { user, tokenId: row.tokenId } : null;
}
