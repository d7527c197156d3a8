// Erasure of a contact (issue 4, GDPR Art. 17 and 19): whether it arrives through sync (a delete mutation)
// or through POST /api/stakeholders/:id/erase, no personal data of the person remains in any table (object
// rows, merge clocks and removed set elements, conflict records, processed mutations), the tombstone carries
// none, and every practice is unlinked from them by a change that syncs.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import type { Backend } from '../support/backend.ts';
import {
  createPractice,
  createStakeholder,
  deleteObject,
  editObject,
  editPractice,
} from '../support/mutations.ts';
import { makeWorld, startTime, type World } from '../support/world.ts';

/** Strings that identify the person: none may survive an erasure anywhere on the server. */
export const personal = {
  name: 'Ségolène Wiśniewska-Ørsted',
  email: 'segolene.orsted@maison-quartier.example',
  oldEmail: 'old.address.segolene@example.net',
  phone: '+33472990011',
  notes: 'Met at the Fête des voisins; prefers mornings',
  rival: 'Conflicting note about Ségolène',
  basisNote: 'Listed on the Maison du quartier page',
};

const push = (w: World, token: string, mutations: unknown[], clientId: string) =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });

/** A contact with every kind of trace: a removed e-mail, a conflict record, two practices linking it. */
export async function tracedContact(w: World) {
  const s = createStakeholder(
    undefined,
    { name: personal.name, notes: personal.notes, lawfulBasisNote: personal.basisNote },
    { emails: [personal.email, personal.oldEmail], phones: [personal.phone], topics: ['education'] },
  );
  const p1 = createPractice(undefined, {}, { areas: ['education'], stakeholderIds: [s.objectId] });
  const p2 = createPractice(undefined, { title: 'Second' }, { stakeholderIds: [s.objectId] });
  const unrelated = createPractice(undefined, { title: 'Unrelated' });
  await push(w, w.a.contributor.token, [s, p1, p2, unrelated], 'c1'); // version 1
  await push(
    w,
    w.a.contributor.token,
    [editObject('stakeholder', s.objectId, 1, { remove: { emails: [personal.oldEmail] } })],
    'c1',
  );
  const at = (ms: number) => formatHlc({ ms: startTime + 3_600_000 + ms, counter: 0 });
  await push(
    w,
    w.a.contributor.token,
    [editObject('stakeholder', s.objectId, 2, { fields: { notes: personal.rival } }, { hlc: at(1) })],
    'c1',
  );
  await push(
    w,
    w.a.coordinator.token,
    [editObject('stakeholder', s.objectId, 2, { fields: { notes: `${personal.notes}!` } }, { hlc: at(2) })],
    'c2',
  );
  return { id: s.objectId, practices: [p1.objectId, p2.objectId], unrelated: unrelated.objectId };
}

/** Every row of every table, as text. */
export async function everythingStored(w: World): Promise<string> {
  const tables = await w.db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'`,
  );
  const dump: unknown[] = [];
  for (const { name } of tables) dump.push(name, await w.db.all(sql.raw(`SELECT * FROM "${name}"`)));
  return JSON.stringify(dump);
}

export function expectNoTrace(stored: string) {
  for (const [what, value] of Object.entries(personal)) {
    expect(stored, what).not.toContain(value);
    expect(stored, `${what} (JSON-escaped)`).not.toContain(JSON.stringify(value).slice(1, -1));
  }
}

