// Push: sends the outbox in order, in batches the server accepts (≤ 50 mutations, a few MB), and removes
// each batch only once the server has committed it. A batch that fails stays whole in the outbox; sending it
// again is harmless (every mutation carries its idempotency key). Except one refused for good: a 400 naming
// one of its mutations (`mutations.N…`) can never succeed as it is and would hold up the whole outbox for
// ever, so that mutation is set aside (store/set-aside.ts: kept, told to the member) and the rest is sent
// again. Answers that say a change had no effect (`ignored`) or lost elements (`dropped`) are set aside too.
import { maxMutationsPerPush, type PushResponse } from '../../shared/api/sync.ts';
import { wellFormedDeep } from '../../shared/well-formed.ts';
import { type LibraryDb, type OutboxEntry, openLibrary } from '../store/db.ts';
import { isKeptKind, storeOfKind } from '../store/kind-stores.ts';
import { spreadPulledPages } from '../store/pulled-pages.ts';
import { keepSetAside, labelOf, type SetAsideChange } from '../store/set-aside.ts';
import { callApi, SyncError } from './api-client.ts';
import { type Connection, clientId } from './connection.ts';

/** UTF-8 bytes of a batch's mutations, well under the server's default body limit (10 MB, in bytes). */
const maxBatchBytes = 4_000_000;

/** How many bytes `text` takes in UTF-8 (what the server's body limit counts), without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    // Two code units of a pair make 4 bytes (2 + 2), a lone one is sent as U+FFFD (3).
    bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

export function batches(entries: readonly OutboxEntry[]): OutboxEntry[][] {
  const out: OutboxEntry[][] = [];
  let current: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = utf8Length(JSON.stringify(entry.mutation));
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
  const queue = batches(pending);
  for (let batch = queue.shift(); batch; batch = queue.shift()) {
    while (batch.length > 0) {
      let answer: PushResponse;
      try {
        answer = await callApi<PushResponse>(connection, '/api/sync/push', {
          method: 'POST',
          // Repaired to U+FFFD if it holds a lone surrogate (a change stored before the extractor repaired them):
          // the server refuses ill-formed strings, and the outbox must not hold a change it can never send.
          body: { clientId: client, mutations: batch.map((e) => wellFormedDeep(e.mutation)) },
        });
      } catch (error) {
        if (isTooLarge(error)) {
          // More than this server takes in one request (its limit may be lower than the default): send the
          // first half, then the second, in order; one change alone that is too large can never go.
          if (batch.length > 1) {
            const half = Math.ceil(batch.length / 2);
            queue.unshift(batch.slice(0, half), batch.slice(half));
            break;
          }
          await setAside(db, batch[0]!, (error as SyncError).failure.detail);
          break;
        }
        const refused = refusedIndex(error, batch.length);
        if (refused === undefined) throw error;
        // Nothing of the batch was committed (all or nothing): the others go again without it.
        await setAside(db, batch[refused]!, (error as SyncError).failure.detail);
        batch = batch.filter((_, i) => i !== refused);
        continue;
      }
      await acknowledge(db, batch, answer);
      sent += batch.length;
      break;
    }
  }
  return sent;
}

const stores = ['outbox', 'meta', 'practices', 'highlights', 'stakeholders', 'snippets'] as const;

/** The answered batch leaves the outbox; local copies get the versions; changes without effect are told. */
async function acknowledge(db: LibraryDb, batch: readonly OutboxEntry[], answer: PushResponse) {
  const tx = db.transaction([...stores], 'readwrite');
  for (const entry of batch) await tx.objectStore('outbox').delete(entry.seq!);
  const told: SetAsideChange[] = [];
  const at = new Date().toISOString();
  for (const result of answer.results) {
    const mutation = batch.find((e) => e.mutation.id === result.id)?.mutation;
    if (!mutation || !isKeptKind(mutation.kind)) continue;
    const store = storeOfKind[mutation.kind];
    const local = await tx.objectStore(store).get(result.objectId);
    // A put without effect (the object was deleted meanwhile: the pull brings its tombstone), or elements
    // not kept because the set was full (the pull brings the set as the server keeps it).
    const ignored = result.status === 'ignored' && mutation.op === 'put';
    if (ignored || result.dropped) {
      const label = labelOf(mutation, local as Record<string, unknown> | undefined);
      told.push(
        ignored
          ? { mutation, why: 'ignored', ...(result.reason ? { detail: result.reason } : {}), label, at }
          : { mutation, why: 'dropped', dropped: result.dropped, label, at },
      );
    }
    if (local && local.version < result.objectVersion) {
      await tx.objectStore(store).put({ ...local, version: result.objectVersion });
    }
  }
  await keepSetAside(tx, told);
  await tx.done;
}

/** A 413: the request was larger than the server takes (`payload_too_large`, `batch_too_large`). */
function isTooLarge(error: unknown): boolean {
  return (
    error instanceof SyncError &&
    error.failure.reason === 'rejected' &&
    (error.failure.code === 'payload_too_large' || error.failure.code === 'batch_too_large')
  );
}

/** The index of the batch's mutation a 400 `validation_failed` names (`mutations.N.…: …`), if it names one. */
export function refusedIndex(error: unknown, size: number): number | undefined {
  if (!(error instanceof SyncError) || error.failure.reason !== 'rejected') return undefined;
  // The server's message names the first failing field (server/validate.ts), after the status.
  const match = /^400 mutations\.(\d+)[.:]/.exec(error.failure.detail);
  const index = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(index) && index < size ? index : undefined;
}

/** The refused mutation leaves the outbox for the set-aside list, in one transaction. */
async function setAside(db: LibraryDb, entry: OutboxEntry, detail: string) {
  const tx = db.transaction([...stores], 'readwrite');
  const { mutation } = entry;
  const local = isKeptKind(mutation.kind)
    ? await tx.objectStore(storeOfKind[mutation.kind]).get(mutation.objectId)
    : undefined;
  await tx.objectStore('outbox').delete(entry.seq!);
  const label = labelOf(mutation, local as Record<string, unknown> | undefined);
  await keepSetAside(tx, [
    {
      mutation,
      why: 'refused',
      detail: detail.replace(/^4\d\d /, '').replace(/ \[\{.*$/s, ''),
      label,
      at: new Date().toISOString(),
    },
  ]);
  await tx.done;
}
