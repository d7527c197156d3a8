// The server's entry point, and (with the admin CLI) the only place that reads the environment or uses
// Node-only APIs:
//   PORT (8787), HOST (127.0.0.1): where to listen.
//   DATA_DIR (./data): the embedded database's folder. LIBSQL_URL, LIBSQL_AUTH_TOKEN: a libSQL server instead.
//   PUBLIC_URL: the address members use, when the server sits behind a proxy (used in connect links).
//   RATE_LIMIT_BURST (300), RATE_LIMIT_PER_SECOND (10; 0 turns the limit off), MAX_BODY_BYTES (10 MB).
//   AUTH_FAILURE_BURST (20), AUTH_FAILURE_PER_SECOND (1; 0 only logs): failed sign-ins allowed per address.
//   TRUST_PROXY (0): how many reverse proxies stand in front, whose X-Forwarded-For gives the address.
//   EXTENSION_ORIGINS (none): extension origins or Chrome ids whose pages get CORS headers (server/cors.ts).
//   FIRST_CITY_NAME, FIRST_CITY_COUNTRY, FIRST_CITY_LANG, FIRST_COORDINATOR_NAME: the first start's city.
//   LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY, DEEPL_API_KEY, DEEPL_API_URL, TRANSLATE_ENGINES,
//   TRANSLATE_MAX_CHARS, TRANSLATE_DAILY_CHARS: server-side translation (server/translate/config.ts).
//   SYNC_HORIZON_DAYS (30): how long the sync history (tombstones, processed mutation ids, removed set
//   elements) is kept; a client that has not synced for longer gets a full resync (server/sync/prune-history.ts).
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { parseExtensionOrigins } from './cors.ts';
import { convertToIncrementalVacuum } from './db/auto-vacuum.ts';
import { catchUpAllSearchIndexes } from './library/search-index.ts';
import { openDatabaseFromEnv } from './node-database.ts';
import { bootstrapFirstCity, bootstrapMessage } from './tenancy/bootstrap.ts';
import { translationFromEnv } from './translate/config.ts';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const linkHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '');
const server = publicUrl ?? `http://${linkHost}:${port}`;
const perSecond = Number(env.RATE_LIMIT_PER_SECOND ?? 10);
const failuresPerSecond = Number(env.AUTH_FAILURE_PER_SECOND ?? 1);
const trustProxy = env.TRUST_PROXY === 'true' ? 1 : Number(env.TRUST_PROXY ?? 0);
if (!Number.isInteger(trustProxy) || trustProxy < 0)
  throw new Error(`TRUST_PROXY must be a number of proxies (0, 1, 2…), not ${env.TRUST_PROXY}`);

const translation = translationFromEnv(env);
const horizonDays = env.SYNC_HORIZON_DAYS === undefined ? undefined : Number(env.SYNC_HORIZON_DAYS);
if (horizonDays !== undefined && !(Number.isFinite(horizonDays) && horizonDays >= 1)) {
  throw new Error(`SYNC_HORIZON_DAYS must be a number of days, at least 1 (got ${env.SYNC_HORIZON_DAYS})`);
}
const { db, where } = await openDatabaseFromEnv(env);
// Once: an existing file switches to giving freed pages back (one VACUUM, server/db/auto-vacuum.ts).
const vacuumMs = await convertToIncrementalVacuum(db);
if (vacuumMs !== undefined)
  console.log(`Database file: auto_vacuum=INCREMENTAL set (VACUUM took ${vacuumMs} ms)`);
const first = await bootstrapFirstCity(db, {
  server,
  now: Date.now(),
  coordinatorName: env.FIRST_COORDINATOR_NAME,
  city: {
    ...(env.FIRST_CITY_NAME ? { name: env.FIRST_CITY_NAME } : {}),
    ...(env.FIRST_CITY_COUNTRY ? { country: env.FIRST_CITY_COUNTRY } : {}),
    ...(env.FIRST_CITY_LANG ? { lang: env.FIRST_CITY_LANG } : {}),
  },
});

// Build or catch up every city's search index in the background (server/library/search-index.ts), so no
// member's first search after an upgrade waits for a whole library to be indexed.
catchUpAllSearchIndexes(db).then(
  ({ cities, ms }) => {
    if (ms > 1000) console.log(`Search index: ${cities} cities caught up in ${(ms / 1000).toFixed(1)} s`);
  },
  (error) => console.error('Search index: catching up failed', error),
);

const app = createApp({
  db,
  publicUrl,
  maxBodyBytes: env.MAX_BODY_BYTES ? Number(env.MAX_BODY_BYTES) : undefined,
  rateLimit: perSecond > 0 ? { burst: Number(env.RATE_LIMIT_BURST ?? 300), perSecond } : false,
  authFailures:
    failuresPerSecond > 0
      ? { burst: Number(env.AUTH_FAILURE_BURST ?? 20), perSecond: failuresPerSecond }
      : false,
  trustProxy,
  extensionOrigins: parseExtensionOrigins(env.EXTENSION_ORIGINS),
  translation,
  history: { horizonDays },
});
const listener = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`ICC Clipper server on http://${host}:${info.port} (database: ${where})`);
  console.log(`API reference: ${server}/api/docs`);
  console.log(
    translation.engines.length
      ? `Translation engines: ${translation.engines.map((e) => e.label).join(', ')}`
      : 'Translation engines: none (set LIBRETRANSLATE_URL or DEEPL_API_KEY to offer server-side translation)',
  );
  if (first) console.log(bootstrapMessage(first));
});

// Stop accepting connections, let in-flight requests finish, then close the database.
let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  setTimeout(() => process.exit(1), 10_000).unref();
  listener.close(() => {
    db.$client.close();
    process.exit(0);
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
