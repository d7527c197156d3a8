// The server's entry point, and the only file that reads the environment or uses Node-only APIs.
//   PORT (8787), HOST (127.0.0.1), DATA_DIR (./data): where to listen and where the embedded database lives.
//   LIBSQL_URL, LIBSQL_AUTH_TOKEN: use a libSQL server (sqld, Turso) instead of the embedded file.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDb } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const remoteUrl = process.env.LIBSQL_URL;

let url = remoteUrl;
if (!url) {
  mkdirSync(dataDir, { recursive: true });
  url = `file:${resolve(dataDir, 'icc-clipper.db')}`;
}
const db = await openDb({ url, authToken: process.env.LIBSQL_AUTH_TOKEN });
await applyMigrations(db);

const app = createApp({ db });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`ICC Clipper server on http://${host}:${info.port} (database: ${remoteUrl ? remoteUrl : url})`);
});

// Stop accepting connections, let in-flight requests finish, then close the database.
let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
