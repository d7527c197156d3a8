// The sync server as the benches run it, in a process of its own so that load generators and browsers do
// not share its event loop: the real app (createApp, rate limit off) on the database in BENCH_DATA_DIR,
// mounted under a parent Hono app that also answers GET /hello — the hello-world baseline served by the
// same Node process. Prints `{"port":N}` on one line once it listens; stops on SIGTERM.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { openDatabaseFromEnv } from '../../server/node-database.ts';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is not set');
const { db } = await openDatabaseFromEnv({ DATA_DIR: dataDir });

const app = new Hono();
// BENCH_REQUEST_LOG=1: one `{"request":…}` line per request on stdout (wall-clock start and end), so a bench
// can see what a browser asked and when. Off for load tests: writing costs.
if (process.env.BENCH_REQUEST_LOG === '1') {
  app.use(async (c, next) => {
    const start = Date.now();
    await next();
    const request = { path: c.req.path, query: new URL(c.req.url).search, status: c.res.status };
    process.stdout.write(`${JSON.stringify({ request: { ...request, start, end: Date.now() } })}\n`);
  });
}
app.get('/hello', (c) => c.text('Hello, world!'));
// A constant JSON answer of `bytes` bytes, no database: what answering that many bytes costs this server and
// the socket alone, beside a pull of the same size (bench/pull-throughput.ts).
const constants = new Map<number, string>();
app.get('/constant', (c) => {
  const bytes = Math.min(Math.max(Number(c.req.query('bytes')) || 0, 8), 10_000_000);
  let body = constants.get(bytes);
  if (body === undefined) {
    body = `{"x":"${'x'.repeat(bytes - 8)}"}`;
    constants.set(bytes, body);
  }
  return c.body(body, 200, { 'content-type': 'application/json' });
});
app.route('/', createApp({ db, rateLimit: false, log: () => {} }));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  db.$client.close();
  process.exit(0);
});
