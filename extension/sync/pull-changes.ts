// Pull: fetches what changed in the city library since the cursor, page by page, and applies each page in
// one transaction with the new cursor — so a crash mid-way resumes from the last whole page. Changes not yet
// pushed from this browser are re-applied on top (never hidden by an older server copy).
import { type PullResponse, pullResponseSchema } from '../../shared/api/sync.ts';
import type { Highlight } from '../../shared/schemas/highlight.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import { urlKeys } from '../../shared/url.ts';
import { openLibrary } from '../store/db.ts';
import { isKeptKind, storeOfKind } from '../store/kind-stores.ts';
import { applyPending } from '../store/mutations.ts';
import { callApi } from './api-client.ts';
import { type Connection, getCursor } from './connection.ts';

const pageSize = 500;

/** Pulls until up to date; returns the ids of the objects that changed. */
export async function pullChanges(connection: Connection): Promise<string[]> {
  const changed: string[] = [];
  let since = await getCursor();
  for (;;) {
    const raw = await callApi<PullResponse>(connection, `/api/sync/pull?since=${since}&limit=${pageSize}`);
    const page = pullResponseSchema.parse(raw);
    await applyPage(page);
    changed.push(...page.changes.map((c) => c.id));
    since = page.version;
    if (!page.hasMore) return changed;
  }
}

async function applyPage(page: ReturnType<typeof pullResponseSchema.parse>): Promise<void> {
  const db = await openLibrary();
  const tx = db.transaction(['practices', 'highlights', 'stakeholders', 'outbox', 'meta'], 'readwrite');
  for (const change of page.changes) {
    // Snippets arrive here once the extension keeps them (that upgrade resets the cursor, as v2 did).
    if (!isKeptKind(change.kind)) continue;
    const store = storeOfKind[change.kind];
    const pending = (await tx.objectStore('outbox').index('byObject').getAll(change.id)).map(
      (e) => e.mutation,
    );
    if (change.deleted) {
      const local = await tx.objectStore(store).get(change.id);
      if (local) {
        await tx
          .objectStore(store)
          .put({ ...local, deletedAt: change.deletedAt, version: change.version } as never);
      }
      continue;
    }
    let object: Record<string, unknown> = { ...change.object };
    for (const m of pending) object = applyPending(change.kind, object, m);
    if (change.kind === 'practice') {
      const practice = object as Practice;
      await tx
        .objectStore('practices')
        .put({ ...practice, urlKeys: urlKeys(practice.url, practice.canonicalUrl) });
    } else if (change.kind === 'highlight') {
      await tx.objectStore('highlights').put(object as Highlight);
    } else {
      await tx.objectStore('stakeholders').put(object as Stakeholder);
    }
  }
  await tx.objectStore('meta').put(page.version, 'cursor');
  await tx.done;
}
