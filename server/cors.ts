// CORS: only the server's own pages and the extension origins the operator lists (`EXTENSION_ORIGINS`:
// the published Chrome id, a Firefox install's moz-extension UUID) may read API answers through CORS. Other
// pages and other extensions get no CORS headers, so browsers refuse them the answer.
//
// The extension itself does not depend on CORS: it holds host permission for its server (asked for at
// connect, extension/features/connect-from-page.ts), and with it Chrome and Firefox let extension pages and
// the service worker read cross-origin answers. So the default lists no extension: an unpacked Chrome
// build's id depends on its folder, and a Firefox install's moz-extension origin is a random UUID per
// install (the gecko id in wxt.config.ts never appears in an Origin header), so no fixed id could name
// "this extension" anyway; a listed origin is for an operator who wants the CORS headers too. `*` keeps the
// old policy (any chrome-extension:// or moz-extension:// origin).
//
// Every API answer also gets `X-Content-Type-Options: nosniff` here, errors and preflights included, so no
// browser reads a JSON answer (which may hold text clipped from any page) as HTML or script: set with the
// CORS headers, in the same place, rather than by one more middleware on every request.
// Written here rather than with hono/cors, which gives the same headers but adds `Vary` with `c.header()`
// after the route has answered: that turns every answer into a fresh Response around a stream of the old
// one's body, which @hono/node-server then reads back chunk by chunk. Measured with
// `npm run bench -- --only pull-throughput`: it was most of a page pull's cost outside the socket. Here the
// headers are set on the answer in place; only an answer whose headers cannot change (a fetched response
// passed through) is copied, as hono does.
import type { Context, MiddlewareHandler } from 'hono';
import { pullNextHeader } from '../shared/api/sync.ts';

const extensionOrigin = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;
const chromeId = /^[a-p]{32}$/;

/** Which extension origins may read answers: a list, or `any` extension origin. */
export type ExtensionOrigins = readonly string[] | 'any';

/**
 * Reads `EXTENSION_ORIGINS`: comma-separated origins (`chrome-extension://<id>`, `moz-extension://<uuid>`)
 * or bare Chrome ids (32 letters a–p); `*` for any extension origin. Throws on anything else, so a typo
 * is seen at start rather than as refused requests.
 */
export function parseExtensionOrigins(value: string | undefined): ExtensionOrigins {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 1 && items[0] === '*') return 'any';
  return items.map((item) => {
    if (chromeId.test(item)) return `chrome-extension://${item}`;
    const origin = item.replace(/\/+$/, '');
    if (extensionOrigin.test(origin)) return origin.toLowerCase();
    throw new Error(
      `EXTENSION_ORIGINS: "${item}" is not chrome-extension://<id>, moz-extension://<uuid>, a Chrome id, or *`,
    );
  });
}

const corsPolicy = {
  allowMethods: 'GET,POST,PATCH,DELETE',
  allowHeaders: 'Authorization,Content-Type',
  exposeHeaders: `Retry-After,${pullNextHeader}`,
  maxAgeSeconds: 600,
} as const;

/** The CORS middleware for the API, answering to `extensions` and to this server's own pages. */
export function corsForExtensions(extensions: ExtensionOrigins = []): MiddlewareHandler {
  const listed = new Set(extensions === 'any' ? [] : extensions);
  const isExtension = (origin: string) =>
    extensions === 'any' ? extensionOrigin.test(origin) : listed.has(origin.toLowerCase());
  /** The origin to answer to, or null: a listed extension, or this server's own pages. */
  const allowedOrigin = (c: Context): string | null => {
    const origin = c.req.header('origin');
    if (!origin) return null;
    return isExtension(origin) || origin === new URL(c.req.url).origin ? origin : null;
  };
  return (c, next) => cors(c, next, allowedOrigin(c));
}

async function cors(c: Context, next: () => Promise<void>, origin: string | null) {
  if (c.req.method === 'OPTIONS') {
    // A preflight: answered here, whether or not the origin may call (a refused one gets no Allow-Origin).
    const headers = new Headers({
      'X-Content-Type-Options': 'nosniff',
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
  const set: [string, string, 'set' | 'append'][] = [
    ['Vary', 'Origin', 'append'],
    ['X-Content-Type-Options', 'nosniff', 'set'],
  ];
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
}
