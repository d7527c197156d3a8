// Bearer-token authentication. The token names one member of one city; every handler after this reads the
// city from the token (c.get('caller')), never from the request. 401 tells the extension which case it is
// (no token / unknown token / revoked / member disabled) so it can say so in words.
//
// The caller is cached per token for a few seconds (caller-cache.ts): this process's own revocations, member
// and city changes clear the cache at once; another process's show up within the TTL. `caller.city`'s
// libraryVersion is therefore not fresh: read it with `deps.caches.libraryVersion(cityId)`.
import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/schemas/member.ts';
import type { AppEnv, Caller } from '../app-env.ts';
import { tokens } from '../db/schema/index.ts';
import { ApiError } from '../errors.ts';
import { preparedFor } from './caller-cache.ts';
import { hashToken, tokenPattern } from './token-secret.ts';

const challenge = { 'WWW-Authenticate': 'Bearer realm="icc-clipper"' };
const unauthorized = (code: string, message: string) =>
  new ApiError(401, code, message, undefined, challenge);

export const tooManyAttempts = (retryAfter: number) =>
  new ApiError(
    429,
    'too_many_attempts',
    `too many failed sign-in attempts from this address; retry in ${retryAfter} s`,
    undefined,
    { 'Retry-After': String(retryAfter) },
  );

/** last_used_at is written at most once a minute per token, so reads stay reads. */
const lastUsedGranularityMs = 60_000;

const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock, caches } = c.get('deps');
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('missing_token', 'send the access token as "Authorization: Bearer <token>"');
  const secret = match[1]!;

  let caller = caches.callers.get(secret, clock());
  if (!caller) {
    // Not a token this process trusted a moment ago: a check a stranger could be guessing at, so it spends
    // from the address's budget of failed attempts (limits/auth-failures.ts), given back if the token is good.
    // Past the budget an unknown token is answered 429; a good one still passes.
    const attempt = await c.get('deps').authAttempts.begin(c);
    const unknown = () => {
      attempt.failed('bad_token');
      return attempt.refusedFor === null
        ? unauthorized('invalid_token', 'the access token is not valid')
        : tooManyAttempts(attempt.refusedFor);
    };
    if (!tokenPattern.test(secret)) throw unknown();
    const stamp = caches.callers.stamp(secret);
    const [row] = await preparedFor(db).callerByHash.execute({ hash: await hashToken(secret) });
    if (!row) throw unknown();
    caller = row as Caller;
    if (caller.token.revokedAt || caller.member.disabledAt) {
      // A real token, refused for a reason its holder must hear (the extension stops syncing and says so).
      attempt.failed(caller.member.disabledAt ? 'member_disabled' : 'token_revoked');
    } else {
      await attempt.succeeded();
      // Refused tokens are not cached: they are rare, and a later read is what un-disabling a member needs.
      caches.callers.set(secret, caller, clock(), stamp);
    }
  }
  // A disabled member's tokens are revoked too (tenancy/member-access.ts): they are told the reason that matters.
  if (caller.member.disabledAt) throw unauthorized('member_disabled', 'this member has been disabled');
  if (caller.token.revokedAt) throw unauthorized('token_revoked', 'this access token has been revoked');

  const now = clock();
  const { token } = caller;
  if (!token.lastUsedAt || now - Date.parse(token.lastUsedAt) >= lastUsedGranularityMs) {
    // Set before the write, so concurrent requests with this (cached, shared) caller write once.
    const lastUsedAt = new Date(now).toISOString();
    token.lastUsedAt = lastUsedAt;
    await db.update(tokens).set({ lastUsedAt }).where(eq(tokens.id, token.id));
  }
  c.set('caller', caller);
  try {
    await next();
  } finally {
    // Whatever a write request did (a push, a restamp, an erasure, a restored conflict), the next read of the
    // city's library version goes to the database.
    if (!readOnly.has(c.req.method)) caches.versionChanged(caller.city.id);
  }
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
