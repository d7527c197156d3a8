// A full resync: the server answered a pull `410 resync_required` (this browser's cursor is behind the city's
// pruned history, shared/sync/README.md "History horizon"), so deletions made meanwhile may no longer be told
// by tombstones. The pull starts again from 0 over the library as it is (pull-changes.ts: whole objects,
// unsent changes re-applied on top, the outbox left as it is), and once the last page is stored every local
// copy the full answer did not name is deleted here: it was deleted on the server and its tombstone pruned.
// Kept: copies never synced (version 0) and those an unsent creation in the outbox makes. A flag in `meta`
// says a resync is under way, so one interrupted by a crash walks again from 0 (the names seen are not kept).
import { openLibrary, type PracticeText } from '../store/db.ts';
import { type KeptKind, storeOfKind, tombstoneOf } from '../store/kind-stores.ts';
import { SyncError } from './api-client.ts';

const resyncKey = 'resync';

/** Whether a failed request was the server's `410 resync_required`. */
export function isResyncRequired(error: unknown): boolean {
  return (
    error instanceof SyncError &&
    error.failure.reason === 'rejected' &&
    error.failure.code === 'resync_required'
  );
}

/** The cursor back to 0 and the resync flag set, in one transaction. */
export async function beginResync(): Promise<void> {
  const db = await openLibrary();
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([tx.store.put(0, 'cursor'), tx.store.put(true, resyncKey), tx.done]);
}

export async function resyncUnderWay(): Promise<boolean> {
  return (await (await openLibrary()).get('meta', resyncKey)) === true;
}

/**
 * After the last page of a resync: the local copies `seen` does not name are deleted (their envelope stays,
 * as for a tombstone, with no data), unless never synced or created by an unsent mutation; the flag is
 * cleared. Answers the ids deleted.
 */
export async function finishResync(seen: ReadonlySet<string>): Promise<string[]> {
  const db = await openLibrary();
  const stores = Object.values(storeOfKind);
  const tx = db.transaction([...stores, 'practiceTexts', 'outbox', 'meta'], 'readwrite');
  const creating = new Set(
    (await tx.objectStore('outbox').getAll())
      .filter(({ mutation: m }) => m.op === 'put' && m.baseVersion === 0)
      .map(({ mutation: m }) => m.objectId),
  );
  const deletedAt = new Date().toISOString();
  const deleted: string[] = [];
  for (const kind of Object.keys(storeOfKind) as KeptKind[]) {
    const store = tx.objectStore(storeOfKind[kind]);
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      const local = cursor.value as { id: string; version: number; deletedAt?: string | null };
      if (local.deletedAt || local.version === 0 || seen.has(local.id) || creating.has(local.id)) continue;
      await cursor.update(tombstoneOf(local, deletedAt, local.version) as never);
      if (kind === 'practice') {
        await tx
          .objectStore('practiceTexts')
          .put({ id: local.id, contentMarkdown: null } satisfies PracticeText);
      }
      deleted.push(local.id);
    }
  }
  await tx.objectStore('meta').delete(resyncKey);
  await tx.done;
  return deleted;
}
