// IndexedDB version 4 (extension/store/db.ts): a library written by version 3, practices with their page
// texts inside, opens with every text moved to `practiceTexts` and the practices without it; a deleted
// practice's text becomes null, one still awaited by a metadata-first sync stays without a record; nothing
// else changes, and the library reads as before. Version 5 drops the practices' byUpdatedAt index; lists keep
// their order. Version 6 adds the store of a first sync's pulled pages, empty (fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openLibrary, useLibraryDatabase } from '../../extension/store/db.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import {
  findPracticeByUrl,
  getPractice,
  listPractices,
  updatePractice,
} from '../../extension/store/practices.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { urlKeys } from '../../shared/url.ts';

function practice(title: string, extra: Record<string, unknown> = {}) {
  const id = uuidv7();
  const url = `https://city.example/${title}`;
  return {
    id,
    cityId: 'city-1',
    createdBy: 'member-1',
    updatedBy: 'member-1',
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: `2025-03-0${1 + title.length}T09:00:00.000Z`,
    deletedAt: null,
    version: 3,
    url,
    canonicalUrl: null,
    title,
    excerpt: `About ${title}`,
    siteName: null,
    byline: null,
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    image: null,
    contentMarkdown: `# ${title}\n\nThe page text of ${title}.`,
    extraction: 'full',
    areas: ['welcoming_newcomers'],
    tags: ['desk'],
    note: '',
    stakeholderIds: [],
    visibility: 'city',
    clippedAt: '2025-03-01T09:00:00.000Z',
    summaries: [],
    urlKeys: [url],
    ...extra,
  };
}