export function erasureScenarios(backend: Backend) {
  describe(`stakeholder erasure on ${backend.name}`, () => {
    it('a coordinator’s delete through sync leaves no personal data in any table and a tombstone without data', async () => {
      const w = await makeWorld(backend);
      const c = await tracedContact(w);
      const before = await everythingStored(w);
      expect(before).toContain(personal.oldEmail); // kept for merging until erased
      expect(before).toContain(personal.rival); // in a conflict record
      const cursor = (await w.call('GET', '/api/me', { token: w.a.viewer.token })).body.libraryVersion;

      // (A contributor's delete is set aside for a coordinator instead: stakeholder-set-aside.ts.)
      const del = await push(w, w.a.coordinator.token, [deleteObject('stakeholder', c.id, 4)], 'c2');
      expect(del.body.results).toEqual([expect.objectContaining({ objectId: c.id, status: 'applied' })]);
      expectNoTrace(await everythingStored(w));

      const pulled = (await w.call('GET', `/api/sync/pull?since=${cursor}`, { token: w.a.viewer.token }))
        .body;
      const tombstone = pulled.changes.find((ch: { id: string }) => ch.id === c.id);
      expect(Object.keys(tombstone).sort()).toEqual(['deleted', 'deletedAt', 'id', 'kind', 'version']);
      expectNoTrace(JSON.stringify(pulled));
      // The practices are unlinked in the same version, so every copy learns both at once.
      const practices = pulled.changes.filter((ch: { kind: string }) => ch.kind === 'practice');
      expect(practices.map((p: { id: string }) => p.id).sort()).toEqual([...c.practices].sort());
      for (const p of practices) {
        expect(p.version).toBe(del.body.version);
        expect(p.object.stakeholderIds).toEqual([]);
      }
      expect(
        (await w.call('GET', `/api/conflicts?status=all&objectId=${c.id}`, { token: w.a.coordinator.token }))
          .body.conflicts,
      ).toEqual([]);
    });

    it('POST /api/stakeholders/:id/erase erases the same way and says what it erased', async () => {
      const w = await makeWorld(backend);
      const c = await tracedContact(w);
      const res = await w.call('POST', `/api/stakeholders/${c.id}/erase`, { token: w.a.coordinator.token });
      expect(res.status).toBe(200);
      expect(res.body.erasure).toMatchObject({
        stakeholderId: c.id,
        alreadyErased: false,
        erasedAt: new Date(w.clock.now).toISOString(),
        version: 5,
        erased: { removedValues: 1, conflictRecords: 1 },
      });
      expect(res.body.erasure.erased.fields).toEqual(
        expect.arrayContaining(['name', 'emails', 'phones', 'notes', 'lawfulBasisNote', 'topics']),
      );
      expect(res.body.erasure.erased.practiceLinks.sort()).toEqual([...c.practices].sort());
      expectNoTrace(await everythingStored(w));
      const pulled = (await w.call('GET', '/api/sync/pull?since=4', { token: w.a.viewer.token })).body;
      expect(
        pulled.changes.map((ch: { id: string; deleted: boolean }) => [ch.id, ch.deleted]).sort(),
      ).toEqual([[c.id, true], ...c.practices.map((p) => [p, false])].sort());

      const again = await w.call('POST', `/api/stakeholders/${c.id}/erase`, { token: w.a.coordinator.token });
      expect(again.body.erasure).toMatchObject({
        alreadyErased: true,
        version: 5,
        erased: { practiceLinks: [] },
      });
      const search = await w.call('GET', '/api/stakeholders/search?q=Segolene', {
        token: w.a.coordinator.token,
      });
      expect(search.body.results).toEqual([]);
    });

    it('an offline client cannot link an erased contact again, nor bring it back', async () => {
      const w = await makeWorld(backend);
      const c = await tracedContact(w);
      await w.call('POST', `/api/stakeholders/${c.id}/erase`, { token: w.a.coordinator.token });
      const late = formatHlc({ ms: w.clock.now + 30_000, counter: 0 });
      const res = await push(
        w,
        w.a.contributor.token,
        [
          editPractice(c.unrelated, 1, { add: { stakeholderIds: [c.id] } }, { hlc: late }),
          editObject('stakeholder', c.id, 4, { fields: { name: personal.name } }, { hlc: late }),
          createPractice(undefined, { title: 'New' }, { stakeholderIds: [c.id] }),
        ],
        'offline',
      );
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
        'unchanged',
        'ignored',
        'applied',
      ]);
      const pulled = (await w.call('GET', '/api/sync/pull?since=0', { token: w.a.viewer.token })).body;
      for (const ch of pulled.changes)
        if (ch.kind === 'practice') expect(ch.object.stakeholderIds).not.toContain(c.id);
      expectNoTrace(await everythingStored(w));
    });

    it('a contact created, linked and erased within one push leaves no link behind', async () => {
      const w = await makeWorld(backend);
      const s = createStakeholder();
      const p = createPractice(undefined, {}, { stakeholderIds: [s.objectId] });
      const res = await push(
        w,
        w.a.contributor.token,
        [s, p, deleteObject('stakeholder', s.objectId, 0)],
        'c',
      );
      expect(res.body.results).toHaveLength(3);
      const pulled = (await w.call('GET', '/api/sync/pull?since=0', { token: w.a.viewer.token })).body;
      const practice = pulled.changes.find((ch: { id: string }) => ch.id === p.objectId);
      expect(practice.object.stakeholderIds).toEqual([]);
      expect(pulled.version).toBe(1);
    });
  });
}
