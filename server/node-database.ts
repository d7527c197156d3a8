// Node-only, for the entry points (server/main.ts, server/admin.ts): turns their environment into an open,
// migrated database. DATA_DIR (./data) holds the embedded file; LIBSQL_URL and LIBSQL_AUTH_TOKEN point at a
// libSQL server (sqld, Turso) instead.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';

export interface DatabaseEnv {
  DATA_DIR?: string;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
}

export async function openDatabaseFromEnv(env: DatabaseEnv) {
  let url = env.LIBSQL_URL;
  if (!url) {
    const dataDir = resolve(env.DATA_DIR ?? './data');
    mkdirSync(dataDir, { recursive: true });
    url = `file:${resolve(dataDir, 'icc-clipper.db')}`;
  }
  const db = await openDb({ url, authToken: env.LIBSQL_AUTH_TOKEN });
  await applyMigrations(db);
  // Never print the auth token; the URL of a remote database carries none (it is a separate variable).
  return { db, where: url };
}
