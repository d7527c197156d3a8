// The extension's sync client (push, pull, engine) against the real server app on a fresh libSQL file:
// fetch is routed to the Hono app itself, no mock of either side. IndexedDB is fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, useLibraryDatabase } from '../../extension/store/db.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import {
  createPractice,
  findPracticeByUrl,
  getPractice,
  listPractices,
  type NewPractice,
  updatePractice,
} from '../../extension/store/practices.ts';
import {
  createStakeholder,
  eraseStakeholder,
  listStakeholders,
  type StakeholderFields,
} from '../../extension/store/stakeholders.ts';
import { type Connection, getCursor, saveConnection } from '../../extension/sync/connection.ts';
import { pullChanges } from '../../extension/sync/pull-changes.ts';
import { batches, pushOutbox } from '../../extension/sync/push-outbox.ts';
import { backgroundWork, backoffDelay, pagesSpread, syncNow } from '../../extension/sync/sync-engine.ts';
import { createApp } from '../../server/app.ts';
import { addMember, createCity, issueToken, revokeToken } from '../../server/tenancy/tenancy.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { MalformedPull, readPullPage } from '../../shared/sync/pull-page.ts';
import { freshFileDb } from '../server/support/fresh-db.ts';

const server = 'http://library.test';

const page: NewPractice = {
  url: 'https://www.comune.bari.it/welcome-desk',
  canonicalUrl: null,
  title: 'Sportello di accoglienza multilingue',
  excerpt: '',
  siteName: 'Comune di Bari',
  byline: null,
  publishedTime: null,
  lang: 'it',
  dir: 'ltr',
  image: null,
  contentMarkdown: 'Testo',
  extraction: 'full',
  areas: ['welcoming_newcomers'],
  tags: ['accoglienza'],
  note: '',
};

async function world(options: { rateLimit?: { burst: number; perSecond: number } } = {}) {
  const { db } = await freshFileDb();
  const app = createApp({ db, rateLimit: options.rateLimit ?? false, log: () => {} });
  let up = true;
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    if (!up) throw new TypeError('fetch failed');
    return app.fetch(new Request(input, init));
  });
  const now = Date.now();
  const city = await createCity(db, { name: 'Bari', country: 'IT', lang: 'it' }, now);
  const member = async (name: string) => {
    const m = await addMember(db, city.id, { name, role: 'contributor' }, now);
    const { secret, token } = await issueToken(db, { cityId: city.id, memberId: m.id }, now);
    const connection: Connection = {
      server,
      token: secret,
      memberId: m.id,
      memberName: name,
      role: 'contributor',
      cityId: city.id,
      cityName: city.name,
      cityCountry: city.country,
      connectedAt: new Date(now).toISOString(),
    };
    return { connection, tokenId: token.id };
  };
  /** Another member's browser, speaking the protocol directly. */
  const push = async (token: string, mutations: unknown[]) => {
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'other-browser', mutations }),
    });
    expect(res.status).toBe(200);
    return res.json();
  };
  const pullAll = async (token: string) =>
    (await (
      await app.request('/api/sync/pull?since=0', { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      changes: { id: string; object?: Record<string, unknown>; deleted: boolean }[];
    };
  return {
    member,
    push,
    pullAll,
    revoke: (tokenId: string) => revokeToken(db, city.id, tokenId, Date.now()),
    setUp: (value: boolean) => {
      up = value;
    },
  };
}

/** Another member's browser deleting an object it has seen at version 1. */
const deletion = (kind: string, objectId: string) => ({
  id: uuidv7(),
  kind,
  objectId,
  baseVersion: 1,
  hlc: `${new Date().toISOString()}-0000`,
  op: 'delete',
});

beforeEach(async () => {
  await useLibraryDatabase(`sync-${uuidv7()}`);
});
// A sync's background work starts half a second after it (sync-engine.ts): it must be over before the next
// test's database is in use.
afterEach(() => backgroundWork());

describe('push and pull against the real server', () => {
  it('delivers local creations and edits, then empties the outbox and records server versions', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    await saveConnection(ana.connection);
    const saved = await createPractice(page);
    await updatePractice(saved.id, { note: 'Meet them in May', areas: ['welcoming_newcomers', 'language'] });
    expect(await pushOutbox(ana.connection)).toBe(2);
    expect(await pendingChanges()).toEqual([]);
    expect((await getPractice(saved.id))?.version).toBeGreaterThan(0);
    const [change] = (await w.pullAll(ana.connection.token)).changes;
    expect(change?.object).toMatchObject({
      note: 'Meet them in May',
      areas: ['welcoming_newcomers', 'language'],
    });
    expect(change?.object?.createdBy).toBe(ana.connection.memberId);
  });

  it('applies another member’s change while keeping this browser’s unsent edit on top', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    await saveConnection(ana.connection);
    const saved = await createPractice(page);
    await pushOutbox(ana.connection);
    await pullChanges(ana.connection);
    const version = (await getPractice(saved.id))!.version;
    await w.push(bruno.connection.token, [
      {
        id: uuidv7(),
        kind: 'practice',
        objectId: saved.id,
        baseVersion: version,
        hlc: `${new Date().toISOString()}-0000`,
        op: 'put',
        fields: { note: 'Bruno: contact the association' },
      },
    ]);
    await updatePractice(saved.id, { tags: ['accoglienza', 'lingue'] }); // not pushed yet
    await pullChanges(ana.connection);
    const local = await getPractice(saved.id);
    expect(local?.note).toBe('Bruno: contact the association');
    expect(local?.tags).toEqual(['accoglienza', 'lingue']);
    await pushOutbox(ana.connection);
    const [change] = (await w.pullAll(bruno.connection.token)).changes;
    expect(change?.object).toMatchObject({
      note: 'Bruno: contact the association',
      tags: ['accoglienza', 'lingue'],
    });
  });

  it('removes a practice another member deleted', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    await saveConnection(ana.connection);
    const saved = await createPractice(page);
    await pushOutbox(ana.connection);
    await w.push(bruno.connection.token, [deletion('practice', saved.id)]);
    await pullChanges(ana.connection);
    expect(await getPractice(saved.id)).toBeUndefined();
  });
});

