// /api/translate: server-side machine translation for every signed-in member (viewers too: a suggestion
// changes nothing in the library). The work is in server/translate; this file only validates and answers.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { translateRequestSchema } from '../../shared/api/translate.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { listEngines } from '../translate/engine-list.ts';
import { translateText } from '../translate/translate-text.ts';
import { readJson } from '../validate.ts';

/**
 * A body that cannot hold an allowed text is refused before it is read: the longest allowed text, JSON-escaped
 * (12 bytes a code point escaped as a surrogate pair), plus room for the other fields.
 */
const textBodyLimit = createMiddleware<AppEnv>((c, next) => {
  const { maxCharsPerRequest } = c.get('deps').translation;
  return bodyLimit({
    maxSize: maxCharsPerRequest * 12 + 4096,
    onError: () => {
      throw new ApiError(
        413,
        'text_too_long',
        `the text is over the maximum of ${maxCharsPerRequest} characters per request`,
        { maxCharsPerRequest },
      );
    },
  })(c, next);
});

export const translateRoutes = new Hono<AppEnv>()
  .get('/engines', async (c) => c.json(await listEngines(c.get('deps'), c.get('caller'))))
  .post('/', textBodyLimit, async (c) => {
    const input = await readJson(c, translateRequestSchema);
    return c.json(await translateText(c.get('deps'), c.get('caller'), input));
  });
