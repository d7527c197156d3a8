// Bearer-token authentication. The token names one member of one city; every handler after this reads the
// city from the token (c.get('caller')), never from the request. 401 tells the extension which case it is
// (no token / unknown token / revoked / member disabled) so it can say so in words.
import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/schemas/member.ts';
import type { AppEnv } from '../app-env.ts';
import { cities, members, tokens } from '../db/schema/index.ts';
import { ApiError } from '../errors.ts';
import { hashToken, tokenPattern } from './token-secret.ts';

const challenge = { 'WWW-Authenticate': 'Bearer realm="icc-clipper"' };
const unauthorized = (code: string, message: string) =>
  new ApiError(401, code, message, undefined, challenge);

/** last_used_at is written at most once a minute per token, so reads stay reads. */
const lastUsedGranularityMs = 60_000;

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock } = c.get('deps');
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('missing_token', 'send the access token as "Authorization: Bearer <token>"');
  const secret = match[1]!;
  if (!tokenPattern.test(secret)) throw unauthorized('invalid_token', 'the access token is not valid');
  const [row] = await db
    .select({ token: tokens, member: members, city: cities })
    .from(tokens)
    .innerJoin(members, eq(members.id, tokens.memberId))
    .innerJoin(cities, eq(cities.id, tokens.cityId))
    .where(eq(tokens.hash, await hashToken(secret)));
  if (!row) throw unauthorized('invalid_token', 'the access token is not valid');
  if (row.token.revokedAt) throw unauthorized('token_revoked', 'this access token has been revoked');
  if (row.member.disabledAt) throw unauthorized('member_disabled', 'this member has been disabled');

  const now = clock();
  if (!row.token.lastUsedAt || now - Date.parse(row.token.lastUsedAt) >= lastUsedGranularityMs) {
    const lastUsedAt = new Date(now).toISOString();
    await db.update(tokens).set({ lastUsedAt }).where(eq(tokens.id, row.token.id));
    row.token.lastUsedAt = lastUsedAt;
  }
  c.set('caller', row);
  await next();
});

/** 403 unless the caller has one of `roles`. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { role } = c.get('caller').member;
    if (!roles.includes(role)) {
      throw new ApiError(403, 'forbidden', `this needs the ${roles.join(' or ')} role; you are ${role}`);
    }
    await next();
  });

export const canWrite = requireRole('coordinator', 'contributor');
export const coordinatorOnly = requireRole('coordinator');