describe('a first sync', () => {
  const { areas, tags, ...fields } = page;
  const creation = (title: string) => ({
    id: uuidv7(),
    kind: 'practice',
    objectId: uuidv7(),
    baseVersion: 0,
    hlc: `${new Date().toISOString()}-0000`,
    op: 'put',
    createdAt: new Date().toISOString(),
    fields: {
      ...fields,
      url: `https://city.example/${encodeURIComponent(title)}`,
      title,
      visibility: 'city',
      clippedAt: new Date().toISOString(),
    },
    add: { areas, tags },
  });

  /** Ana's browser, still empty, and five practices Bruno pushed one by one (versions 1 to 5). */
  async function brunoClipsFive() {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    const pushed = [];
    for (const title of ['Uno', 'Due', 'Tre', 'Quattro', 'Cinque']) {
      const m = creation(title);
      await w.push(bruno.connection.token, [m]);
      pushed.push(m);
    }
    return { w, ana, bruno, pushed };
  }

  it('into an empty browser, page by page, stores every live object, skips the deleted, keeps an unsent creation', async () => {
    const { w, ana, bruno, pushed } = await brunoClipsFive();
    const gone = pushed[1]!.objectId;
    await w.push(bruno.connection.token, [deletion('practice', gone)]);
    await saveConnection(ana.connection);
    const mine = await createPractice(page); // not pushed
    const pulled = await pullChanges(ana.connection, { pageSize: 2 });
    expect(new Set(pulled.ids)).toEqual(new Set(pushed.map((m) => m.objectId)));
    for (const m of pushed) {
      const local = await getPractice(m.objectId);
      if (m.objectId === gone) expect(local).toBeUndefined();
      else expect(local).toMatchObject({ title: m.fields.title, version: expect.any(Number) });
    }
    expect((await getPractice(mine.id))?.title).toBe(page.title);
    expect(await pendingChanges()).toHaveLength(1);
    expect(await getCursor()).toBe(6);
  });

  it('keeps each page whole until it is spread; meanwhile the pulled practices list, open and take edits', async () => {
    const { w, ana, bruno, pushed } = await brunoClipsFive();
    const [uno, due, tre] = pushed.map((m) => m.objectId);
    await saveConnection(ana.connection);
    // Bruno deletes Uno just after the first page (which lists it) has been answered: a later page of the same
    // first sync says it is gone.
    const routed = globalThis.fetch;
    let pulls = 0;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const response = await routed(input, init);
      if (input.includes('/api/sync/pull') && ++pulls === 1)
        await w.push(bruno.connection.token, [deletion('practice', uno!)]);
      return response;
    });
    await pullChanges(ana.connection, { pageSize: 2 });
    const db = await openLibrary();
    expect(await db.count('pulledPages')).toBeGreaterThan(1);
    expect(await db.count('practices')).toBe(0);

    expect((await listPractices()).map((p) => p.title).sort()).toEqual(['Cinque', 'Due', 'Quattro', 'Tre']);
    expect(await getPractice(uno!)).toBeUndefined();
    expect(await getPractice(due!)).toMatchObject({ title: 'Due', contentPending: true });
    expect(await db.count('pulledPages')).toBeGreaterThan(1);

    // An edit spreads the pages first, then edits the practice where it now is.
    await updatePractice(tre!, { note: 'Da rivedere' });
    expect(await db.count('pulledPages')).toBe(0);
    expect(await db.count('practices')).toBe(5);
    expect(await db.get('practices', tre!)).toMatchObject({
      note: 'Da rivedere',
      urlKeys: ['city.example/Tre'],
    });
    // What stays of the deleted one is its envelope.
    expect(await db.get('practices', uno!)).toMatchObject({ id: uno, deletedAt: expect.any(String) });
    expect(await db.get('practices', uno!)).not.toHaveProperty('title');
    expect((await pendingChanges()).map((e) => e.mutation.fields)).toEqual([{ note: 'Da rivedere' }]);
    expect(await findPracticeByUrl('https://city.example/Tre')).toMatchObject({ note: 'Da rivedere' });
  });

  it("a first sync's run is done with its pages kept whole; the engine spreads them a moment later", async () => {
    const { ana } = await brunoClipsFive();
    await saveConnection(ana.connection);
    expect(await syncNow()).toMatchObject({ phase: 'idle' });
    const db = await openLibrary();
    expect(await db.count('pulledPages')).toBe(1);
    expect(await db.count('practices')).toBe(0);
    expect((await listPractices()).length).toBe(5);
    await pagesSpread();
    expect(await db.count('pulledPages')).toBe(0);
    expect(await db.count('practices')).toBe(5);
  });

  it('a lookup by address spreads the pages first, then finds a pulled practice by its address', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    const [uno, due] = [creation('Uno'), creation('Due')];
    await w.push(bruno.connection.token, [uno, due]);
    await w.push(bruno.connection.token, [deletion('practice', due.objectId)]);
    await saveConnection(ana.connection);
    await pullChanges(ana.connection);
    const db = await openLibrary();
    expect(await db.count('pulledPages')).toBe(1);
    expect(await findPracticeByUrl('https://city.example/Uno')).toMatchObject({ id: uno.objectId });
    expect(await findPracticeByUrl('https://city.example/Due')).toBeUndefined();
    expect(await db.count('pulledPages')).toBe(0);
    expect(await db.get('practices', uno.objectId)).toMatchObject({ urlKeys: ['city.example/Uno'] });
  });

  it('stores a page as the server sent it, unless a local change was re-applied to one of its practices', async () => {
    const { w, ana, bruno, pushed } = await brunoClipsFive();
    const uno = pushed[0]!.objectId;
    await saveConnection(ana.connection);
    const db = await openLibrary();
    // Before the last page is answered: Ana edits Uno (pulled in the first page) and Bruno retitles it, so the
    // last page brings Uno again, with Ana's change not yet sent to re-apply on top.
    const routed = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (input.includes('/api/sync/pull') && input.includes('since=4')) {
        await vi.waitFor(async () => expect(await db.getKey('pulledPages', 2)).toBe(2));
        await updatePractice(uno, { note: 'Ana: call them' });
        await w.push(bruno.connection.token, [
          {
            id: uuidv7(),
            kind: 'practice',
            objectId: uno,
            baseVersion: 1,
            hlc: `${new Date().toISOString()}-0001`,
            op: 'put',
            fields: { title: 'Uno, renamed' },
          },
        ]);
      }
      return routed(input, init);
    });
    await pullChanges(ana.connection, { pageSize: 2 });
    const records = await db.getAll('pulledPages');
    // Pages 1 and 2 were spread by Ana's edit; the last page carries Uno with her change re-applied.
    expect(records).toHaveLength(1);
    expect(records[0]).not.toHaveProperty('answer');
    expect(await getPractice(uno)).toMatchObject({ title: 'Uno, renamed', note: 'Ana: call them' });
    expect((await listPractices()).length).toBe(5);
  });

  it('keeps the pages of a first sync as the answers the server sent', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    for (const title of ['Uno', 'Due', 'Tre']) await w.push(bruno.connection.token, [creation(title)]);
    await saveConnection(ana.connection);
    await pullChanges(ana.connection, { pageSize: 2 });
    const records = await (await openLibrary()).getAll('pulledPages');
    expect(records).toHaveLength(2);
    for (const record of records) expect(record).toEqual({ answer: expect.stringContaining('"changes":[') });
    expect((await listPractices()).map((p) => p.title).sort()).toEqual(['Due', 'Tre', 'Uno']);
  });

  it('a pull spreads the pages a stopped first sync left before it reads the library', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    const first = creation('Uno');
    await w.push(bruno.connection.token, [first]);
    await saveConnection(ana.connection);
    await pullChanges(ana.connection);
    const db = await openLibrary();
    expect(await db.count('pulledPages')).toBe(1);
    // Bruno deletes it; Ana's next pull (not a first sync) must find her copy to leave its envelope.
    await w.push(bruno.connection.token, [deletion('practice', first.objectId)]);
    await pullChanges(ana.connection);
    expect(await db.count('pulledPages')).toBe(0);
    expect(await db.get('practices', first.objectId)).toMatchObject({ deletedAt: expect.any(String) });
    expect(await listPractices()).toEqual([]);
  });

  it('asks for the next page as soon as the headers name it, and refuses a header that disagrees with its answer', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    for (const title of ['Uno', 'Due', 'Tre', 'Quattro', 'Cinque']) {
      await w.push(bruno.connection.token, [creation(title)]);
    }
    await saveConnection(ana.connection);
    const routed = globalThis.fetch;
    const asked: string[] = [];
    let lie = false;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const response = await routed(input, init);
      if (!input.includes('/api/sync/pull')) return response;
      asked.push(new URL(input).searchParams.get('since')!);
      const next = response.headers.get('X-Pull-Next');
      if (!lie || next === null) return response;
      const headers = new Headers(response.headers);
      headers.set('X-Pull-Next', String(Number(next) + 1));
      return new Response(response.body, { status: response.status, headers });
    });
    await pullChanges(ana.connection, { pageSize: 2 });
    expect(asked).toEqual(['0', '2', '4']);
    expect((await listPractices()).length).toBe(5);

    // Another browser, a server whose header says another cursor than its answer: the page is refused before
    // it is stored, and the cursor stays where it was.
    await useLibraryDatabase(`lying-${uuidv7()}`);
    await saveConnection(ana.connection);
    lie = true;
    await expect(pullChanges(ana.connection, { pageSize: 2 })).rejects.toMatchObject({
      failure: { reason: 'server' },
    });
    expect(await getCursor()).toBe(0);
  });

  it('refuses a malformed answer without storing any of it', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    await w.push(bruno.connection.token, [creation('Uno')]);
    await saveConnection(ana.connection);
    const real = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const response = await real(input, init);
      if (!input.includes('/api/sync/pull')) return response;
      const body = await response.json();
      body.changes[0].object.areas = 'welcoming_newcomers';
      return Response.json(body);
    });
    const status = await syncNow();
    expect(status).toMatchObject({ phase: 'error', failure: { reason: 'server' } });
    expect(status.failure?.detail).toContain('changes.0.object.areas');
    expect(await getCursor()).toBe(0);
    expect(await (await openLibrary()).count('practices')).toBe(0);
  });

  it('checks the shape of every change and fills in the defaults of fields newer than the object', () => {
    const object = {
      id: 'p1',
      cityId: 'c',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      createdBy: 'm',
      updatedBy: 'm',
      deletedAt: null,
      version: 3,
      ...page,
      stakeholderIds: [],
      visibility: 'city',
      clippedAt: '2025-01-01T00:00:00.000Z',
    };
    const answer = (change: Record<string, unknown>) => ({ version: 3, hasMore: false, changes: [change] });
    const live = { kind: 'practice', id: 'p1', version: 3, deleted: false, object };
    const read = readPullPage(structuredClone(answer(live)));
    expect(read.changes[0]).toMatchObject({ object: { summaries: [], title: page.title } });
    const bad: [Record<string, unknown>, string][] = [
      [{ ...live, kind: 'recipe' }, 'changes.0.kind'],
      [{ ...live, version: -1 }, 'changes.0.version'],
      [{ ...live, object: { ...object, id: 'p2' } }, 'changes.0.object.id'],
      [{ ...live, object: { ...object, version: 2 } }, 'changes.0.object.version'],
      [{ ...live, object: { ...object, tags: [1] } }, 'changes.0.object.tags'],
      [{ ...live, object: null }, 'changes.0.object'],
      [{ kind: 'practice', id: 'p1', version: 3, deleted: true }, 'changes.0.deletedAt'],
    ];
    for (const [change, path] of bad) {
      expect(() => readPullPage(answer(change))).toThrow(new MalformedPull(path));
    }
    expect(() => readPullPage({ version: 3, hasMore: 'no', changes: [] })).toThrow(MalformedPull);
    expect(() => readPullPage('<html>')).toThrow(MalformedPull);
  });
});

