// /api/members: every member can list the city's members (names show who clipped what); coordinators add
// members and change their name, e-mail, role or disabled state. A member id of another city is a 404.
// Disabling a member ends their access for good (every token revoked, every session ended); re-enabling
// brings none of it back, and the answer says so (tenancy/member-access.ts). "Sign out everywhere": a
// member for themselves, a coordinator for anyone of the city.
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { memberPatchSchema, newMemberSchema } from '../../shared/api/tenancy.ts';
import type { AppEnv } from '../app-env.ts';
import { coordinatorOnly } from '../auth/require-auth.ts';
import { cities, members } from '../db/schema/index.ts';
import { ApiError, notFound } from '../errors.ts';
import { accessAfterEnabling, endAllAccess, hasOtherCoordinator } from '../tenancy/member-access.ts';
import { memberRecord } from '../tenancy/records.ts';
import { restampStakeholders } from '../tenancy/restamp.ts';
import { addMember } from '../tenancy/tenancy.ts';
import { readJson } from '../validate.ts';

export const memberRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db } = c.get('deps');
    const rows = await db
      .select()
      .from(members)
      .where(eq(members.cityId, c.get('caller').city.id))
      .orderBy(asc(members.createdAt), asc(members.id));
    return c.json({ members: rows.map(memberRecord) });
  })
  .post('/', coordinatorOnly, async (c) => {
    const { db, clock } = c.get('deps');
    const input = await readJson(c, newMemberSchema);
    return c.json({ member: await addMember(db, c.get('caller').city.id, input, clock()) }, 201);
  })
  .patch('/:id', coordinatorOnly, async (c) => {
    const { db, clock } = c.get('deps');
    const cityId = c.get('caller').city.id;
    const patch = await readJson(c, memberPatchSchema);
    const scope = and(eq(members.cityId, cityId), eq(members.id, c.req.param('id')));
    const [current] = await db.select().from(members).where(scope);
    if (!current) throw notFound('member');
    const losesCoordinator =
      current.role === 'coordinator' &&
      ((patch.role && patch.role !== 'coordinator') || patch.disabled === true);
    if (losesCoordinator && !(await hasOtherCoordinator(c.get('deps').db, cityId, current.id))) {
      throw new ApiError(409, 'last_coordinator', 'a city needs at least one active coordinator');
    }
    const { disabled, ...rest } = patch;
    const disabledAt =
      disabled === undefined
        ? current.disabledAt
        : disabled
          ? (current.disabledAt ?? new Date(clock()).toISOString())
          : null;
    const { row, access } = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(members)
        .set({ ...rest, disabledAt })
        .where(scope)
        .returning();
      const access = await accessChange(tx, cityId, current, updated!, clock());
      // Becoming or ceasing to be a viewer changes what the member may see of stakeholders: re-send them.
      const [city] = await tx.select().from(cities).where(eq(cities.id, cityId));
      if (!city!.viewersSeeContacts && (current.role === 'viewer') !== (updated!.role === 'viewer')) {
        await restampStakeholders(tx, cityId);
      }
      return { row: updated!, access };
    });
    c.get('deps').caches.tenancyChanged();
    return c.json({ member: memberRecord(row), ...(access ? { access } : {}) });
  })
  .post('/:id/sign-out-everywhere', async (c) => {
    const { db, clock, caches } = c.get('deps');
    const caller = c.get('caller');
    const cityId = caller.city.id;
    const [target] = await db
      .select()
      .from(members)
      .where(and(eq(members.cityId, cityId), eq(members.id, c.req.param('id'))));
    if (!target) throw notFound('member');
    if (caller.member.role !== 'coordinator' && target.id !== caller.member.id)
      throw new ApiError(403, 'forbidden', 'only a coordinator signs another member out');
    const ended = await db.transaction((tx) => endAllAccess(tx, cityId, target.id, clock()));
    caches.tenancyChanged();
    return c.json({
      member: memberRecord(target),
      ...ended,
      message: `${target.name} is signed out everywhere: ${ended.tokensRevoked} token(s) revoked, ${ended.sessionsEnded} dashboard session(s) ended. A coordinator issues a new token to let them in again.`,
    });
  });

type Tx = Parameters<typeof endAllAccess>[0];
type MemberRow = typeof members.$inferSelect;

/** What a change of the disabled state does to the member's tokens and sessions, for the answer. */
async function accessChange(tx: Tx, cityId: string, before: MemberRow, after: MemberRow, now: number) {
  if (!before.disabledAt && after.disabledAt) {
    const ended = await endAllAccess(tx, cityId, after.id, now);
    return {
      ...ended,
      liveTokens: 0,
      message:
        'disabled: every access token is revoked and every dashboard session ended, for good (re-enabling brings none back)',
    };
  }
  if (before.disabledAt && !after.disabledAt) {
    const { liveTokens, tokensRevoked } = await accessAfterEnabling(
      tx,
      cityId,
      after.id,
      before.disabledAt,
      now,
    );
    return {
      tokensRevoked,
      sessionsEnded: 0,
      liveTokens,
      message:
        liveTokens > 0
          ? `enabled: ${liveTokens} token(s) issued since the disabling work; nothing from before came back`
          : 'enabled: no token or session from before came back; issue a new token (POST /api/tokens) to let them in',
    };
  }
  return undefined;
}
