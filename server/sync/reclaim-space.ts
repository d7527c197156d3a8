// After an erasure, the erased values must not linger in the database files either. Deleted or overwritten
// content is zeroed as it is freed (PRAGMA secure_delete, set on every connection in db/client.ts); the
// write-ahead log still holds earlier page images until a checkpoint, so an erasure ends with one that also
// truncates the log. Only for the embedded file: a libSQL server manages its own storage and log.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

export async function reclaimErasedSpace(db: Db): Promise<void> {
  if (db.$client.protocol !== 'file') return;
  try {
    await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  } catch {
    // A busy checkpoint is retried by SQLite's automatic checkpoints; the erasure itself is committed.
  }
}
