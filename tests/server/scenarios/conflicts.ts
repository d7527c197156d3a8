// Same-field races: one deterministic winner, the loser kept as a conflict that can be listed, restored or
// dismissed.
import { describe, expect, it } from 'vitest';
import { conflictListSchema } from '../../../shared/api/conflicts.ts';
import { pullResponseSchema } from '../../../shared/api/sync.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, deleteObject, editPractice } from '../support/mutations.ts';
import { makeWorld, startTime, type World } from '../support/world.ts';

const hlc = (offsetMs: number) => formatHlc({ ms: startTime + offsetMs, counter: 0 });
const push = (w: World, token: string, mutations: unknown[], clientId: string) =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });
const note = async (w: World, token: string) => {
  const c = pullResponseSchema.parse((await w.call('GET', '/api/sync/pull?since=0', { token })).body)
    .changes[0]!;
  return c.kind === 'practice' && !c.deleted ? c.object.note : null;
};

/** Two members edit the note of one practice from version 1; the later stamp wins in either arrival order. */
async function race(backend: Backend, order: 'older-first' | 'newer-first') {
  const w = await makeWorld(backend);
  const p = createPractice();
  await push(w, w.a.contributor.token, [p], 'a');
  const older = editPractice(p.objectId, 1, { fields: { note: 'older' } }, { hlc: hlc(1000) });
  const newer = editPractice(p.objectId, 1, { fields: { note: 'newer' } }, { hlc: hlc(2000) });
  const sends = [
    () => push(w, w.a.contributor.token, [older], 'a'),
    () => push(w, w.a.coordinator.token, [newer], 'b'),
  ];
  if (order === 'newer-first') sends.reverse();
  for (const send of sends) await send();
  return { w, p };
}

export function conflictScenarios(backend: Backend) {
  describe(`conflicts on ${backend.name}`, () => {
    it.each(['older-first', 'newer-first'] as const)(
      'same field: the later stamp wins (%s), the loser is a conflict',
      async (order) => {
        const { w, p } = await race(backend, order);
        expect(await note(w, w.a.viewer.token)).toBe('newer');
        const list = conflictListSchema.parse(
          (await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body,
        );
        expect(list.conflicts).toHaveLength(1);
        expect(list.conflicts[0]).toMatchObject({
          kind: 'practice',
          objectId: p.objectId,
          field: 'note',
          lostValue: 'older',
          lostBy: w.a.contributor.member.id,
          wonValue: 'newer',
          wonBy: w.a.coordinator.member.id,
          status: 'open',
        });
      },
    );

    it('an edit made with the current value in view is not a conflict, whatever its clock says', async () => {
      const w = await makeWorld(backend);
      const p = createPractice();
      await push(w, w.a.contributor.token, [p], 'a');
      await push(
        w,
        w.a.coordinator.token,
        [editPractice(p.objectId, 1, { fields: { note: 'first' } }, { hlc: hlc(5000) })],
        'b',
      );
      // Client a pulled version 2, then edits with a clock running behind b's.
      await push(
        w,
        w.a.contributor.token,
        [editPractice(p.objectId, 2, { fields: { note: 'second' } }, { hlc: hlc(10) })],
        'a',
      );
      expect(await note(w, w.a.viewer.token)).toBe('second');
      expect((await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body.conflicts).toEqual([]);
    });

    it('one client editing the same field twice offline is not a conflict', async () => {
      const w = await makeWorld(backend);
      const p = createPractice();
      await push(w, w.a.contributor.token, [p], 'a');
      await push(w, w.a.contributor.token, [editPractice(p.objectId, 1, { fields: { note: 'draft' } })], 'a');
      await push(w, w.a.contributor.token, [editPractice(p.objectId, 1, { fields: { note: 'final' } })], 'a');
      expect(await note(w, w.a.viewer.token)).toBe('final');
      expect((await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body.conflicts).toEqual([]);
    });

    it('restoring a conflict makes the lost value current, bumps the version and closes it', async () => {
      const { w } = await race(backend, 'older-first');
      const [conflict] = (await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body.conflicts;
      const res = await w.call('POST', `/api/conflicts/${conflict.id}/restore`, {
        token: w.a.contributor.token,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        version: 4,
        conflict: { status: 'restored', resolvedBy: w.a.contributor.member.id },
      });
      expect(await note(w, w.a.viewer.token)).toBe('older');
      const again = await w.call('POST', `/api/conflicts/${conflict.id}/restore`, {
        token: w.a.contributor.token,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict_closed');
      const open = await w.call('GET', '/api/conflicts', { token: w.a.viewer.token });
      expect(open.body.conflicts).toEqual([]);
      const all = await w.call('GET', '/api/conflicts?status=all', { token: w.a.viewer.token });
      expect(all.body.conflicts).toHaveLength(1);
    });

    it('dismissing keeps the current value; viewers may list but not resolve', async () => {
      const { w } = await race(backend, 'newer-first');
      const [conflict] = (await w.call('GET', '/api/conflicts', { token: w.a.viewer.token })).body.conflicts;
      const denied = await w.call('POST', `/api/conflicts/${conflict.id}/dismiss`, {
        token: w.a.viewer.token,
      });
      expect(denied.status).toBe(403);
      const res = await w.call('POST', `/api/conflicts/${conflict.id}/dismiss`, {
        token: w.a.coordinator.token,
      });
      expect(res.body).toMatchObject({ version: 2, conflict: { status: 'dismissed' } });
      expect(await note(w, w.a.viewer.token)).toBe('newer');
    });

    it('deleting an object erases its conflicts (they hold its data)', async () => {
      const { w, p } = await race(backend, 'older-first');
      await push(w, w.a.coordinator.token, [deleteObject('practice', p.objectId, 3)], 'b');
      const all = await w.call('GET', '/api/conflicts?status=all', { token: w.a.viewer.token });
      expect(all.body.conflicts).toEqual([]);
    });

    it('a bad status filter is a 400 naming the field', async () => {
      const w = await makeWorld(backend);
      const res = await w.call('GET', '/api/conflicts?status=lost', { token: w.a.viewer.token });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^status: /);
    });
  });
}
