// A metadata-first first sync against the real server app on a fresh libSQL file (fetch routed to the Hono
// app, fake-indexeddb): the library is listed without page texts, the texts follow page by page and resume
// after an interruption, an edit made before the text arrived never wipes it on the server, and a practice
// changed on the server meanwhile still ends with its text.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, useLibraryDatabase } from '../../extension/store/db.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import {
  getPractice,
  listPractices,
  type PracticeWithText,
  updatePractice,
} from '../../extension/store/practices.ts';
import {
  type ListedPractice,
  mergePulled,
  onPulledPractices,
  type PulledPractices,
} from '../../extension/store/pulled-practices.ts';
import { type Connection, saveConnection } from '../../extension/sync/connection.ts';

import { backfillContent, pendingContentBackfill } from '../../extension/sync/content-backfill.ts';
import { pullChanges } from '../../extension/sync/pull-changes.ts';
import { pushOutbox } from '../../extension/sync/push-outbox.ts';
import { backgroundWork, syncNow } from '../../extension/sync/sync-engine.ts';
import { createApp } from '../../server/app.ts';
import { addMember, createCity, issueToken } from '../../server/tenancy/tenancy.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { freshFileDb } from '../server/support/fresh-db.ts';

const server = 'http://library.test';

async function world() {
  const { db } = await freshFileDb();
  const app = createApp({ db, rateLimit: false, log: () => {} });
  const requests: string[] = [];
  /** Pull requests (by number, from 1) answered with a network failure instead. */
  const failing = new Set<number>();
  let pulls = 0;
  /** Run once a backfill page (or any pull) has been answered, before the browser reads the answer. */
  const hooks: {
    afterBackfillAnswer?: () => Promise<void>;
    afterPullAnswer?: (url: string) => Promise<void>;
  } = {};
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    if (input.includes('/api/sync/pull') && failing.has(++pulls)) throw new TypeError('fetch failed');
    requests.push(input.slice(server.length));
    const response = await app.fetch(new Request(input, init));
    const hook = input.includes('until=') ? hooks.afterBackfillAnswer : undefined;
    if (hook) {
      hooks.afterBackfillAnswer = undefined;
      await hook();
    }
    if (input.includes('/api/sync/pull')) await hooks.afterPullAnswer?.(input);
    return response;
  });
  const now = Date.now();
  const city = await createCity(db, { name: 'Bari', country: 'IT', lang: 'it' }, now);
  const member = async (name: string, cityId = city.id): Promise<Connection> => {
    const m = await addMember(db, cityId, { name, role: 'contributor' }, now);
    const { secret } = await issueToken(db, { cityId, memberId: m.id }, now);
    return {
      server,
      token: secret,
      memberId: m.id,
      memberName: name,
      role: 'contributor',
      cityId,
      cityName: 'Bari',
      cityCountry: 'IT',
      connectedAt: new Date(now).toISOString(),
    };
  };
  const push = async (token: string, mutations: unknown[]) => {
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'other-browser', mutations }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { version: number };
  };
  /** The server's copy of every practice, texts included (another browser's full pull). */
  const serverPractices = async (token: string) => {
    const res = await app.request('/api/sync/pull?since=0&limit=1000', {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { changes: { id: string; object?: Record<string, unknown> }[] };
    return new Map(body.changes.filter((c) => c.object).map((c) => [c.id, c.object!]));
  };
  const otherCity = async () => (await createCity(db, { name: 'Graz', country: 'AT', lang: 'de' }, now)).id;
  return { member, push, serverPractices, requests, failing, otherCity, hooks };
}

const creation = (title: string) => ({
  id: uuidv7(),
  kind: 'practice',
  objectId: uuidv7(),
  baseVersion: 0,
  hlc: `${new Date().toISOString()}-0000`,
  op: 'put',
  createdAt: new Date().toISOString(),
  fields: {
    url: `https://city.example/${encodeURIComponent(title)}`,
    canonicalUrl: null,
    title,
    excerpt: `About ${title}`,
    siteName: 'Comune di Bari',
    byline: null,
    publishedTime: null,
    lang: 'it',
    dir: 'ltr',
    image: null,
    contentMarkdown: `# ${title}\n\nThe whole page text of ${title}, with words only found here: ${title.toLowerCase()}word.`,
    extraction: 'full',
    note: '',
    visibility: 'city',
    clippedAt: new Date().toISOString(),
  },
  add: { areas: ['welcoming_newcomers'], tags: ['accoglienza'] },
});

/** Five practices pushed by Bruno, one per version. */
async function library(w: Awaited<ReturnType<typeof world>>, bruno: Connection) {
  const pushed = [];
  for (const title of ['Uno', 'Due', 'Tre', 'Quattro', 'Cinque']) {
    const m = creation(title);
    await w.push(bruno.token, [m]);
    pushed.push(m);
  }
  return pushed;
}

/** Every live practice as one is opened: with its text, or `contentPending`. */
async function opened(): Promise<PracticeWithText[]> {
  const all = await Promise.all((await listPractices()).map((p) => getPractice(p.id)));
  return all.filter((p) => p !== undefined);
}

beforeEach(async () => {
  await useLibraryDatabase(`backfill-${uuidv7()}`);
});
// A sync's background work starts half a second after it (sync-engine.ts): it must be over before the next
// test's database is in use.
afterEach(() => backgroundWork());

describe('a metadata-first first sync', () => {
  it('lists every practice without its text, then fetches every text in the background', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    const pushed = await library(w, bruno);
    await saveConnection(ana);

    await pullChanges(ana, { pageSize: 2 });
    const pulls = w.requests.filter((r) => r.startsWith('/api/sync/pull'));
    expect(pulls.length).toBe(3);
    for (const r of pulls) expect(r).toContain('omit=contentMarkdown');
    const listed = await listPractices();
    expect(listed.map((p) => p.title).sort()).toEqual(pushed.map((m) => m.fields.title).sort());
    for (const p of await opened()) expect(p).toMatchObject({ contentPending: true, contentMarkdown: '' });
    expect(await (await openLibrary()).count('practiceTexts')).toBe(0);
    expect(await pendingContentBackfill()).toEqual({ from: 0, through: 5 });

    w.requests.length = 0;
    expect(await backfillContent(ana, { pageSize: 2 })).toBe(5);
    for (const r of w.requests) expect(r).toMatch(/until=5/);
    expect(w.requests.some((r) => r.includes('omit='))).toBe(false);
    const onServer = await w.serverPractices(ana.token);
    for (const p of await opened()) {
      expect(p.contentPending).toBeUndefined();
      expect(p.contentMarkdown).toBe(onServer.get(p.id)!.contentMarkdown);
    }
    expect(await pendingContentBackfill()).toBeUndefined();
    expect(await backfillContent(ana)).toBe(0);
  });

  it('resumes where it stopped: a failure keeps the texts stored and the range left', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    const pushed = await library(w, bruno);
    await saveConnection(ana);
    await pullChanges(ana, { pageSize: 2 }); // pulls 1–3
    w.failing.add(5); // the backfill's second page (fetched while the first is written)
    await expect(backfillContent(ana, { pageSize: 2 })).rejects.toMatchObject({
      failure: { reason: 'unreachable' },
    });
    expect(await pendingContentBackfill()).toEqual({ from: 2, through: 5 });
    const first = pushed.slice(0, 2).map((m) => m.objectId);
    for (const p of await opened()) {
      expect(Boolean(p.contentPending)).toBe(!first.includes(p.id));
    }
    w.requests.length = 0;
    expect(await backfillContent(ana, { pageSize: 2 })).toBe(3);
    expect(w.requests[0]).toContain('since=2&until=5');
    expect((await opened()).filter((p) => p.contentPending)).toEqual([]);
  });

  it('an edit made before the text arrived never sends it, keeps waiting for it, and the server keeps it', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    const [first] = await library(w, bruno);
    await saveConnection(ana);
    await pullChanges(ana);
    const id = first!.objectId;
    await updatePractice(id, { note: 'Chiamare lo sportello', tags: ['accoglienza', 'lingue'] });
    expect(await getPractice(id)).toMatchObject({ contentPending: true, note: 'Chiamare lo sportello' });
    const [queued] = await pendingChanges();
    expect(queued?.mutation.fields).toEqual({ note: 'Chiamare lo sportello' });
    expect(queued?.mutation.fields).not.toHaveProperty('contentMarkdown');

    await pushOutbox(ana);
    const onServer = (await w.serverPractices(bruno.token)).get(id)!;
    expect(onServer).toMatchObject({
      note: 'Chiamare lo sportello',
      contentMarkdown: first!.fields.contentMarkdown,
    });
    // The pushed practice left the backfill's range: the next pull brings it whole.
    await backfillContent(ana);
    await pullChanges(ana);
    const local = await getPractice(id);
    expect(local?.contentPending).toBeUndefined();
    expect(local?.contentMarkdown).toBe(first!.fields.contentMarkdown);
    expect(local?.note).toBe('Chiamare lo sportello');
  });

  it('a practice changed on the server after the listing gets its text from the next pull, not an old one', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    const [first] = await library(w, bruno);
    await saveConnection(ana);
    await pullChanges(ana);
    const id = first!.objectId;
    await w.push(bruno.token, [
      {
        id: uuidv7(),
        kind: 'practice',
        objectId: id,
        baseVersion: 1,
        hlc: `${new Date().toISOString()}-0001`,
        op: 'put',
        fields: { note: 'Bruno was here' },
      },
    ]);
    expect(await backfillContent(ana)).toBe(4);
    expect((await getPractice(id))?.contentPending).toBe(true);
    await pullChanges(ana);
    const local = await getPractice(id);
    expect(local).toMatchObject({ note: 'Bruno was here', contentMarkdown: first!.fields.contentMarkdown });
    expect(local?.contentPending).toBeUndefined();
  });

  it('a practice deleted while its text was on the way does not get it back', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    const [first] = await library(w, bruno);
    await saveConnection(ana);
    await pullChanges(ana);
    const id = first!.objectId;
    // The backfill's page holds the live practice; the deletion reaches this browser before it is read.
    w.hooks.afterBackfillAnswer = async () => {
      await w.push(bruno.token, [
        {
          id: uuidv7(),
          kind: 'practice',
          objectId: id,
          baseVersion: 1,
          hlc: `${new Date().toISOString()}-0002`,
          op: 'delete',
        },
      ]);
      await pullChanges(ana);
    };
    expect(await backfillContent(ana)).toBe(4);
    expect(await getPractice(id)).toBeUndefined();
    expect(await (await openLibrary()).get('practiceTexts', id)).toEqual({ id, contentMarkdown: null });
    expect(await pendingContentBackfill()).toBeUndefined();
  });

  it('tells open pages what each page stored, so a list merged from it equals the library read back', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    const pushed = await library(w, bruno);
    // Two edits after the creations (their order changes) and a deletion.
    await w.push(bruno.token, [
      {
        id: uuidv7(),
        kind: 'practice',
        objectId: pushed[0]!.objectId,
        baseVersion: 1,
        hlc: `${new Date(Date.now() + 1000).toISOString()}-0003`,
        op: 'put',
        fields: { note: 'edited' },
      },
      {
        id: uuidv7(),
        kind: 'practice',
        objectId: pushed[2]!.objectId,
        baseVersion: 3,
        hlc: `${new Date(Date.now() + 1000).toISOString()}-0004`,
        op: 'delete',
      },
    ]);
    await saveConnection(ana);
    const heard: PulledPractices[] = [];
    const stop = onPulledPractices((p) => heard.push(p));
    try {
      await pullChanges(ana, { pageSize: 2 });
      await vi.waitFor(() => expect(heard.length).toBe(3));
    } finally {
      stop();
    }
    const merged = heard.reduce<ListedPractice[]>((list, page) => mergePulled(list, page), []);
    expect(merged).toEqual(await listPractices());
    expect(merged.map((p) => p.title)).not.toContain(pushed[2]!.fields.title);
    expect(merged).toHaveLength(4);
    // A later, ordinary pull tells nothing page by page (pages reload once the run is over).
    heard.length = 0;
    const again = onPulledPractices((p) => heard.push(p));
    await w.push(bruno.token, [creation('Sei')]);
    await pullChanges(ana);
    await new Promise((r) => setTimeout(r, 20));
    again();
    expect(heard).toEqual([]);
  });

  it('writes a page only over the cursor it was pulled from: a cursor moved meanwhile stops the pull', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    await library(w, bruno);
    await saveConnection(ana);
    // While the third page is on its way, something else moves the cursor (another city connected, say).
    w.hooks.afterPullAnswer = async (url) => {
      if (!url.includes('since=4')) return;
      const db = await openLibrary();
      // Once the second page is written (its cursor stored), so that the third is the one refused.
      await vi.waitFor(async () => expect(await db.get('meta', 'cursor')).toBe(4));
      await db.put('meta', 0, 'cursor');
    };
    const heard: PulledPractices[] = [];
    const stop = onPulledPractices((p) => heard.push(p));
    try {
      await expect(pullChanges(ana, { pageSize: 2 })).rejects.toMatchObject({
        failure: { reason: 'server' },
      });
      // Open pages were told both stored pages (the second once the third was refused), not the third.
      await vi.waitFor(() => expect(heard.length).toBe(2));
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      stop();
    }
    expect(await (await openLibrary()).get('meta', 'cursor')).toBe(0);
    // Only the pages written before the cursor moved are there; the last one was not written.
    const stored = await listPractices();
    expect(stored.length).toBe(4);
    expect(heard).toHaveLength(2);
    expect(heard.reduce<ListedPractice[]>((list, page) => mergePulled(list, page), [])).toEqual(stored);
  });

  it('the sync engine is done once the library is listed, and fetches the texts soon after', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    await library(w, bruno);
    await saveConnection(ana);
    const status = await syncNow();
    expect(status.phase).toBe('idle');
    // Done without the texts: they are fetched a moment later, by the engine itself.
    expect(await pendingContentBackfill()).toBeDefined();
    expect(w.requests.filter((r) => r.includes('until='))).toEqual([]);
    await backgroundWork();
    expect(await pendingContentBackfill()).toBeUndefined();
    const texts = (await opened()).map((p) => p.contentMarkdown);
    expect(texts.every((t) => t.startsWith('# '))).toBe(true);
    expect(w.requests.filter((r) => r.includes('until=')).length).toBeGreaterThan(0);
  });

  it('a browser that already holds objects pulls whole objects, and connecting to another city drops the range', async () => {
    const w = await world();
    const bruno = await w.member('Bruno');
    const ana = await w.member('Ana');
    await library(w, bruno);
    await saveConnection(ana);
    await pullChanges(ana);
    expect(await pendingContentBackfill()).toBeDefined();
    await (await openLibrary()).put('meta', 0, 'cursor'); // e.g. the server's database was replaced
    w.requests.length = 0;
    await pullChanges(ana);
    expect(w.requests.every((r) => !r.includes('omit='))).toBe(true);
    expect((await opened()).filter((p) => p.contentPending)).toEqual([]);

    await saveConnection(await w.member('Clara', await w.otherCity()));
    expect(await pendingContentBackfill()).toBeUndefined();
  });
});
