// /api/tokens: personal access tokens. Coordinators list every token of the city, issue tokens for any of
// its members and revoke any; other members list and revoke only their own (revoking the token in use is
// how "disconnect" works). A token or member of another city is a 404, exactly like a missing one.
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { connectLink, encodeConnectCode } from '../../shared/api/connect.ts';
import { issueTokenSchema } from '../../shared/api/tenancy.ts';
import type { AppEnv } from '../app-env.ts';
import { coordinatorOnly } from '../auth/require-auth.ts';
import { members, tokens } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { tokenRecord } from '../tenancy/records.ts';
import { issueToken, revokeToken } from '../tenancy/tenancy.ts';
import { readJson } from '../validate.ts';

export const tokenRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db } = c.get('deps');
    const { city, member } = c.get('caller');
    const where = [eq(tokens.cityId, city.id)];
    const wanted = c.req.query('memberId');
    if (member.role !== 'coordinator') where.push(eq(tokens.memberId, member.id));
    if (wanted) where.push(eq(tokens.memberId, wanted));
    const rows = await db
      .select()
      .from(tokens)
      .where(and(...where))
      .orderBy(asc(tokens.createdAt), asc(tokens.id));
    return c.json({ tokens: rows.map(tokenRecord) });
  })
  .post('/', coordinatorOnly, async (c) => {
    const { db, clock, publicUrl } = c.get('deps');
    const { city, member } = c.get('caller');
    const input = await readJson(c, issueTokenSchema);
    const [target] = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.cityId, city.id), eq(members.id, input.memberId)));
    if (!target) throw notFound('member');
    const issued = await issueToken(
      db,
      { cityId: city.id, memberId: target.id, label: input.label, createdBy: member.id },
      clock(),
    );
    const server = publicUrl ?? new URL(c.req.url).origin;
    const connect = {
      link: connectLink(server, issued.secret),
      code: encodeConnectCode(server, issued.secret),
    };
    return c.json({ secret: issued.secret, token: issued.token, connect }, 201);
  })
  .delete('/:id', async (c) => {
    const { db, clock, caches } = c.get('deps');
    const { city, member } = c.get('caller');
    const scope = and(eq(tokens.cityId, city.id), eq(tokens.id, c.req.param('id')));
    const [row] = await db.select().from(tokens).where(scope);
    if (!row || (member.role !== 'coordinator' && row.memberId !== member.id)) throw notFound('token');
    const revoked = await revokeToken(db, city.id, row.id, clock());
    caches.tenancyChanged();
    return c.json({ token: revoked ?? tokenRecord(row) });
  });
