// Pull: fetches what changed in the city library since the cursor, page by page, and applies each page in
// one transaction with the new cursor — so a crash mid-way resumes from the last whole page. Changes not yet
// pushed from this browser are re-applied on top (never hidden by an older server copy).
import { type PullResponse, pullResponseSchema } from '../../shared/api/sync.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import { urlKeys } from '../../shared/url.ts';
import { openLibrary } from '../store/db.ts';
import { isKeptKind, type KeptKind, storeOfKind, tombstoneOf } from '../store/kind-stores.ts';
import { applyPending, type PendingMutation } from '../store/mutations.ts';
import { callApi } from './api-client.ts';
import { type Connection, getCursor } from './connection.ts';

const pageSize = 1000;

export interface PulledChanges {
  /** Ids of the objects that changed. */
  ids: string[];
  /** Members who created the changed objects (to put names to them). */
  authors: string[];
}

/** Pulls until up to date. */
export async function pullChanges(connection: Connection): Promise<PulledChanges> {
  const ids: string[] = [];
  const authors = new Set<string>();
  let since = await getCursor();
  for (;;) {
    const raw = await callApi<PullResponse>(connection, `/api/sync/pull?since=${since}&limit=${pageSize}`);
    const page = pullResponseSchema.parse(raw);
    await applyPage(page);
    for (const change of page.changes) {
      ids.push(change.id);
      const author = !change.deleted && (change.object as { createdBy?: unknown }).createdBy;
      if (typeof author === 'string') authors.add(author);
    }
    since = page.version;
    if (!page.hasMore) return { ids, authors: [...authors] };
  }
}

/**
 * One page in one transaction. All reads are issued at once and all writes too (IndexedDB queues them inside
 * the transaction), rather than one round trip per object: a first sync of 10,000 practices is 20 pages.
 */
async function applyPage(page: ReturnType<typeof pullResponseSchema.parse>): Promise<void> {
  const db = await openLibrary();
  // Relaxed durability: a page lost in a crash is lost with its cursor (same transaction) and pulled again.
  const tx = db.transaction(
    ['practices', 'highlights', 'stakeholders', 'snippets', 'outbox', 'meta'],
    'readwrite',
    {
      durability: 'relaxed',
    },
  );
  // Changes of this browser not yet sent (usually none): re-applied on top of what the server says.
  const pending = new Map<string, PendingMutation[]>();
  for (const { mutation } of await tx.objectStore('outbox').getAll()) {
    pending.set(mutation.objectId, [...(pending.get(mutation.objectId) ?? []), mutation]);
  }
  const kept = page.changes.filter((c) => isKeptKind(c.kind));
  const locals = await Promise.all(
    kept.map((c) => tx.objectStore(storeOfKind[c.kind as KeptKind]).get(c.id)),
  );
  const writes: Promise<unknown>[] = [];
  kept.forEach((change, i) => {
    const kind = change.kind as KeptKind;
    const store = tx.objectStore(storeOfKind[kind]);
    const local = locals[i];
    // A copy already newer than this change (a push answered meanwhile) stays as it is.
    if (local && local.version > change.version) return;
    if (change.deleted) {
      // What stays of a deleted or erased object is its envelope: no personal data survives here.
      if (local) writes.push(store.put(tombstoneOf(local, change.deletedAt, change.version) as never));
      return;
    }
    let object: Record<string, unknown> = { ...change.object };
    for (const m of pending.get(change.id) ?? []) object = applyPending(kind, object, m);
    if (kind === 'practice') {
      const practice = object as Practice;
      writes.push(store.put({ ...practice, urlKeys: urlKeys(practice.url, practice.canonicalUrl) } as never));
    } else {
      writes.push(store.put(object as never));
    }
  });
  writes.push(tx.objectStore('meta').put(page.version, 'cursor'));
  await Promise.all([...writes, tx.done]);
}
