// /api/conflicts: values that lost a same-field race. Every member can list them; coordinators and
// contributors restore or dismiss them.
import { Hono } from 'hono';
import { conflictQuerySchema } from '../../shared/api/conflicts.ts';
import type { AppEnv } from '../app-env.ts';
import { canWrite } from '../auth/require-auth.ts';
import { listConflicts, resolveConflict } from '../sync/conflicts.ts';
import { readQuery } from '../validate.ts';

export const conflictRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const query = readQuery(c, conflictQuerySchema);
    return c.json({ conflicts: await listConflicts(c.get('deps').db, c.get('caller'), query) });
  })
  .post('/:id/restore', canWrite, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await resolveConflict(db, c.get('caller'), c.req.param('id'), 'restore', clock()));
  })
  .post('/:id/dismiss', canWrite, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await resolveConflict(db, c.get('caller'), c.req.param('id'), 'dismiss', clock()));
  });