/** A library as version 3 (or 4: page texts in their own store; 5: without byUpdatedAt) of the extension created and filled it. */
async function version3(name: string, practices: Record<string, unknown>[], version = 3): Promise<void> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open(name, version);
    open.onupgradeneeded = () => {
      const d = open.result;
      const p = d.createObjectStore('practices', { keyPath: 'id' });
      p.createIndex('byUrlKey', 'urlKeys', { multiEntry: true });
      if (version < 5) p.createIndex('byUpdatedAt', 'updatedAt');
      d.createObjectStore('highlights', { keyPath: 'id' }).createIndex('byPractice', 'practiceId');
      d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex(
        'byObject',
        'mutation.objectId',
      );
      d.createObjectStore('meta');
      d.createObjectStore('drafts', { keyPath: 'key' });
      d.createObjectStore('stakeholders', { keyPath: 'id' });
      const s = d.createObjectStore('snippets', { keyPath: 'id' });
      s.createIndex('byPractice', 'practiceId');
      s.createIndex('byUpdatedAt', 'updatedAt');
      if (version >= 4) d.createObjectStore('practiceTexts', { keyPath: 'id' });
    };
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction(['practices', 'meta'], 'readwrite');
  for (const p of practices) tx.objectStore('practices').put(p);
  tx.objectStore('meta').put(7, 'cursor');
  await new Promise((ok, fail) => {
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

describe('IndexedDB version 4', () => {
  it('moves every page text out of the practices, keeps everything else', async () => {
    const name = `upgrade-${uuidv7()}`;
    const kept = practice('Desk');
    const empty = practice('Bus', { contentMarkdown: '', extraction: 'metadata-only' });
    const deleted = practice('Gone', { deletedAt: '2025-03-05T09:00:00.000Z' });
    const awaited = practice('Later', { contentMarkdown: '', contentPending: true });
    await version3(name, [kept, empty, deleted, awaited]);

    await useLibraryDatabase(name);
    const db = await openLibrary();
    expect(db.version).toBe(6);
    const texts = new Map((await db.getAll('practiceTexts')).map((t) => [t.id, t.contentMarkdown]));
    expect(texts).toEqual(
      new Map([
        [kept.id, kept.contentMarkdown],
        [empty.id, ''],
        [deleted.id, null],
      ]),
    );
    for (const stored of await db.getAll('practices')) {
      expect(stored).not.toHaveProperty('contentMarkdown');
      expect(stored).not.toHaveProperty('contentPending');
    }
    const { contentMarkdown: _text, ...metadata } = kept;
    expect(await db.get('practices', kept.id)).toEqual(metadata);
    expect(await db.get('meta', 'cursor')).toBe(7);

    // The library reads as before: lists without texts, one practice with its text (or awaited).
    expect((await listPractices()).map((p) => p.title).sort()).toEqual(['Bus', 'Desk', 'Later']);
    expect(await getPractice(kept.id)).toMatchObject({ contentMarkdown: kept.contentMarkdown });
    expect((await getPractice(kept.id))?.contentPending).toBeUndefined();
    expect(await getPractice(empty.id)).toMatchObject({ contentMarkdown: '' });
    expect((await getPractice(empty.id))?.contentPending).toBeUndefined();
    expect(await getPractice(awaited.id)).toMatchObject({ contentMarkdown: '', contentPending: true });
    expect(await getPractice(deleted.id)).toBeUndefined();

    // An edit after the upgrade queues only what changed, never the text.
    await updatePractice(kept.id, { note: 'Open on Mondays' });
    const [entry] = await pendingChanges();
    expect(entry?.mutation.fields).toEqual({ note: 'Open on Mondays' });
    expect(await getPractice(kept.id)).toMatchObject({
      note: 'Open on Mondays',
      contentMarkdown: kept.contentMarkdown,
    });
  });
});

describe('IndexedDB version 5', () => {
  it("drops the practices' byUpdatedAt index; the list keeps its order, the address lookup its index", async () => {
    const name = `upgrade-${uuidv7()}`;
    const { contentMarkdown: _a, ...older } = practice('Older', {
      updatedAt: '2025-03-01T09:00:00.000Z',
      urlKeys: urlKeys('https://city.example/Older'),
    });
    const { contentMarkdown: _b, ...newest } = practice('Newest', { updatedAt: '2025-03-09T09:00:00.000Z' });
    // Two changed at the same instant: the larger id first, as the index read backwards gave them.
    const tied = ['Tie one', 'Tie two'].map((title) => {
      const { contentMarkdown: _c, ...p } = practice(title, { updatedAt: '2025-03-05T09:00:00.000Z' });
      return p;
    });
    const [tieFirst, tieSecond] = [...tied].sort((a, b) => (a.id < b.id ? 1 : -1));
    await version3(name, [tied[0]!, older, newest, tied[1]!], 4);

    await useLibraryDatabase(name);
    const db = await openLibrary();
    expect(db.version).toBe(6);
    const tx = db.transaction('practices');
    expect([...tx.store.indexNames]).toEqual(['byUrlKey']);
    await tx.done;
    expect((await listPractices()).map((p) => p.title)).toEqual([
      newest.title,
      tieFirst!.title,
      tieSecond!.title,
      older.title,
    ]);
    expect(await findPracticeByUrl(older.url)).toMatchObject({ id: older.id });
    expect(await db.get('meta', 'cursor')).toBe(7);
  });

  it('a new library is created without it', async () => {
    await useLibraryDatabase(`fresh-${uuidv7()}`);
    const db = await openLibrary();
    const tx = db.transaction('practices');
    expect([...tx.store.indexNames]).toEqual(['byUrlKey']);
    await tx.done;
  });
});

describe('IndexedDB version 6', () => {
  it('adds an empty store for pulled pages; a version 5 library reads and edits as before', async () => {
    const name = `upgrade-${uuidv7()}`;
    const { contentMarkdown: _a, ...kept } = practice('Kept', {
      urlKeys: urlKeys('https://city.example/Kept'),
    });
    await version3(name, [kept], 5);
    await useLibraryDatabase(name);
    const db = await openLibrary();
    expect(db.version).toBe(6);
    expect([...db.objectStoreNames]).toContain('pulledPages');
    expect(await db.count('pulledPages')).toBe(0);
    expect(await findPracticeByUrl(kept.url)).toMatchObject({ id: kept.id });
    await updatePractice(kept.id, { note: 'Still here' });
    expect((await listPractices()).map((p) => [p.title, p.note])).toEqual([['Kept', 'Still here']]);
    expect(await db.get('practices', kept.id)).toMatchObject({ note: 'Still here', urlKeys: kept.urlKeys });
  });
});
