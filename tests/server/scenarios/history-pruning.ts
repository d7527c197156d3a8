// The sync history past its horizon (issue 15, item 9): old tombstones and processed mutation ids are pruned,
// a cursor behind the prune point must start again from 0, a put from behind the horizon cannot bring a pruned
// deletion back, a retried creation whose record was pruned does not duplicate, and removed set elements are
// forgotten without letting an older add resurrect them.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { horizonMsOf, pruneHistory } from '../../../server/sync/prune-history.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import type { Backend } from '../support/backend.ts';
import { createPractice, deleteObject, editPractice, practiceFields } from '../support/mutations.ts';
import { makeWorld, type World } from '../support/world.ts';

const dayMs = 24 * 60 * 60 * 1000;
const push = (w: World, token: string, mutations: unknown[], clientId = 'client-1') =>
  w.call('POST', '/api/sync/push', { token, json: { clientId, mutations } });
const pull = (w: World, token: string, query: string) => w.call('GET', `/api/sync/pull?${query}`, { token });
const prune = (w: World) => pruneHistory(w.db, { nowMs: w.clock.now, horizonMs: horizonMsOf(30) });
const count = async (w: World, table: string) =>
  Number((await w.db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);

export function historyPruningScenarios(backend: Backend) {
  describe(`sync history past the horizon on ${backend.name}`, () => {
    it('prunes tombstones and processed ids older than the horizon, keeps live objects and recent history', async () => {
      const w = await makeWorld(backend, { history: false });
      const token = w.a.contributor.token;
      const gone = createPractice();
      const kept = createPractice();
      await push(w, token, [gone, kept]); // v1
      await push(w, token, [deleteObject('practice', gone.objectId, 1)]); // v2
      w.clock.now += 31 * dayMs;
      const recent = createPractice();
      await push(w, token, [recent]); // v3
      await push(w, token, [deleteObject('practice', recent.objectId, 3)]); // v4

      const report = await prune(w);
      expect(report).toMatchObject({ processed: 3, tombstones: 1, cities: 1, more: false });
      expect(await count(w, 'processed_mutations')).toBe(2);
      const [city] = await w.db.all<{ p: number }>(
        sql`select pruned_through_version as p from cities where id = ${w.a.city.id}`,
      );
      expect(Number(city!.p)).toBe(2);
      const first = await pull(w, token, 'since=0');
      expect(first.status).toBe(200);
      const changes = first.body.changes as { id: string; deleted: boolean }[];
      expect(changes.map((c) => [c.id, c.deleted]).sort()).toEqual(
        [
          [kept.objectId, false],
          [recent.objectId, true],
        ].sort(),
      );
      // Nothing more to prune: a second run changes nothing.
      expect(await prune(w)).toMatchObject({ processed: 0, tombstones: 0, cities: 0 });
    });

    it('a cursor behind the prune point gets 410 resync_required; 0, the prune point and later pull as usual', async () => {
      const w = await makeWorld(backend, { history: false });
      const token = w.a.viewer.token;
      const p = createPractice();
      await push(w, w.a.contributor.token, [p]); // v1
      await push(w, w.a.contributor.token, [deleteObject('practice', p.objectId, 1)]); // v2
      await push(w, w.a.contributor.token, [createPractice()]); // v3
      w.clock.now += 31 * dayMs;
      await push(w, w.a.contributor.token, [createPractice()]); // v4
      await prune(w);

      const behind = await pull(w, token, 'since=1');
      expect([behind.status, behind.body.error.code]).toEqual([410, 'resync_required']);
      for (const since of [0, 3]) expect((await pull(w, token, `since=${since}`)).status).toBe(200);
      // A text backfill (`until`) reads live practices only: not refused.
      expect((await pull(w, token, 'since=1&until=3')).status).toBe(200);
      // Another city's cursor is not affected.
      expect((await pull(w, w.b.viewer.token, 'since=0')).status).toBe(200);
    });

    it('a put from behind the horizon on a pruned tombstone is ignored: the deleted practice does not come back', async () => {
      const w = await makeWorld(backend, { history: false });
      const p = createPractice();
      await push(w, w.a.contributor.token, [p]); // v1
      await push(w, w.a.coordinator.token, [deleteObject('practice', p.objectId, 1)], 'client-2'); // v2
      w.clock.now += 31 * dayMs;
      await push(w, w.a.coordinator.token, [createPractice()], 'client-2'); // v3
      await prune(w);

      // The first browser, offline since v1, sends a whole put of the practice it had at version 1.
      const late = { ...createPractice(p.objectId, { note: 'edited offline' }), baseVersion: 1 };
      const res = await push(w, w.a.contributor.token, [late]);
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({ status: 'ignored', duplicate: false });
      const all = await pull(w, w.a.viewer.token, 'since=0');
      expect((all.body.changes as { id: string }[]).some((c) => c.id === p.objectId)).toBe(false);
    });

    it('a retried creation whose processed record was pruned merges into its object: no duplicate, no new version', async () => {
      const w = await makeWorld(backend, { history: false });
      const token = w.a.contributor.token;
      const p = createPractice(undefined, {}, { tags: ['youth'] });
      await push(w, token, [p]); // v1
      w.clock.now += 31 * dayMs;
      await prune(w);
      expect(await count(w, 'processed_mutations')).toBe(0);

      const retry = await push(w, token, [p]);
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ version: 1 });
      expect(retry.body.results[0]).toMatchObject({ status: 'unchanged', objectVersion: 1 });
      const all = await pull(w, token, 'since=0');
      expect(all.body.changes).toHaveLength(1);
      expect(all.body.changes[0].object).toMatchObject({ id: p.objectId, tags: ['youth'], version: 1 });
    });

    it('forgets removed tags older than the horizon at the next edit; an older unseen add does not bring one back', async () => {
      const w = await makeWorld(backend, { history: false });
      const token = w.a.contributor.token;
      const p = createPractice(undefined, {}, { tags: ['kept'] });
      await push(w, token, [p]); // v1
      let version = 1;
      for (let i = 0; i < 40; i++) {
        await push(w, token, [editPractice(p.objectId, version, { add: { tags: [`tag-${i}`] } })]);
        await push(w, token, [editPractice(p.objectId, version + 1, { remove: { tags: [`tag-${i}`] } })]);
        version += 2;
      }
      const tagEntries = async () => {
        const [row] = await w.db.all<{ meta: string }>(
          sql`select meta from library_objects where id = ${p.objectId}`,
        );
        return (JSON.parse(row!.meta).sets.tags as unknown[]).length;
      };
      expect(await tagEntries()).toBe(41);
      w.clock.now += 31 * dayMs;
      await prune(w);
      await push(w, token, [editPractice(p.objectId, version, { fields: { note: 'after the horizon' } })]);
      version++;
      expect(await tagEntries()).toBe(1);

      // Another browser that last synced at v1 adds tag-7 with a stamp older than its removal: it stays gone.
      const before = formatHlc({ ms: Date.parse('2025-03-01T08:00:00.000Z'), counter: 0 });
      const stale = editPractice(p.objectId, 1, { add: { tags: ['tag-7'] } }, { hlc: before });
      expect((await push(w, w.a.coordinator.token, [stale], 'client-2')).status).toBe(200);
      // A new add (seen the removals, later stamp) is taken.
      const fresh = editPractice(p.objectId, version, { add: { tags: ['tag-9'] } });
      expect((await push(w, w.a.coordinator.token, [fresh], 'client-2')).status).toBe(200);
      const all = await pull(w, token, 'since=0');
      expect(all.body.changes[0].object.tags).toEqual(['kept', 'tag-9']);
    });

    it('the app prunes after a push once its interval has passed, in the background', async () => {
      const w = await makeWorld(backend);
      const token = w.a.contributor.token;
      const p = createPractice();
      await push(w, token, [p]);
      await push(w, token, [deleteObject('practice', p.objectId, 1)]);
      w.clock.now += 31 * dayMs;
      // makeWorld's app waits an hour after it started: 31 days have passed.
      await push(w, token, [{ ...createPractice(), fields: practiceFields({ title: 'Later' }) }]);
      await expect
        .poll(async () => (await pull(w, w.a.viewer.token, 'since=1')).status, { timeout: 5000 })
        .toBe(410);
      expect(await count(w, 'processed_mutations')).toBe(1);
    });
  });
}
