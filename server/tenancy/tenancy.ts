// Creating cities, members and tokens: shared by the admin CLI, the first-start bootstrap and the member
// routes, so there is one way to do each. Callers check roles and city scope before calling.
import { and, eq, isNull } from 'drizzle-orm';
import type { NewCity, NewMember } from '../../shared/api/tenancy.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { hashToken, newTokenSecret, tokenPrefix } from '../auth/token-secret.ts';
import type { Db } from '../db/client.ts';
import { cities, members, signInLinks, tokens, webSessions } from '../db/schema/index.ts';
import { endSessions, hasLiveToken } from './member-access.ts';
import { cityRecord, memberRecord, tokenRecord } from './records.ts';

type Runner = Pick<Db, 'insert' | 'select' | 'update'>;

export async function createCity(db: Runner, input: NewCity, now: number) {
  const [row] = await db
    .insert(cities)
    .values({ id: uuidv7(now), ...input, networkId: input.networkId ?? null, createdAt: iso(now) })
    .returning();
  return cityRecord(row!);
}

export async function addMember(db: Runner, cityId: string, input: NewMember, now: number) {
  const [row] = await db
    .insert(members)
    .values({
      id: uuidv7(now),
      cityId,
      name: input.name,
      email: input.email ?? null,
      role: input.role,
      createdAt: iso(now),
    })
    .returning();
  return memberRecord(row!);
}

/** Issues a token for a member of `cityId`; the secret is in the result and nowhere else, ever. */
export async function issueToken(
  db: Runner,
  {
    cityId,
    memberId,
    label = '',
    createdBy = null,
  }: { cityId: string; memberId: string; label?: string; createdBy?: string | null },
  now: number,
) {
  const secret = newTokenSecret();
  const [row] = await db
    .insert(tokens)
    .values({
      id: uuidv7(now),
      cityId,
      memberId,
      label,
      prefix: tokenPrefix(secret),
      hash: await hashToken(secret),
      createdAt: iso(now),
      createdBy,
    })
    .returning();
  return { secret, token: tokenRecord(row!) };
}

/**
 * Revokes a token of `cityId`; null when there is no such token in that city. Revoking twice is a no-op.
 * The dashboard sessions it opened end with it and the sign-in links it asked for cannot be used; when it
 * was the member's last live token, every session of theirs ends too, those opened with a link the server
 * printed included (revoking all of a member's tokens signs them out everywhere).
 */
export async function revokeToken(
  db: Pick<Db, 'select' | 'update' | 'delete'>,
  cityId: string,
  tokenId: string,
  now: number,
) {
  const revoked = await db
    .update(tokens)
    .set({ revokedAt: iso(now) })
    .where(and(eq(tokens.cityId, cityId), eq(tokens.id, tokenId), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id, memberId: tokens.memberId });
  if (revoked.length > 0) {
    await db.delete(webSessions).where(eq(webSessions.tokenId, tokenId));
    await db.delete(signInLinks).where(eq(signInLinks.tokenId, tokenId));
    const { memberId } = revoked[0]!;
    if (!(await hasLiveToken(db, cityId, memberId))) await endSessions(db, cityId, memberId);
  }
  const [row] = await db
    .select()
    .from(tokens)
    .where(and(eq(tokens.cityId, cityId), eq(tokens.id, tokenId)));
  return row ? tokenRecord(row) : null;
}

export const iso = (ms: number) => new Date(ms).toISOString();