describe('contacts as personal data', () => {
  const giulia = {
    name: 'Giulia Rossi',
    organisation: 'Associazione Mondinsieme',
    role: 'President',
    department: '',
    type: 'civil_society',
    emails: ['giulia.rossi@mondinsieme.example'],
    phones: ['+390522111222'],
    website: null,
    languages: ['it', 'en'],
    topics: ['mediation'],
    notes: 'Met at the network meeting',
    sourceUrl: 'https://mondinsieme.example/team',
    lawfulBasis: 'public_task',
    lawfulBasisNote: '',
    reviewBy: null,
  } satisfies StakeholderFields;

  it('a first sync never keeps a contact inside a stored pull page', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    await saveConnection(ana.connection);
    await createPractice(page);
    await createStakeholder(giulia);
    await pushOutbox(ana.connection);
    // Ana's second browser, empty: its first sync stores the page that holds both.
    await useLibraryDatabase(`second-browser-${uuidv7()}`);
    await saveConnection(ana.connection);
    await pullChanges(ana.connection);
    const records = await (await openLibrary()).getAll('pulledPages');
    expect(records).toHaveLength(1);
    expect(records[0]).not.toHaveProperty('answer');
    expect(JSON.stringify(records)).not.toMatch(/Giulia|Rossi|mondinsieme/);
    expect((await listStakeholders()).map((s) => s.name)).toEqual(['Giulia Rossi']);
    expect((await listPractices()).map((p) => p.title)).toEqual([page.title]);
  });

  it('syncs a contact, and erasing it leaves no personal data in this browser or in what the server returns', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    await saveConnection(ana.connection);
    const contact = await createStakeholder(giulia);
    await pushOutbox(ana.connection);
    expect(JSON.stringify(await w.pullAll(ana.connection.token))).toContain('Giulia Rossi');

    await eraseStakeholder(contact.id);
    expect(await listStakeholders()).toEqual([]);
    const local = JSON.stringify(await (await openLibrary()).get('stakeholders', contact.id));
    expect(local).not.toMatch(/Giulia|Rossi|mondinsieme|0522/);
    await pushOutbox(ana.connection);
    await pullChanges(ana.connection);
    const served = JSON.stringify(await w.pullAll(ana.connection.token));
    expect(served).toContain(contact.id);
    expect(served).not.toMatch(/Giulia|Rossi|mondinsieme|0522/);
  });
});

