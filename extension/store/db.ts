// The local library: one IndexedDB database in the extension's origin, shared by the background, popup,
// side panel and options page. IndexedDB (not storage.local) because it survives service-worker shutdown and
// browser restart, holds large clips, indexes them, and lets an object write and its outbox entry commit in
// one transaction — so no change can be saved without also being queued for sync.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Highlight } from '../../shared/schemas/highlight.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import type { Snippet } from '../../shared/schemas/snippet.ts';
import type { Stakeholder } from '../../shared/schemas/stakeholder.ts';
import type { PendingMutation } from './mutations.ts';

/**
 * A practice as stored: with the normalised URLs it is looked up by ("already clipped?"), and, when a
 * metadata-first sync brought it without its page text (extension/sync/content-backfill.ts), `contentPending`
 * with an empty `contentMarkdown` until the text arrives.
 */
export type StoredPractice = Practice & { urlKeys: string[]; contentPending?: true };

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
  practices: { key: string; value: StoredPractice; indexes: { byUrlKey: string; byUpdatedAt: string } };
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
  opening ??= openDB<LibrarySchema>(dbName, 3, {
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
    },
  });
  return opening;
}

function createVersion1(db: IDBPDatabase<LibrarySchema>): void {
  const practices = db.createObjectStore('practices', { keyPath: 'id' });
  practices.createIndex('byUrlKey', 'urlKeys', { multiEntry: true });
  practices.createIndex('byUpdatedAt', 'updatedAt');
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
