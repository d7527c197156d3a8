// The outbox: every local change, in order, until the sync client has delivered it to the city library.
// Entries are written in the same IndexedDB transaction as the change itself, stamped with the local hybrid
// logical clock (kept in `meta`), so a saved change is always a queued change.
import type { IDBPTransaction, StoreNames } from 'idb';
import { tickHlc } from '../../shared/sync/hlc.ts';
import { type LibrarySchema, type OutboxEntry, openLibrary } from './db.ts';
import type { PendingMutation } from './mutations.ts';

type WriteTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'readwrite'>;

const hlcKey = 'hlc';

/** Queues the mutation `build` makes with the next clock stamp; `tx` must include `outbox` and `meta`. */
export async function enqueue(
  tx: WriteTx,
  build: (hlc: string) => PendingMutation | null,
  nowMs: number,
): Promise<void> {
  const meta = tx.objectStore('meta');
  const hlc = tickHlc(((await meta.get(hlcKey)) as string | undefined) ?? null, nowMs);
  const mutation = build(hlc);
  if (!mutation) return;
  await meta.put(hlc, hlcKey);
  await tx.objectStore('outbox').add({ mutation } satisfies OutboxEntry);
}

export async function pendingChanges(): Promise<OutboxEntry[]> {
  return (await openLibrary()).getAll('outbox');
}

export async function pendingCount(): Promise<number> {
  return (await openLibrary()).count('outbox');
}
