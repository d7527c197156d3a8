// A first sync's pages, kept whole until they are spread into the practices store.
// Why: a first sync into an empty browser writes the city's whole library, 10,000 practices for a big city.
// Written one IndexedDB record per practice, that alone took 1.5–2.5 s in Chromium on the bench machine
// (bench/initial-sync.ts); written as one record per pull page of 1,000, 0.4 s. So the pull stores each page
// as it came (`pulledPages`, keyed by the page's library version: later pages sort after earlier ones), and
// half a second after the sync run `spreadPulledPages` moves them into `practices`, one page per transaction,
// in the background. Until then the practices a page holds are stored, only not yet where lookups by id and
// address find them, so the readers of practices by id and the list (store/practices.ts) lay the pages over
// the store (a lookup by address spreads them first: a page has no index of addresses):
// - a page's copy wins over the store's (the store cannot be newer: every writer of practices spreads first,
//   see `spreadPulledPages`), and a later page's over an earlier one's;
// - a page lists the practices deleted on the server (an earlier page of the same sync may list one live).
// Two contexts spreading at once (the background and the side panel, say) stay correct: each transaction
// takes the first page left, and IndexedDB runs read-write transactions on the same stores one at a time.
import { type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import { type PullPage, readPullPage } from '../../shared/sync/pull-page.ts';
import {
  type LibraryDb,
  type LibrarySchema,
  openLibrary,
  type StoredPractice,
  storedPractice,
} from './db.ts';
import { tombstoneOf } from './kind-stores.ts';

/** A practice as a pulled page keeps it: without its page text, and without its URL keys (made when spread). */
export type PagedPractice = Omit<StoredPractice, 'urlKeys'>;

/** A practice deleted on the server, as a page lists it (an earlier page of the same sync may list it live). */
export interface PagedDeletion {
  id: string;
  deletedAt: string;
  version: number;
}

export interface PulledPage {
  practices: PagedPractice[];
  deleted: PagedDeletion[];
}

/**
 * A pull page as stored: nearly always the pull's answer as the server sent it (its JSON text: storing and
 * posting a string costs the service worker next to nothing, where a structured copy of 1,000 practices cost
 * tens of milliseconds each time, and JSON.parse reads it back faster), or its practices as objects: when the
 * pull changed a practice on the way (a local change re-applied on top), or when the page holds a contact
 * (personal data is kept only in the contacts store, where an erasure reaches it).
 */
export type PulledPageRecord = PulledPage | { answer: string };

/** A stored page's practices. */
export function pageOf(record: PulledPageRecord): PulledPage {
  return 'answer' in record ? pagedFrom(readPullPage(JSON.parse(record.answer))) : record;
}

/** What a first sync keeps of a pull page whose practices it stores as sent: the live ones, and the deleted. */
export function pagedFrom(page: PullPage): PulledPage {
  const paged: PulledPage = { practices: [], deleted: [] };
  for (const change of page.changes) {
    if (change.kind !== 'practice') continue;
    if (change.deleted) {
      paged.deleted.push({ id: change.id, deletedAt: change.deletedAt, version: change.version });
    } else paged.practices.push(change.object as PagedPractice);
  }
  return paged;
}

/** What the pages say of a practice: its copy, or that it was deleted since an earlier page. */
export type PagedCopy = { live: PagedPractice } | { deleted: PagedDeletion };

/**
 * The pages not yet spread, laid over one another (later pages win), by practice id; null when there are
 * none (the usual case: one count, no read of the pages). Read in the caller's transaction, with whatever it
 * reads of the practices store, so that a spread cannot fall between the two reads.
 */
export async function pagedCopies(tx: WithPulledPages): Promise<Map<string, PagedCopy> | null> {
  const store = tx.objectStore('pulledPages');
  if ((await store.count()) === 0) return null;
  const copies = new Map<string, PagedCopy>();
  for (const record of await store.getAll()) {
    const page = pageOf(record);
    for (const live of page.practices) copies.set(live.id, { live });
    for (const deleted of page.deleted) copies.set(deleted.id, { deleted });
  }
  return copies;
}

/** A transaction that includes the pulled pages. */
export type WithPulledPages = IDBPTransaction<
  LibrarySchema,
  ['pulledPages', ...StoreNames<LibrarySchema>[]],
  IDBTransactionMode
>;

let spreading: Promise<void> | null = null;

/**
 * Moves every pulled page into the practices store, oldest first, one page per transaction (a page's
 * practices and the page's removal commit together, so a stop mid-way resumes with the next page). Called
 * after a sync run, and by every writer of practices before it reads one. Cheap when there is nothing to
 * spread (one count). Asked again while it runs in this context, it answers the run under way.
 */
export function spreadPulledPages(): Promise<void> {
  spreading ??= spreadAll().finally(() => {
    spreading = null;
  });
  return spreading;
}

async function spreadAll(): Promise<void> {
  const db = await openLibrary();
  while (await spreadFirstPage(db)) {
    // one page per transaction: readers and writers of other stores are not held up for the whole library
  }
}

/** Spreads the oldest page left; false when there was none. */
async function spreadFirstPage(db: LibraryDb): Promise<boolean> {
  const tx = db.transaction(['pulledPages', 'practices'], 'readwrite', { durability: 'relaxed' });
  const cursor = await tx.objectStore('pulledPages').openCursor();
  if (!cursor) {
    await tx.done;
    return false;
  }
  const { practices, deleted } = pageOf(cursor.value);
  const deletedLocals = await Promise.all(deleted.map((d) => tx.objectStore('practices').get(d.id)));
  // Writes through the plain transaction, without a promise each (1,000 per page): a failed write aborts it.
  const store = unwrap(tx).objectStore('practices');
  for (const p of practices) {
    store.put(storedPractice(p));
  }
  deleted.forEach((d, i) => {
    const local = deletedLocals[i];
    // What stays of a deleted object is its envelope (kind-stores.ts), as an ordinary pull would leave it.
    if (local && local.version < d.version) store.put(tombstoneOf(local, d.deletedAt, d.version));
  });
  unwrap(cursor).delete();
  await tx.done;
  return true;
}