describe('an erasure made by another member', () => {
  it('removes the person’s data from this browser’s store when the tombstone arrives', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    const bruno = await w.member('Bruno');
    await saveConnection(ana.connection);
    const contact = await createStakeholder({
      name: 'Jonas Berg',
      organisation: 'Oslo Røde Kors',
      role: '',
      department: '',
      type: 'civil_society',
      emails: ['jonas.berg@rodekors.example'],
      phones: [],
      website: null,
      languages: ['no'],
      topics: [],
      notes: '',
      sourceUrl: null,
      lawfulBasis: 'public_task',
      lawfulBasisNote: '',
      reviewBy: null,
    });
    await pushOutbox(ana.connection);
    await pullChanges(ana.connection);
    await w.push(bruno.connection.token, [deletion('stakeholder', contact.id)]);
    await pullChanges(ana.connection);
    const raw = JSON.stringify(await (await openLibrary()).get('stakeholders', contact.id));
    expect(raw).toContain(contact.id);
    expect(raw).not.toMatch(/Jonas|Berg|Røde|rodekors/);
  });
});

describe('the sync engine', () => {
  it('says offline when the server is unreachable, keeps the change, and delivers it later', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    await saveConnection(ana.connection);
    await createPractice(page);
    w.setUp(false);
    const offline = await syncNow();
    expect(offline).toMatchObject({ phase: 'offline', pending: 1, failure: { reason: 'unreachable' } });
    expect(offline.retryAt).toBeGreaterThan(Date.now());
    w.setUp(true);
    expect(await syncNow()).toMatchObject({ phase: 'idle', pending: 0, failure: null });
    expect((await w.pullAll(ana.connection.token)).changes).toHaveLength(1);
  });

  it('stops with a clear reason when the token is revoked, and keeps local data', async () => {
    const w = await world();
    const ana = await w.member('Ana');
    await saveConnection(ana.connection);
    const saved = await createPractice(page);
    await w.revoke(ana.tokenId);
    expect(await syncNow()).toMatchObject({
      phase: 'error',
      failure: { reason: 'unauthorized' },
      retryAt: null,
    });
    expect((await getPractice(saved.id))?.title).toBe(page.title);
    expect(await pendingChanges()).toHaveLength(1);
  });

  it('waits as long as the server’s Retry-After says when it is told to slow down', async () => {
    const w = await world({ rateLimit: { burst: 1, perSecond: 0.01 } });
    const ana = await w.member('Ana');
    await saveConnection(ana.connection);
    await createPractice(page);
    const before = Date.now();
    const slowed = await syncNow();
    expect(slowed).toMatchObject({ phase: 'error', failure: { reason: 'rate-limited' } });
    // One request per 100 s refills the bucket: the client waits about that long, not its own short backoff.
    expect(slowed.retryAt! - before).toBeGreaterThan(30_000);
    // The push went through before the pull was refused: nothing waits, nothing was lost.
    expect(slowed.pending).toBe(0);
  });
});

describe('batching and backoff', () => {
  const entry = (size: number) =>
    ({ seq: 1, mutation: { fields: { contentMarkdown: 'x'.repeat(size) } } }) as never;

  it('sends at most 50 mutations, and a few MB, per push', () => {
    expect(batches(Array.from({ length: 120 }, () => entry(10))).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches([entry(3_000_000), entry(3_000_000), entry(10)]).map((b) => b.length)).toEqual([1, 2]);
  });

  it('backs off exponentially with jitter, within bounds', () => {
    expect(backoffDelay(1, 0)).toBe(1000);
    expect(backoffDelay(1, 1)).toBe(2000);
    expect(backoffDelay(4, 0.5)).toBe(12_000);
    expect(backoffDelay(50, 1)).toBe(15 * 60_000);
  });
});
