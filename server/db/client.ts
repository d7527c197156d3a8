// Opens the database: an embedded libSQL file (the default) or a libSQL server (sqld / Turso) over HTTP.
// No Node-only API here, so the same code can run on an edge runtime with a remote database.
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { incrementalVacuumIfNew } from './auto-vacuum.ts';
import * as schema from './schema/index.ts';
import { wellFormedArgs } from './well-formed-args.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export interface DbOptions {
  url: string;
  authToken?: string;
  /** How long a writer waits for another writer's lock on a file database, in ms. */
  busyTimeoutMs?: number;
  /** Connections in the embedded client's pool. */
  connections?: number;
}

export async function openDb({
  url,
  authToken,
  busyTimeoutMs = 5000,
  connections = 8,
}: DbOptions): Promise<Db> {
  const isFile = url.startsWith('file:');
  const client = createClient(
    isFile ? { url, concurrency: connections, timeout: busyTimeoutMs } : { url, authToken },
  );
  if (isFile) await tuneFileConnections(client, connections);
  // Every statement's strings well-formed, on a file or a server alike (db/well-formed-args.ts).
  return drizzle({ client: wellFormedArgs(client), schema });
}

/**
 * WAL lets pulls read while a push writes; synchronous=NORMAL is safe in WAL mode and several times faster
 * than libSQL's default FULL (STACK.md). journal_mode persists in the file, but `synchronous` is per
 * connection and @libsql/client 0.18 keeps a pool of them, so every pooled connection gets the pragma:
 * each deferred transaction (which takes no lock) pins one connection while the next one is opened and tuned.
 * busy_timeout is the client's `timeout` option, which the pool applies to each connection it opens.
 * secure_delete is per connection too.
 */
async function tuneFileConnections(client: Client, connections: number): Promise<void> {
  // A new file gives freed pages back (db/auto-vacuum.ts); chosen before its first table, so first of all.
  await incrementalVacuumIfNew(client);
  await client.execute('PRAGMA journal_mode=WAL');
  await client.execute('PRAGMA foreign_keys=ON');
  const pinned = [];
  for (let i = 0; i < connections; i++) {
    await client.execute('PRAGMA synchronous=NORMAL');
    await client.execute('PRAGMA foreign_keys=ON');
    // Erased personal data is zeroed in the file as it is freed, not left in free pages (issue 4).
    await client.execute('PRAGMA secure_delete=ON');
    if (i < connections - 1) pinned.push(await client.transaction('deferred'));
  }
  for (const tx of pinned) tx.close();
}
