// A browser that comes back from behind the server's history horizon (issue 15, item 9): its pull is answered
// 410 resync_required, and the sync client pulls the library again from 0, keeps its unsent changes and
// deletes the copies the server deleted meanwhile (whose tombstones were pruned). Real server app on a fresh
// libSQL file, fetch routed to it; fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openLibrary, useLibraryDatabase } from '../../extension/store/db.ts';
import { pendingChanges } from '../../extension/store/outbox.ts';
import {
  createPractice,
  getPractice,
  listPractices,
  type NewPractice,
  updatePractice,
} from '../../extension/store/practices.ts';
import { createStakeholder, getStakeholder } from '../../extension/store/stakeholders.ts';
import { getCursor, saveConnection } from '../../extension/sync/connection.ts';
import { pullChanges } from '../../extension/sync/pull-changes.ts';
import { pushOutbox } from '../../extension/sync/push-outbox.ts';
import { backgroundWork } from '../../extension/sync/sync-engine.ts';
import { horizonMsOf, pruneHistory } from '../../server/sync/prune-history.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { cityServer } from './support/city-server.ts';

const dayMs = 24 * 60 * 60 * 1000;

const practice = (n: number): NewPractice => ({
  url: `https://www.comune.bari.it/practice-${n}`,
  canonicalUrl: null,
  title: `Practice ${n}`,
  excerpt: '',
  siteName: 'Comune di Bari',
  byline: null,
  publishedTime: null,
  lang: 'it',
  dir: 'ltr',
  image: null,
  contentMarkdown: `Testo ${n}`,
  extraction: 'full',
  areas: ['welcoming_newcomers'],
  tags: [],
  note: '',
});

beforeEach(async () => {
  await useLibraryDatabase(`resync-${uuidv7()}`);
});
afterEach(() => backgroundWork());

it('pulls the whole library again from 0, keeps unsent changes and deletes what was deleted or erased meanwhile', async () => {
  const { db, app, now, member, push } = await cityServer({ history: false });
  const connection = await member('Ana');
  const bruno = await member('Bruno');
  const carla = await member('Carla', 'coordinator');
  const brunoPush = (mutations: unknown[], token = bruno.token) => push(token, mutations, 'bruno-browser');
  const hlc = () => `${new Date().toISOString()}-0000`;

  await saveConnection(connection);
  const deletedThere = await createPractice(practice(1));
  const editedHere = await createPractice(practice(2));
  const contact = await createStakeholder({
    name: 'Giulia Rossi',
    organisation: 'Associazione Mondinsieme',
    role: 'President',
    department: '',
    type: 'civil_society',
    emails: ['giulia.rossi@mondinsieme.example'],
    phones: [],
    website: null,
    languages: ['it'],
    topics: [],
    notes: '',
    sourceUrl: null,
    lawfulBasis: 'public_task',
    lawfulBasisNote: '',
    reviewBy: null,
  });
  await pushOutbox(connection);
  await pullChanges(connection);
  expect(await getCursor()).toBe(1);

  // Meanwhile, Bruno deletes one and creates another; a month later the server prunes that history.
  await brunoPush([
    { id: uuidv7(), kind: 'practice', objectId: deletedThere.id, baseVersion: 1, hlc: hlc(), op: 'delete' },
  ]);
  const brunos = uuidv7();
  await brunoPush([
    {
      id: uuidv7(),
      kind: 'practice',
      objectId: brunos,
      baseVersion: 0,
      hlc: hlc(),
      op: 'put',
      fields: (({ areas: _a, tags: _t, ...fields }) => ({
        ...fields,
        visibility: 'city',
        clippedAt: new Date(now).toISOString(),
      }))(practice(3)),
      add: { areas: ['welcoming_newcomers'] },
    },
  ]);
  // A coordinator erases the contact: only its tombstone told other browsers, and it is pruned too.
  await brunoPush(
    [{ id: uuidv7(), kind: 'stakeholder', objectId: contact.id, baseVersion: 1, hlc: hlc(), op: 'delete' }],
    carla.token,
  );
  await pruneHistory(db, { nowMs: now + 31 * dayMs, horizonMs: horizonMsOf(30) });

  // Ana, still at cursor 1, edits one practice and clips a new one without sending them yet.
  await updatePractice(editedHere.id, { note: 'edited while away' });
  const createdHere = await createPractice(practice(4));
  const unsent = await pendingChanges();
  expect(unsent).toHaveLength(2);

  await pullChanges(connection);
  expect(await getCursor()).toBe(4);
  expect(await getStakeholder(contact.id)).toBeUndefined();
  const kept = (await (await openLibrary()).get('stakeholders', contact.id)) as Record<string, unknown>;
  expect(JSON.stringify(kept)).not.toMatch(/Giulia|mondinsieme/);
  expect(await getPractice(deletedThere.id)).toBeUndefined();
  expect((await getPractice(editedHere.id))?.note).toBe('edited while away');
  expect(await getPractice(createdHere.id)).toMatchObject({ version: 0 });
  expect((await getPractice(brunos))?.title).toBe('Practice 3');
  expect((await listPractices()).map((p) => p.id).sort()).toEqual(
    [editedHere.id, createdHere.id, brunos].sort(),
  );
  expect(await pendingChanges()).toEqual(unsent);

  // The unsent changes still go through.
  await pushOutbox(connection);
  const res = await app.request('/api/sync/pull?since=0', {
    headers: { authorization: `Bearer ${bruno.token}` },
  });
  const { changes } = (await res.json()) as { changes: { id: string; object?: { note?: string } }[] };
  expect(changes.map((c) => c.id).sort()).toEqual([editedHere.id, createdHere.id, brunos].sort());
  expect(changes.find((c) => c.id === editedHere.id)?.object?.note).toBe('edited while away');
});
