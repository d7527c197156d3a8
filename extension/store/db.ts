// The local library: one IndexedDB database in the extension's origin, shared by the background, popup,
// side panel and options page. IndexedDB (not storage.local) because it survives service-worker shutdown and
// browser restart, holds large clips, indexes them, and lets an object write and its outbox entry commit in
// one transaction — so no change can be saved without also being queued for sync.
// A practice's page text (`contentMarkdown`, often four times the rest) lives in its own store,
// `practiceTexts`: the side panel lists and counts the library from `practices` without reading the texts,
// and a metadata-first first sync fills them in afterwards (extension/sync/content-backfill.ts). Version 4
// moved the texts of existing practices there.
// Version 5 dropped the practices' `byUpdatedAt` index: every write of a practice paid for it (a first sync
// writes 10,000, bench/initial-sync.ts) while its one reader, the list, reads every practice anyway and sorts
// them itself (extension/store/practices.ts: listPractices).
// Version 6 added `pulledPages`: a first sync stores each pull page of practices as one record and spreads
// them into `practices` right after (extension/store/pulled-pages.ts).
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { Highlight } from '../../shared/schemas/highlight.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import type { Snippet } from '../../shared/schemas/snippet.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import { urlKeys } from '../../shared/url.ts';
import type { PendingMutation } from './mutations.ts';
import type { PulledPageRecord } from './pulled-pages.ts';

/**
 * A practice as stored: without its page text (in `practiceTexts`), with the normalised URLs it is looked up
 * by ("already clipped?").
 */
export type StoredPractice = Omit<Practice, 'contentMarkdown'> & { urlKeys: string[] };

/** A practice (without its page text) as stored, with the keys of its page address and canonical address. */
export function storedPractice(practice: Omit<Practice, 'contentMarkdown'>): StoredPractice {
  // Most pages are their own canonical address: normalised once.
  const { url, canonicalUrl } = practice;
  const keys = canonicalUrl && canonicalUrl !== url ? urlKeys(url, canonicalUrl) : urlKeys(url);
  return { ...practice, urlKeys: keys };
}

/**
 * A practice's page text. No record: not arrived yet (a metadata-first sync); `null`: the practice was deleted
 * (the text is gone, and a late backfill page must not bring it back).
 */
export interface PracticeText {
  id: string;
  contentMarkdown: string | null;
}

/** A change waiting to be sent to the city library, already in the push protocol's shape. */
export interface OutboxEntry {
  seq?: number;
  mutation: PendingMutation;
}

/** What the member typed in the clip form, kept until it is saved so a closed popup loses nothing. */
export interface Draft {
  key: string;
  values: Record<string, unknown>;
  savedAt: string;
}

export interface LibrarySchema extends DBSchema {
  practices: { key: string; value: StoredPractice; indexes: { byUrlKey: string } };
  practiceTexts: { key: string; value: PracticeText };
  /** A first sync's pages not yet spread into `practices`, by the library version each was pulled at. */
  pulledPages: { key: number; value: PulledPageRecord };
  highlights: { key: string; value: Highlight; indexes: { byPractice: string } };
  stakeholders: { key: string; value: Stakeholder };
  snippets: { key: string; value: Snippet; indexes: { byPractice: string; byUpdatedAt: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { byObject: string } };
  /** Small named records: the sync connection (with its token), cursor, clock, status. */
  meta: { key: string; value: unknown };
  drafts: { key: string; value: Draft };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;

let dbName = 'icc-library';
let opening: Promise<LibraryDb> | null = null;

export function openLibrary(): Promise<LibraryDb> {
  opening ??= openDB<LibrarySchema>(dbName, 6, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) createVersion1(db);
      if (oldVersion < 2) {
        db.createObjectStore('stakeholders', { keyPath: 'id' });
        // Earlier pulls skipped stakeholders: read the city library from the start once to get them.
        void tx.objectStore('meta').put(0, 'cursor');
      }
      if (oldVersion < 3) {
        const snippets = db.createObjectStore('snippets', { keyPath: 'id' });
        snippets.createIndex('byPractice', 'practiceId');
        snippets.createIndex('byUpdatedAt', 'updatedAt');
        // Earlier pulls skipped snippets: read the city library from the start once to get them.
        void tx.objectStore('meta').put(0, 'cursor');
      }
      if (oldVersion < 4) {
        db.createObjectStore('practiceTexts', { keyPath: 'id' });
        if (oldVersion >= 1) void moveTexts(tx);
      }
      if (oldVersion < 5) {
        // Versions 1–4 created it (a new library never has it): lists sort by themselves now.
        const practices = tx.objectStore('practices');
        if (practices.indexNames.contains('byUpdatedAt' as never))
          practices.deleteIndex('byUpdatedAt' as never);
      }
      if (oldVersion < 6) db.createObjectStore('pulledPages');
    },
  });
  return opening;
}

/**
 * Version 4: every practice's text moves to `practiceTexts` (a deleted one's becomes `null`), in the upgrade's
 * own transaction, so the database opens with both stores consistent or not at all.
 */
async function moveTexts(tx: IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>) {
  const texts = tx.objectStore('practiceTexts');
  let cursor = await tx.objectStore('practices').openCursor();
  while (cursor) {
    const { contentMarkdown, contentPending, ...practice } = cursor.value as StoredPractice & {
      contentMarkdown?: string;
      contentPending?: true;
    };
    if (practice.deletedAt) void texts.put({ id: practice.id, contentMarkdown: null });
    // A text still awaited (contentPending) stays without a record: the backfill fetches it.
    else if (typeof contentMarkdown === 'string' && !contentPending) {
      void texts.put({ id: practice.id, contentMarkdown });
    }
    void cursor.update(practice);
    cursor = await cursor.continue();
  }
}

function createVersion1(db: IDBPDatabase<LibrarySchema>): void {
  const practices = db.createObjectStore('practices', { keyPath: 'id' });
  practices.createIndex('byUrlKey', 'urlKeys', { multiEntry: true });
  const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
  highlights.createIndex('byPractice', 'practiceId');
  const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
  outbox.createIndex('byObject', 'mutation.objectId');
  db.createObjectStore('meta');
  db.createObjectStore('drafts', { keyPath: 'key' });
}

/** Tests: use a fresh database name (with fake-indexeddb) so tests never share state. */
export async function useLibraryDatabase(name: string): Promise<void> {
  if (opening) (await opening).close();
  opening = null;
  dbName = name;
}
