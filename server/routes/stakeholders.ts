// /api/stakeholders: what sync alone cannot do for contacts (issue 4). Search ("who is best placed") for
// every member, viewers seeing no contact details; the review list for coordinators and contributors; the
// access-request export and erasure for coordinators, and the contacts contributors deleted, set aside for
// coordinators to restore or erase (stakeholders/set-aside.ts). An id of another city is a 404, exactly like
// a made-up one. Stakeholders are created and edited through sync.
import { Hono } from 'hono';
import { reviewQuerySchema, stakeholderSearchQuerySchema } from '../../shared/api/stakeholders.ts';
import type { AppEnv } from '../app-env.ts';
import { canWrite, coordinatorOnly } from '../auth/require-auth.ts';
import { accessExport } from '../stakeholders/access-export.ts';
import { eraseStakeholder } from '../stakeholders/erase.ts';
import { stakeholdersDue } from '../stakeholders/review.ts';
import { searchStakeholders } from '../stakeholders/search.ts';
import { listSetAside, restoreSetAside } from '../stakeholders/set-aside.ts';
import { pushInTx } from '../sync/push.ts';
import { readQuery } from '../validate.ts';

export const stakeholderRoutes = new Hono<AppEnv>()
  .get('/search', async (c) => {
    const { db, clock } = c.get('deps');
    const query = readQuery(c, stakeholderSearchQuerySchema);
    return c.json(await searchStakeholders(db, c.get('caller'), query, clock()));
  })
  .get('/review', canWrite, async (c) => {
    const { db, clock } = c.get('deps');
    const { before } = readQuery(c, reviewQuerySchema);
    return c.json(await stakeholdersDue(db, c.get('caller'), before ?? new Date(clock()).toISOString()));
  })
  .get('/:id/export', coordinatorOnly, async (c) => {
    const { db, clock } = c.get('deps');
    const id = c.req.param('id');
    const body = await accessExport(db, c.get('caller'), id, clock());
    c.header('Content-Disposition', `attachment; filename="stakeholder-${id}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  })
  .post('/:id/erase', coordinatorOnly, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json({ erasure: await eraseStakeholder(db, c.get('caller'), c.req.param('id'), clock()) });
  })
  .get('/set-aside', coordinatorOnly, async (c) => {
    const { db } = c.get('deps');
    c.header('Cache-Control', 'no-store');
    return c.json({ setAside: await listSetAside(db, c.get('caller').city.id) });
  })
  .post('/:id/restore', coordinatorOnly, async (c) => {
    const { db, clock } = c.get('deps');
    const caller = c.get('caller');
    const id = c.req.param('id');
    const restored = await db.transaction((tx) => restoreSetAside(tx, caller, id, clock(), pushInTx));
    return c.json({ restored });
  });
