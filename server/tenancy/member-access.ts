// A member's ways in: their access tokens, the dashboard sessions and the unused sign-in links. Ending them
// together is "sign out everywhere" (a member for themselves, a coordinator for any member of the city, the
// admin CLI), and disabling a member does it for good: re-enabling brings nothing back, the member gets a
// new token from a coordinator (issue-token). The API and the admin CLI share these, so there is one way to
// do each; callers check roles and city scope, and clear the caller cache afterwards (caches.tenancyChanged).
import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { members, signInLinks, tokens, webSessions } from '../db/schema/index.ts';

type Runner = Pick<Db, 'select' | 'update' | 'delete'>;

const iso = (ms: number) => new Date(ms).toISOString();

export interface AccessEnded {
  tokensRevoked: number;
  sessionsEnded: number;
}

/** Revokes every live token of the member, ends every dashboard session and voids unused sign-in links. */
export async function endAllAccess(
  db: Runner,
  cityId: string,
  memberId: string,
  now: number,
): Promise<AccessEnded> {
  const revoked = await db
    .update(tokens)
    .set({ revokedAt: iso(now) })
    .where(and(eq(tokens.cityId, cityId), eq(tokens.memberId, memberId), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  const sessionsEnded = await endSessions(db, cityId, memberId);
  return { tokensRevoked: revoked.length, sessionsEnded };
}

/** Ends every dashboard session of the member and voids their unused sign-in links; the sessions ended. */
export async function endSessions(db: Runner, cityId: string, memberId: string): Promise<number> {
  const ended = await db
    .delete(webSessions)
    .where(and(eq(webSessions.cityId, cityId), eq(webSessions.memberId, memberId)))
    .returning({ hash: webSessions.hash });
  await db
    .delete(signInLinks)
    .where(
      and(eq(signInLinks.cityId, cityId), eq(signInLinks.memberId, memberId), isNull(signInLinks.usedAt)),
    );
  return ended.length;
}

/** Whether the member still holds a token that is not revoked. */
export async function hasLiveToken(db: Pick<Db, 'select'>, cityId: string, memberId: string) {
  const live = await db
    .select({ id: tokens.id })
    .from(tokens)
    .where(and(eq(tokens.cityId, cityId), eq(tokens.memberId, memberId), isNull(tokens.revokedAt)))
    .limit(1);
  return live.length > 0;
}

export interface AccessAfterEnabling {
  /** Tokens that work again: only those issued while the member was disabled (a new issue-token). */
  liveTokens: number;
  /** Tokens from before the disabling still unrevoked (a member disabled before disabling revoked them). */
  tokensRevoked: number;
}

/**
 * Re-enabling brings back nothing from before the disabling: disabling revoked everything, and what a
 * member disabled before that rule still held (tokens, sessions) is revoked now. Tokens a coordinator issued
 * while the member was disabled are the way back in, and stay.
 */
export async function accessAfterEnabling(
  db: Runner,
  cityId: string,
  memberId: string,
  disabledAt: string,
  now: number,
): Promise<AccessAfterEnabling> {
  const mine = and(eq(tokens.cityId, cityId), eq(tokens.memberId, memberId), isNull(tokens.revokedAt));
  const revoked = await db
    .update(tokens)
    .set({ revokedAt: iso(now) })
    .where(and(mine, lt(tokens.createdAt, disabledAt)))
    .returning({ id: tokens.id });
  await endSessions(db, cityId, memberId);
  const live = await db.select({ id: tokens.id }).from(tokens).where(mine);
  return { liveTokens: live.length, tokensRevoked: revoked.length };
}

/** Whether the city has an active coordinator other than `memberId` (a city keeps at least one). */
export async function hasOtherCoordinator(db: Pick<Db, 'select'>, cityId: string, memberId: string) {
  const others = await db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.cityId, cityId),
        eq(members.role, 'coordinator'),
        isNull(members.disabledAt),
        ne(members.id, memberId),
      ),
    )
    .limit(1);
  return others.length > 0;
}
