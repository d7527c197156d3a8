// /api/sync: pull changes since a version (every role), push a batch of mutations (coordinators and
// contributors). Protocol: shared/sync/README.md.
import { Hono } from 'hono';
import { z } from 'zod';
import { maxMutationsPerPush, pullQuerySchema, pushRequestSchema } from '../../shared/api/sync.ts';
import type { AppEnv } from '../app-env.ts';
import { canWrite } from '../auth/require-auth.ts';
import { ApiError } from '../errors.ts';
import { pull } from '../sync/pull.ts';
import { push } from '../sync/push.ts';
import { parseWith, readJson, readQuery } from '../validate.ts';

const batchShape = z.object({ mutations: z.array(z.unknown()) }).loose();

export const syncRoutes = new Hono<AppEnv>()
  .get('/pull', async (c) => {
    const query = readQuery(c, pullQuerySchema);
    const { db, caches } = c.get('deps');
    // Already JSON text (server/sync/pull.ts writes it around the stored data).
    const body = await pull(db, caches, c.get('caller'), query);
    return c.body(body, 200, { 'content-type': 'application/json' });
  })
  .post('/push', canWrite, async (c) => {
    const { db, clock } = c.get('deps');
    const raw = await readJson(c, z.unknown());
    // Too many objects is a size problem (413, as Zotero answers), checked before validating each one.
    const shape = batchShape.safeParse(raw);
    if (shape.success && shape.data.mutations.length > maxMutationsPerPush) {
      throw new ApiError(
        413,
        'batch_too_large',
        `at most ${maxMutationsPerPush} mutations per push; split the batch`,
      );
    }
    const body = parseWith(pushRequestSchema, raw);
    return c.json(await push(db, c.get('caller'), body, clock()));
  });
