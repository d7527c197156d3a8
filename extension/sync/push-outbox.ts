// Push: sends the outbox in order, in batches the server accepts (≤ 50 mutations, a few MB), and removes
// each batch only once the server has committed it. A batch that fails stays whole in the outbox; sending it
// again is harmless (every mutation carries its idempotency key).
import { maxMutationsPerPush, type PushResponse } from '../../shared/api/sync.ts';
import { wellFormedDeep } from '../../shared/well-formed.ts';
import { type OutboxEntry, openLibrary } from '../store/db.ts';
import { isKeptKind, storeOfKind } from '../store/kind-stores.ts';
import { spreadPulledPages } from '../store/pulled-pages.ts';
import { callApi } from './api-client.ts';
import { type Connection, clientId } from './connection.ts';

const maxBatchBytes = 4_000_000;

export function batches(entries: readonly OutboxEntry[]): OutboxEntry[][] {
  const out: OutboxEntry[][] = [];
  let current: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = JSON.stringify(entry.mutation).length;
    if (current.length && (current.length >= maxMutationsPerPush || bytes + size > maxBatchBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

/** Pushes everything pending; returns how many mutations the server took. */
export async function pushOutbox(connection: Connection): Promise<number> {
  // The answers raise the local copies' versions: a first sync's pages go where they are looked for first.
  await spreadPulledPages();
  const db = await openLibrary();
  const pending = await db.getAll('outbox');
  const client = await clientId();
  let sent = 0;
  for (const batch of batches(pending)) {
    const answer = await callApi<PushResponse>(connection, '/api/sync/push', {
      method: 'POST',
      // Repaired to U+FFFD if it holds a lone surrogate (a change stored before the extractor repaired them):
      // the server refuses ill-formed strings, and the outbox must not hold a change it can never send.
      body: { clientId: client, mutations: batch.map((e) => wellFormedDeep(e.mutation)) },
    });
    const tx = db.transaction(['outbox', 'practices', 'highlights', 'stakeholders', 'snippets'], 'readwrite');
    for (const entry of batch) await tx.objectStore('outbox').delete(entry.seq!);
    for (const result of answer.results) {
      const kind = batch.find((e) => e.mutation.id === result.id)?.mutation.kind;
      if (!kind || !isKeptKind(kind)) continue;
      const store = storeOfKind[kind];
      const local = await tx.objectStore(store).get(result.objectId);
      if (local && local.version < result.objectVersion) {
        await tx.objectStore(store).put({ ...local, version: result.objectVersion });
      }
    }
    await tx.done;
    sent += batch.length;
  }
  return sent;
}
