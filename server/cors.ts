// CORS: only the browser extension (chrome-extension://, moz-extension://) and the server's own pages may
// call the API from a browser. Other web pages get no CORS headers, so browsers refuse them the answer.
import { cors } from 'hono/cors';
import { pullNextHeader } from '../shared/api/sync.ts';

const extensionOrigin = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

export const corsForExtensions = cors({
  origin: (origin, c) =>
    extensionOrigin.test(origin) || origin === new URL(c.req.url).origin ? origin : null,
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
  allowHeaders: ['Authorization', 'Content-Type'],
  exposeHeaders: ['Retry-After', pullNextHeader],
  maxAge: 600,
});
