// A change the city library will never take does not hold up the outbox (issue 15, item 2): refused for good
// (a 400 naming the mutation) it is set aside and the rest is delivered; answered without effect (`ignored`)
// or with elements not kept (`dropped`) it is set aside too; the member is told in words what it was and why.
// Against the real server app on a fresh libSQL file (fetch routed to Hono); IndexedDB is fake-indexeddb.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openLibrary, useLibraryDatabase } from '../../extension/store/db.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import { createPractice, getPractice, updatePractice } from '../../extension/store/practices.ts';
import { dismissSetAside, listSetAside } from '../../extension/store/set-aside.ts';
import { saveConnection } from '../../extension/sync/connection.ts';
import { backgroundWork, syncNow } from '../../extension/sync/sync-engine.ts';
import { setAsideText } from '../../extension/ui/sidepanel/set-aside-text.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { bariPractice, cityServer, server } from './support/city-server.ts';

const page = bariPractice;

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en: Catalogue = JSON.parse(readFileSync('extension/public/_locales/en/messages.json', 'utf8'));

beforeAll(() => {
  // Chrome's getMessage: named placeholders resolved through their $n content.
  fakeBrowser.i18n.getMessage = ((key: string, subs: string[] = []) => {
    const entry = en[key];
    if (!entry) return '';
    return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  }) as typeof fakeBrowser.i18n.getMessage;
});

async function world(options: { maxBodyBytes?: number } = {}) {
  const { app, member, push } = await cityServer(options);
  const serverObject = async (token: string, id: string) => {
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      // A no-op edit answers the object's version: 0 when the library does not have it.
      body: JSON.stringify({
        clientId: 'probe',
        mutations: [
          {
            id: uuidv7(),
            kind: 'practice',
            objectId: id,
            baseVersion: 0,
            hlc: stamp(),
            op: 'put',
            fields: {},
          },
        ],
      }),
    });
    return ((await res.json()) as { results: { objectVersion: number }[] }).results[0]?.objectVersion ?? 0;
  };
  return { member, push, serverObject };
}

const stamp = () => `${new Date().toISOString()}-0000`;

beforeEach(async () => {
  await useLibraryDatabase(`set-aside-${uuidv7()}`);
});
afterEach(() => backgroundWork());

describe('a change the city library will never take', () => {
  it('refused for good, is set aside and the rest of the outbox is delivered', async () => {
    const w = await world();
    const me = await w.member('Chiara');
    await saveConnection(me);
    const first = await createPractice(page);
    expect((await syncNow()).phase).toBe('idle');
    // An edit queued against a version the server never reached (its database was replaced): refused
    // with a 400 naming it at every retry.
    const stale = {
      id: uuidv7(),
      kind: 'practice' as const,
      objectId: first.id,
      baseVersion: 999,
      hlc: stamp(),
      op: 'put' as const,
      fields: { note: 'seen at version 999' },
    };
    await (await openLibrary()).add('outbox', { mutation: stale });
    const second = await createPractice({ ...page, url: 'https://www.comune.bari.it/other', title: 'Altro' });

    const status = await syncNow();
    expect(status).toMatchObject({ phase: 'idle', failure: null, pending: 0 });
    expect(await pendingChanges()).toEqual([]);
    expect(await w.serverObject(me.token, second.id)).toBeGreaterThan(0);
    const [aside, ...more] = await listSetAside();
    expect(more).toEqual([]);
    expect(aside).toMatchObject({ why: 'refused', label: page.title, mutation: { id: stale.id } });
    expect(setAsideText(aside!)).toMatch(
      /^edit of practice “Sportello di accoglienza multilingue”: the server refused it \(mutations\.0\.baseVersion: is ahead/,
    );
    // Told once: dismissed, the list is empty; the next sync has nothing to push.
    await dismissSetAside();
    expect(await listSetAside()).toEqual([]);
    expect((await syncNow()).phase).toBe('idle');
  });

  it('answered without effect (deleted meanwhile), is set aside and told, and the pull removes the copy', async () => {
    const w = await world();
    const me = await w.member('Chiara');
    const other = await w.member('Marco');
    await saveConnection(me);
    const practice = await createPractice(page);
    await syncNow();
    await w.push(other.token, [
      { id: uuidv7(), kind: 'practice', objectId: practice.id, baseVersion: 1, hlc: stamp(), op: 'delete' },
    ]);
    await updatePractice(practice.id, { note: 'Aperto il sabato' });
    expect((await syncNow()).phase).toBe('idle');
    const [aside] = await listSetAside();
    expect(aside).toMatchObject({ why: 'ignored', detail: 'deleted', mutation: { objectId: practice.id } });
    expect(setAsideText(aside!)).toBe(
      'edit of practice “Sportello di accoglienza multilingue”: it was deleted in the city library meanwhile',
    );
    expect((await getPractice(practice.id))?.deletedAt).not.toBeNull();
  });

  it('with tags not kept because others filled the set, says which', async () => {
    const w = await world();
    const me = await w.member('Chiara');
    const other = await w.member('Marco');
    await saveConnection(me);
    const tags = Array.from({ length: 48 }, (_, i) => `t${i}`);
    const practice = await createPractice({ ...page, tags });
    await syncNow();
    await w.push(other.token, [
      {
        id: uuidv7(),
        kind: 'practice',
        objectId: practice.id,
        baseVersion: 1,
        hlc: stamp(),
        op: 'put',
        add: { tags: ['m1', 'm2'] },
      },
    ]);
    await updatePractice(practice.id, { tags: [...tags, 'c1', 'c2'] });
    expect((await syncNow()).phase).toBe('idle');
    const [aside] = await listSetAside();
    expect(aside).toMatchObject({ why: 'dropped', dropped: { tags: ['c1', 'c2'] } });
    expect(setAsideText(aside!)).toMatch(/the list was full, so these were not added: c1, c2/);
    expect((await getPractice(practice.id))?.tags).toHaveLength(50);
  });

  it('too large for the server in one request, is sent in halves; one change alone too large is set aside', async () => {
    // A server whose body limit is 400 KB, and page texts of 150 KB in UTF-8 but 50,000 characters each
    // (three bytes a character): counted in characters, all three would seem to fit one request.
    const w = await world({ maxBodyBytes: 400_000 });
    const me = await w.member('Chiara');
    await saveConnection(me);
    const text = (n: number) => '€'.repeat(n);
    const kept = [];
    for (let i = 0; i < 3; i++)
      kept.push(
        await createPractice({
          ...page,
          url: `https://www.comune.bari.it/p${i}`,
          contentMarkdown: text(50_000),
        }),
      );
    const huge = await createPractice({
      ...page,
      url: 'https://www.comune.bari.it/huge',
      title: 'Rapporto annuale',
      contentMarkdown: text(150_000),
    });
    const status = await syncNow();
    expect(status).toMatchObject({ phase: 'idle', failure: null, pending: 0 });
    for (const p of kept) expect(await w.serverObject(me.token, p.id)).toBeGreaterThan(0);
    const pulled = await fetch(`${server}/api/sync/pull?since=0&omit=contentMarkdown`, {
      headers: { authorization: `Bearer ${me.token}` },
    });
    const ids = ((await pulled.json()) as { changes: { id: string }[] }).changes.map((c) => c.id);
    expect(ids.sort()).toEqual(kept.map((p) => p.id).sort());
    const [aside, ...more] = await listSetAside();
    expect(more).toEqual([]);
    expect(aside).toMatchObject({ why: 'refused', mutation: { objectId: huge.id } });
    expect(setAsideText(aside!)).toMatch(/^new practice “Rapporto annuale”: the server refused it/);
  });
});
