// /api/members: every member can list the city's members (names show who clipped what); coordinators add
// members and change their name, e-mail, role or disabled state. A member id of another city is a 404.
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { memberPatchSchema, newMemberSchema } from '../../shared/api/tenancy.ts';
import type { AppEnv } from '../app-env.ts';
import { coordinatorOnly } from '../auth/require-auth.ts';
import { cities, members } from '../db/schema/index.ts';
import { ApiError, notFound } from '../errors.ts';
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
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(members)
        .set({ ...rest, disabledAt })
        .where(scope)
        .returning();
      // Becoming or ceasing to be a viewer changes what the member may see of stakeholders: re-send them.
      const [city] = await tx.select().from(cities).where(eq(cities.id, cityId));
      if (!city!.viewersSeeContacts && (current.role === 'viewer') !== (updated!.role === 'viewer')) {
        await restampStakeholders(tx, cityId);
      }
      return updated!;
    });
    c.get('deps').caches.tenancyChanged();
    return c.json({ member: memberRecord(row) });
  });

async function hasOtherCoordinator(db: AppEnv['Variables']['deps']['db'], cityId: string, memberId: string) {
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
