// Pull and push through the real app: versions, paging, idempotency, all-or-nothing batches, field-level
// merge, set merge, tombstones, server-owned fields.
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../../shared/api/sync.ts';
import { practiceSchema } from '../../../shared/schemas/practice.ts';
import type { Backend } from '../support/backend.ts';
import {
  createHighlight,
  createPractice,
  createSnippet,
  createStakeholder,
  deleteObject,
  editPractice,
  id,
} from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';

const push = (w: World, token: string, mutations: unknown[], clientId = 'client-1') =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });
const pull = (w: World, token: string, since = 0, limit?: number) =>
  w.call('GET', `/api/sync/pull?since=${since}${limit ? `&limit=${limit}` : ''}`, { token });

export function syncScenarios(backend: Backend) {
  describe(`sync on ${backend.name}`, () => {
    it('a push bumps the library version once and stamps every object it changed; pull returns them', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const p = createPractice();
      const res = await push(w, token, [
        p,
        createHighlight(p.objectId),
        createStakeholder(),
        createSnippet(),
      ]);
      expect(res.status).toBe(200);
      const body = pushResponseSchema.parse(res.body);
      expect(body.version).toBe(1);
      expect(body.results.map((r) => [r.status, r.objectVersion, r.duplicate])).toEqual(
        Array(4).fill(['applied', 1, false]),
      );

      const pulled = pullResponseSchema.parse((await pull(w, token)).body);
      expect(pulled).toMatchObject({ version: 1, hasMore: false });
      expect(pulled.changes.map((c) => c.kind).sort()).toEqual([
        'highlight',
        'practice',
        'snippet',
        'stakeholder',
      ]);
      const practice = pulled.changes.find((c) => c.kind === 'practice');
      const obj = practiceSchema.parse(practice && !practice.deleted ? practice.object : null);
      expect(obj).toMatchObject({
        id: p.objectId,
        cityId: w.a.city.id,
        createdBy: w.a.contributor.member.id,
        version: 1,
      });
    });

    it('an up-to-date client gets an empty answer', async () => {
      const w = await makeWorld(backend);
      await push(w, w.a.contributor.token, [createPractice()]);
      const res = await pull(w, w.a.viewer.token, 1);
      expect(res.body).toEqual({ version: 1, changes: [], hasMore: false });
    });

    it('pull pages end on version boundaries and reach the library version', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      for (let i = 0; i < 4; i++) await push(w, token, [createPractice(), createPractice()]);
      const seen: string[] = [];
      let since = 0;
      const versions: number[] = [];
      for (;;) {
        const page = pullResponseSchema.parse((await pull(w, token, since, 3)).body);
        seen.push(...page.changes.map((c) => c.id));
        versions.push(page.version);
        since = page.version;
        if (!page.hasMore) break;
      }
      expect(new Set(seen).size).toBe(8);
      expect(seen).toHaveLength(8);
      expect(versions.at(-1)).toBe(4);
      // A version larger than the page still arrives whole.
      const whole = pullResponseSchema.parse((await pull(w, token, 0, 1)).body);
      expect(whole.changes).toHaveLength(2);
      expect(whole).toMatchObject({ version: 1, hasMore: true });
    });

    it('a page lists its changes by version, then id, whatever order they were written in', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      // Each push writes its objects in descending id order, so the database's own order is not the answer's.
      for (let i = 0; i < 3; i++) {
        const ids = [id(), id(), id()].sort().reverse();
        expect(
          (
            await push(
              w,
              token,
              ids.map((objectId) => createPractice(objectId)),
            )
          ).status,
        ).toBe(200);
      }
      const order = (changes: { version: number; id: string }[]) => changes.map((c) => [c.version, c.id]);
      const sorted = (changes: { version: number; id: string }[]) =>
        order(changes).sort(
          ([va, ia], [vb, ib]) => Number(va) - Number(vb) || String(ia).localeCompare(String(ib)),
        );
      for (const limit of [undefined, 4, 1]) {
        const page = pullResponseSchema.parse((await pull(w, token, 0, limit)).body);
        // limit 4 cuts through version 2 (ends after version 1); limit 1 returns version 1 whole.
        expect(page.changes).toHaveLength(limit === undefined ? 9 : 3);
        expect(order(page.changes)).toEqual(sorted(page.changes));
      }
    });

    it('since ahead of the library answers 409 since_ahead', async () => {
      const w = await makeWorld(backend);
      const res = await pull(w, w.a.viewer.token, 7);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('since_ahead');
    });

    it('the same batch sent twice changes nothing the second time', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const batch = [createPractice(), createPractice()];
      const first = pushResponseSchema.parse((await push(w, token, batch)).body);
      const second = pushResponseSchema.parse((await push(w, token, batch)).body);
      expect(second.version).toBe(first.version);
      expect(second.results.every((r) => r.duplicate && r.status === 'applied')).toBe(true);
      const pulled = pullResponseSchema.parse((await pull(w, token)).body);
      expect(pulled.changes).toHaveLength(2);
      expect(pulled.version).toBe(1);
    });

    it('one invalid mutation commits nothing and leaves the library version unchanged', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      await push(w, token, [createPractice()]);
      const bad = createPractice(undefined, { title: '' });
      const res = await push(w, token, [createPractice(), bad, createPractice()]);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/^mutations\.1\.fields\.title: /);
      const pulled = pullResponseSchema.parse((await pull(w, token)).body);
      expect(pulled.version).toBe(1);
      expect(pulled.changes).toHaveLength(1);
    });

    it('a creation missing a required field is refused, naming it', async () => {
      const w = await makeWorld(backend);
      const m = editPractice(id(), 0, { fields: { note: 'only a note' } });
      const res = await push(w, w.a.contributor.token, [m]);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^mutations\.0\.fields\.(url|title|contentMarkdown|excerpt)/);
    });

    it('server-owned fields are refused by name, whatever the client sends', async () => {
      const w = await makeWorld(backend);
      for (const field of ['cityId', 'createdBy', 'updatedBy', 'version']) {
        const m = createPractice(undefined, { [field]: 'x' });
        const res = await push(w, w.a.contributor.token, [m]);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          new RegExp(`^mutations\\.0\\.fields\\.${field}: is set by the server`),
        );
      }
    });

    it('edits of different fields of one object by two members both survive', async () => {
      const w = await makeWorld(backend);
      const p = createPractice(undefined, {}, { areas: ['education'] });
      await push(w, w.a.contributor.token, [p]);
      await push(
        w,
        w.a.coordinator.token,
        [editPractice(p.objectId, 1, { fields: { note: 'B note' } })],
        'client-b',
      );
      await push(
        w,
        w.a.contributor.token,
        [editPractice(p.objectId, 1, { add: { areas: ['commitment'] } })],
        'client-a',
      );
      const pulled = pullResponseSchema.parse((await pull(w, w.a.viewer.token)).body);
      const c = pulled.changes[0]!;
      expect(c.deleted).toBe(false);
      const object = practiceSchema.parse(!c.deleted && c.object);
      expect(object.note).toBe('B note');
      expect(object.areas).toEqual(['education', 'commitment']);
      expect(object.version).toBe(3);
      expect(object.updatedBy).toBe(w.a.contributor.member.id);
      const conflicts = await w.call('GET', '/api/conflicts', { token: w.a.viewer.token });
      expect(conflicts.body.conflicts).toEqual([]);
    });

    it('set fields merge per element: concurrent add and remove of different tags both apply', async () => {
      const w = await makeWorld(backend);
      const p = createPractice(undefined, {}, { tags: ['Welcome', 'languages'] });
      await push(w, w.a.contributor.token, [p]);
      await push(
        w,
        w.a.contributor.token,
        [editPractice(p.objectId, 1, { remove: { tags: ['welcome'] } })],
        'a',
      );
      await push(
        w,
        w.a.coordinator.token,
        [editPractice(p.objectId, 1, { add: { tags: ['Newcomers', 'LANGUAGES'] } })],
        'b',
      );
      const c = pullResponseSchema.parse((await pull(w, w.a.viewer.token)).body).changes[0]!;
      expect(c.kind === 'practice' && !c.deleted && c.object.tags).toEqual(['languages', 'Newcomers']);
    });

    it('a delete is a tombstone without data, and a later put from an old client never resurrects it', async () => {
      const w = await makeWorld(backend);
      const p = createPractice();
      const h = createHighlight(p.objectId);
      await push(w, w.a.contributor.token, [p, h]);
      const del = await push(w, w.a.coordinator.token, [deleteObject('practice', p.objectId, 1)], 'b');
      expect(pushResponseSchema.parse(del.body).version).toBe(2);
      const old = await push(
        w,
        w.a.contributor.token,
        [editPractice(p.objectId, 1, { fields: { note: 'late edit' } })],
        'a',
      );
      expect(old.body.results[0]).toMatchObject({ status: 'ignored', duplicate: false });
      expect(old.body.version).toBe(2);
      const late = await push(w, w.a.contributor.token, [createHighlight(p.objectId)], 'a');
      expect(late.body.results[0].status).toBe('ignored');
      const pulled = pullResponseSchema.parse((await pull(w, w.a.viewer.token)).body);
      expect(pulled.changes).toHaveLength(2);
      for (const c of pulled.changes) expect(c).toMatchObject({ deleted: true, version: 2 });
      expect(pulled.changes.map((c) => c.id).sort()).toEqual([h.objectId, p.objectId].sort());
    });

    it('a mutation naming an existing object of another kind is refused', async () => {
      const w = await makeWorld(backend);
      const p = createPractice();
      await push(w, w.a.contributor.token, [p]);
      const res = await push(w, w.a.contributor.token, [{ ...createSnippet(p.objectId) }]);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(`mutations.0.kind: object ${p.objectId} is a practice`);
    });

    it('a base version ahead of the library is refused', async () => {
      const w = await makeWorld(backend);
      const res = await push(w, w.a.contributor.token, [
        createPractice(undefined, {}, {}, { baseVersion: 5 }),
      ]);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^mutations\.0\.baseVersion: /);
    });

    it('viewers cannot push (403) but can pull', async () => {
      const w = await makeWorld(backend);
      const res = await push(w, w.a.viewer.token, [createPractice()]);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect((await pull(w, w.a.viewer.token)).status).toBe(200);
    });
  });
}
