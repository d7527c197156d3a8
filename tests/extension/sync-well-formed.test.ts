// Issue 15: the server refuses a push holding a lone UTF-16 surrogate, but a browser may have queued one
// before the extractor repaired them (a clip of a hostile page). The push repairs it to U+FFFD, so the
// change is delivered instead of being refused for ever. Against the real server app on a fresh libSQL file.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, useLibraryDatabase } from '../../extension/store/db.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import { createPractice, getPractice, updatePractice } from '../../extension/store/practices.ts';
import { saveConnection } from '../../extension/sync/connection.ts';
import { pushOutbox } from '../../extension/sync/push-outbox.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { bariPractice, cityServer } from './support/city-server.ts';

const page = { ...bariPractice, title: 'Sportello di accoglienza', areas: [] };

beforeEach(async () => {
  await useLibraryDatabase(`sync-well-formed-${uuidv7()}`);
});
afterEach(() => vi.unstubAllGlobals());

describe('pushing a change queued with a lone surrogate', () => {
  it('delivers it with U+FFFD in its place, and the outbox empties', async () => {
    const { db, member } = await cityServer();
    const connection = await member('Ana');
    await saveConnection(connection);
    const saved = await createPractice(page);
    // The queued creation as a browser before the fix stored it: the page's lone surrogates kept.
    const library = await openLibrary();
    const [entry] = await library.getAll('outbox');
    const mutation = entry!.mutation as { fields: Record<string, unknown>; add?: Record<string, string[]> };
    mutation.fields.title = 'Sportello\ud800 di accoglienza';
    mutation.fields.excerpt = '\udc00';
    mutation.add = { ...mutation.add, tags: ['accoglienza\udbff'] };
    await library.put('outbox', entry!);

    expect(await pushOutbox(connection)).toBe(1);
    expect(await pendingChanges()).toEqual([]);
    const stored = await db.$client.execute({
      sql: 'SELECT data FROM library_objects WHERE id = ?',
      args: [saved.id],
    });
    const data = JSON.parse(String(stored.rows[0]!.data));
    expect([data.title, data.excerpt, data.tags]).toEqual([
      'Sportello\ufffd di accoglienza',
      '\ufffd',
      ['accoglienza\ufffd'],
    ]);
  });
});

describe('editing a copy stored with a lone surrogate', () => {
  it('repairs it to U+FFFD instead of refusing the edit, and the repair goes with the edit', async () => {
    const saved = await createPractice(page);
    const library = await openLibrary();
    // The copy as a browser before the fix stored it, from a hostile page's title.
    const stored = await library.get('practices', saved.id);
    await library.put('practices', { ...stored!, title: 'Sportello\ud800 di accoglienza' });
    const edited = await updatePractice(saved.id, { note: 'Ask for Ana' });
    expect([edited.title, edited.note]).toEqual(['Sportello\ufffd di accoglienza', 'Ask for Ana']);
    expect((await getPractice(saved.id))?.title).toBe('Sportello\ufffd di accoglienza');
    const outbox = await library.getAll('outbox');
    expect(outbox.at(-1)!.mutation).toMatchObject({
      fields: { title: 'Sportello\ufffd di accoglienza', note: 'Ask for Ana' },
    });
  });
});
