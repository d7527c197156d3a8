// /api/sync: pull changes since a version (every role), push a batch of mutations (coordinators and
// contributors). Protocol: shared/sync/README.md.
import { Hono } from 'hono';
import {
  maxMutationsPerPush,
  pullNextHeader,
  pullQuerySchema,
  pushRequestSchema,
} from '../../shared/api/sync.ts';
import { fastPushRequest } from '../../shared/sync/fast-push.ts';
import type { AppEnv } from '../app-env.ts';
import { canWrite } from '../auth/require-auth.ts';
import { ApiError } from '../errors.ts';
import { pull } from '../sync/pull.ts';
import { push } from '../sync/push.ts';
import { parseWith, readJsonBody, readQuery } from '../validate.ts';

/** The body's `mutations` when the body is an object holding an array there (what
 *  `z.object({ mutations: z.array(z.unknown()) }).loose()` accepts), checked without building a schema. */
const mutationsOf = (body: unknown): readonly unknown[] | undefined => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const mutations = (body as { mutations?: unknown }).mutations;
  return Array.isArray(mutations) ? mutations : undefined;
};

export const syncRoutes = new Hono<AppEnv>()
  .get('/pull', async (c) => {
    const query = readQuery(c, pullQuerySchema);
    const { db, caches } = c.get('deps');
    // Already JSON text (server/sync/pull.ts writes it around the stored data).
    const { body, next } = await pull(db, caches, c.get('caller'), query);
    // When more pages follow, the next cursor is in a header too, so a client can ask for the next page while
    // this one's body is still arriving (shared/sync/README.md).
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (next !== undefined) headers[pullNextHeader] = String(next);
    return c.body(body, 200, headers);
  })
  .post('/push', canWrite, async (c) => {
    const { db, clock } = c.get('deps');
    // Each mutation's own JSON text, so that a creation's fields need not be serialised again (fields-json.ts).
    const texts = new WeakMap<object, string>();
    const raw = await readJsonBody(c, (value, text) => {
      if (typeof value === 'object' && value !== null) texts.set(value, text);
    });
    // Too many objects is a size problem (413, as Zotero answers), checked before validating each one.
    if ((mutationsOf(raw)?.length ?? 0) > maxMutationsPerPush) {
      throw new ApiError(
        413,
        'batch_too_large',
        `at most ${maxMutationsPerPush} mutations per push; split the batch`,
      );
    }
    // The usual practice pushes are checked by hand (same output); anything else, and every refusal, by zod.
    const body = fastPushRequest(raw, texts) ?? parseWith(pushRequestSchema, raw);
    return c.json(await push(db, c.get('caller'), body, clock()));
  });
