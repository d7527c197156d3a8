// /api/glossary: the city's own glossary terms. Every member reads them; coordinators and contributors
// create, replace and delete them. Another city's term id is a 404 (server/translate/glossary-store.ts).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { glossaryPutSchema, glossaryTermId } from '../../shared/api/glossary.ts';
import type { AppEnv } from '../app-env.ts';
import { canWrite } from '../auth/require-auth.ts';
import { ApiError } from '../errors.ts';
import { deleteTerm, listTerms, putTerm } from '../translate/glossary-store.ts';
import { parseWith, readJson } from '../validate.ts';

const idParam = z.object({ id: glossaryTermId });
const termIdParam = (id: string) => parseWith(idParam, { id }).id;

/** 50 labels of 200 characters and a note fit many times over. */
const termBodyLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', 'a glossary term is at most 64 KB of JSON');
  },
});

export const glossaryRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ terms: await listTerms(c.get('deps').db, c.get('caller')) }))
  .put('/:id', canWrite, termBodyLimit, async (c) => {
    const { db, clock } = c.get('deps');
    const id = termIdParam(c.req.param('id'));
    const input = await readJson(c, glossaryPutSchema);
    const { term, created } = await putTerm(db, c.get('caller'), id, input, clock());
    return c.json(term, created ? 201 : 200);
  })
  .delete('/:id', canWrite, async (c) => {
    const id = termIdParam(c.req.param('id'));
    await deleteTerm(c.get('deps').db, c.get('caller'), id);
    return c.json({ deleted: id });
  });
