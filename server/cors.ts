// CORS: only the browser extension (chrome-extension://, moz-extension://) and the server's own pages may
// call the API from a browser. Other web pages get no CORS headers, so browsers refuse them the answer.
// Written here rather than with hono/cors, which gives the same headers but adds `Vary` with `c.header()`
// after the route has answered: that turns every answer into a fresh Response around a stream of the old
// one's body, which @hono/node-server then reads back chunk by chunk. Measured with
// `npm run bench -- --only pull-throughput`: it was most of a page pull's cost outside the socket. Here the
// headers are set on the answer in place; only an answer whose headers cannot change (a fetched response
// passed through) is copied, as hono does.
import type { Context, MiddlewareHandler } from 'hono';
import { pullNextHeader } from '../shared/api/sync.ts';

const extensionOrigin = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

const corsPolicy = {
  allowMethods: 'GET,POST,PATCH,DELETE',
  allowHeaders: 'Authorization,Content-Type',
  exposeHeaders: `Retry-After,${pullNextHeader}`,
  maxAgeSeconds: 600,
} as const;

/** The origin to answer to, or null: an extension, or this server's own pages. */
function allowedOrigin(c: Context): string | null {
  const origin = c.req.header('origin');
  if (!origin) return null;
  return extensionOrigin.test(origin) || origin === new URL(c.req.url).origin ? origin : null;
}

export const corsForExtensions: MiddlewareHandler = async (c, next) => {
  const origin = allowedOrigin(c);
  if (c.req.method === 'OPTIONS') {
    // A preflight: answered here, whether or not the origin may call (a refused one gets no Allow-Origin).
    const headers = new Headers({
      Vary: 'Origin, Access-Control-Request-Headers',
      'Access-Control-Allow-Methods': corsPolicy.allowMethods,
      'Access-Control-Allow-Headers': corsPolicy.allowHeaders,
      'Access-Control-Expose-Headers': corsPolicy.exposeHeaders,
      'Access-Control-Max-Age': String(corsPolicy.maxAgeSeconds),
    });
    if (origin) headers.set('Access-Control-Allow-Origin', origin);
    return new Response(null, { status: 204, headers });
  }
  await next();
  const set: [string, string, 'set' | 'append'][] = [['Vary', 'Origin', 'append']];
  if (origin) {
    set.push(['Access-Control-Allow-Origin', origin, 'set']);
    set.push(['Access-Control-Expose-Headers', corsPolicy.exposeHeaders, 'set']);
  }
  try {
    const headers = c.res.headers;
    for (const [name, value, how] of set) headers[how](name, value);
  } catch {
    // Immutable headers: let hono copy the answer.
    for (const [name, value, how] of set) c.header(name, value, { append: how === 'append' });
  }
};
