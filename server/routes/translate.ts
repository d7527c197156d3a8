// /api/translate: server-side machine translation for every signed-in member (viewers too: a suggestion
// changes nothing in the library). The work is in server/translate; this file only validates and answers.
import { Hono } from 'hono';
import { translateRequestSchema } from '../../shared/api/translate.ts';
import type { AppEnv } from '../app-env.ts';
import { listEngines } from '../translate/engine-list.ts';
import { translateText } from '../translate/translate-text.ts';
import { readJson } from '../validate.ts';

export const translateRoutes = new Hono<AppEnv>()
  .get('/engines', async (c) => c.json(await listEngines(c.get('deps'), c.get('caller'))))
  .post('/', async (c) => {
    const input = await readJson(c, translateRequestSchema);
    return c.json(await translateText(c.get('deps'), c.get('caller'), input));
  });
