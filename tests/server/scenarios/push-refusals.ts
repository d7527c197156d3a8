// A mutation the client cannot fix never fails its batch because of what others did (issue 15, item 2): an
// edit of something whose creation was ignored, set additions that together pass a limit. Answered per
// mutation (`ignored` with a reason, elements `dropped` and kept as a conflict record); the mutation's own
// errors still refuse the batch with a 400 naming it. And a fast clock's capped stamps keep one client's
// edits in its order (item 3).

import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { libraryObjects } from '../../../server/db/schema/index.ts';
import { pushResponseSchema } from '../../../shared/api/sync.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import type { Backend } from '../support/backend.ts';
import {
  createHighlight,
  createPractice,
  createStakeholder,
  deleteObject,
  editObject,
  editPractice,
  id,
} from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';

const push = (w: World, token: string, mutations: unknown[], clientId = 'client-1') =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });

/** The object as stored (its data: what a pull sends), read from the database. */
async function pulledObject(w: World, _token: string, objectId: string) {
  const [row] = await w.db.select().from(libraryObjects).where(eq(libraryObjects.id, objectId));
  return row && !row.deletedAt ? (row.data as Record<string, unknown>) : undefined;
}

const tags = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export function pushRefusalScenarios(backend: Backend) {
  describe(`push refusals caused by the merged state, on ${backend.name}`, () => {
    it('an edit of a highlight whose creation was ignored is ignored, and the rest of the batch goes on', async () => {
      const w = await makeWorld(backend);
      const alice = w.a.contributor.token;
      const p = createPractice();
      await push(w, alice, [p]);
      await push(w, w.a.coordinator.token, [deleteObject('practice', p.objectId, 1)], 'client-2');
      // Alice highlighted the practice before she saw it deleted: the creation is ignored.
      const h = createHighlight(p.objectId);
      const created = pushResponseSchema.parse((await push(w, alice, [h])).body);
      expect(created.results[0]).toMatchObject({ status: 'ignored', reason: 'parent_deleted' });
      // Then she edits the highlight's note (an edit carries only what changed), with a new practice after it.
      const note = editObject('highlight', h.objectId, 0, { fields: { note: 'see p. 4' } });
      const q = createPractice();
      const res = await push(w, alice, [note, q]);
      expect(res.status).toBe(200);
      const body = pushResponseSchema.parse(res.body);
      expect(body.results.map((r) => [r.status, r.reason])).toEqual([
        ['ignored', 'not_found'],
        ['applied', undefined],
      ]);
      expect(await pulledObject(w, alice, q.objectId)).toMatchObject({ title: 'Multilingual welcome desk' });
      // Retried as it is (the answer was lost): the same answers, as duplicates.
      const again = pushResponseSchema.parse((await push(w, alice, [note, q])).body);
      expect(again.results.map((r) => [r.status, r.duplicate])).toEqual([
        ['ignored', true],
        ['applied', true],
      ]);
    });

    it("in one batch too; and a mutation's own errors still refuse the batch", async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const p = createPractice();
      await push(w, token, [p]);
      await push(w, token, [deleteObject('practice', p.objectId, 1)]);
      const h = createHighlight(p.objectId);
      const res = await push(w, token, [
        h,
        editObject('highlight', h.objectId, 0, { fields: { note: 'later' } }),
        // Based on version 1 of an object this city never had (a database replaced, a purged tombstone).
        editPractice(id(), 1, { fields: { note: 'gone' } }),
      ]);
      expect(res.status).toBe(200);
      expect(pushResponseSchema.parse(res.body).results.map((r) => r.reason)).toEqual([
        'parent_deleted',
        'not_found',
        'not_found',
      ]);
      // The mutation's own errors still refuse the batch with a 400 naming it: a creation without its
      // required fields, of an object nothing ever named; more tags in one edit than a practice may hold.
      const partial = editPractice(id(), 0, { fields: { note: 'no title' } });
      const refused = await push(w, token, [createPractice(), partial]);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
      expect(refused.body.error.message).toMatch(/^mutations\.1\.fields\./);
      const q = createPractice();
      const { version } = pushResponseSchema.parse((await push(w, token, [q])).body);
      const many = await push(w, token, [
        editPractice(q.objectId, version, { add: { tags: tags('t', 51) } }),
      ]);
      expect(many.status).toBe(400);
      expect(many.body.error.message).toMatch(/^mutations\.0\.add\.tags/);
    });

    it('concurrent tag additions past the limit: the last additions are dropped and kept as a conflict', async () => {
      const w = await makeWorld(backend);
      const alice = w.a.contributor.token;
      const p = createPractice(id(), {}, { tags: tags('base', 45) });
      await push(w, alice, [p]);
      // Both saw version 1 with 45 tags; together they pass 50.
      await push(w, alice, [editPractice(p.objectId, 1, { add: { tags: tags('a', 4) } })]);
      const bob = editPractice(p.objectId, 1, {
        add: { tags: ['b1', 'b2', 'b3'] },
        fields: { note: 'mine' },
      });
      const res = await push(w, w.a.coordinator.token, [bob, createPractice()], 'client-2');
      expect(res.status).toBe(200);
      const [result, other] = pushResponseSchema.parse(res.body).results;
      expect(result).toMatchObject({ status: 'applied', dropped: { tags: ['b2', 'b3'] }, conflicts: 1 });
      expect(other?.status).toBe('applied');
      const object = await pulledObject(w, alice, p.objectId);
      expect(object?.tags).toHaveLength(50);
      expect(object).toMatchObject({ note: 'mine' });
      expect(object?.tags).toContain('b1');
      // The coordinator sees what was dropped; restoring it while the set is full says so.
      const listed = await w.call('GET', `/api/conflicts?objectId=${p.objectId}`, {
        token: w.a.coordinator.token,
      });
      const conflict = listed.body.conflicts[0];
      expect(conflict).toMatchObject({ field: 'tags', lostValue: ['b2', 'b3'] });
      const full = await w.call('POST', `/api/conflicts/${conflict.id}/restore`, {
        token: w.a.coordinator.token,
      });
      expect(full.status).toBe(400);
      expect(full.body.error.message).toMatch(/^lostValue: tags is full/);
      // Once there is room, restoring adds them back.
      const version = pushResponseSchema.parse(res.body).version;
      await push(w, alice, [editPractice(p.objectId, version, { remove: { tags: ['base1', 'base2'] } })]);
      const restored = await w.call('POST', `/api/conflicts/${conflict.id}/restore`, {
        token: w.a.coordinator.token,
      });
      expect(restored.status).toBe(200);
      const after = await pulledObject(w, alice, p.objectId);
      expect(after?.tags).toEqual(expect.arrayContaining(['b2', 'b3']));
      expect(after?.tags).toHaveLength(50);
    });

    it('an edit is not refused for a stored value a tightened schema no longer accepts', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const p = createPractice();
      await push(w, token, [p]);
      // Stored when the rules allowed it (here: made so by hand); the edit does not touch it.
      await w.db.run(
        sql`update library_objects set data = json_set(data, '$.title', '') where id = ${p.objectId}`,
      );
      const res = await push(w, w.a.coordinator.token, [
        editPractice(p.objectId, 1, { fields: { note: 'mine' } }),
      ]);
      expect(res.status).toBe(200);
      expect(pushResponseSchema.parse(res.body).results[0]?.status).toBe('applied');
      expect(await pulledObject(w, token, p.objectId)).toMatchObject({ note: 'mine', title: '' });
    });

    it("concurrent e-mails of a contact past 10: the second member's is dropped, not the push refused", async () => {
      const w = await makeWorld(backend);
      const s = createStakeholder(id(), {}, { emails: tags('x', 9).map((t) => `${t}@example.org`) });
      await push(w, w.a.contributor.token, [s]);
      const first = editObject('stakeholder', s.objectId, 1, { add: { emails: ['one@example.org'] } });
      const second = editObject('stakeholder', s.objectId, 1, { add: { emails: ['two@example.org'] } });
      await push(w, w.a.contributor.token, [first]);
      const res = await push(w, w.a.coordinator.token, [second], 'client-2');
      expect(res.status).toBe(200);
      expect(pushResponseSchema.parse(res.body).results[0]).toMatchObject({
        status: 'unchanged',
        dropped: { emails: ['two@example.org'] },
        conflicts: 1,
      });
    });
  });

  describe(`a fast clock's capped stamps, on ${backend.name}`, () => {
    it("keep one client's edits of a field in its order, in one push and across pushes", async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const p = createPractice();
      await push(w, token, [p]);
      // The browser's clock runs five minutes fast; its second edit came within the same millisecond's
      // counter run as the first, the third a millisecond later (counter back to 0). Capped to the server's
      // clock + 60 s, all three would share one instant and sort by counter.
      const fast = w.clock.now + 5 * 60_000;
      const edit = (note: string, ms: number, counter: number) =>
        editPractice(p.objectId, 1, { fields: { note } }, { hlc: formatHlc({ ms, counter }) });
      const res = await push(w, token, [
        edit('one', fast, 5),
        edit('two', fast, 6),
        edit('three', fast + 1, 0),
      ]);
      expect(res.status).toBe(200);
      expect((await pulledObject(w, token, p.objectId))?.note).toBe('three');
      // A second push, a second later on the server, from the same fast clock.
      w.clock.now += 1000;
      await push(w, token, [edit('four', fast + 2, 3)]);
      await push(w, token, [edit('five', fast + 3, 0)]);
      expect((await pulledObject(w, token, p.objectId))?.note).toBe('five');
    });
  });
}
