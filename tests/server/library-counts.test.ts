// The pre-counted aggregates (search_counts, migration 0005) stay right as the library changes after it was
// indexed: practices deleted, moved to other areas and dates, added — each step compared with counts this
// test computes from its own specs.
import { describe, expect, it } from 'vitest';
import { cityAggregates, indexCoverage } from '../../server/library/aggregates.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';
import { fileBackend } from './support/backend.ts';
import { type PracticeSpec, practice, push, versionOf } from './support/library-data.ts';
import { deleteObject, editObject } from './support/mutations.ts';
import { makeWorld } from './support/world.ts';

interface Made {
  id: string;
  spec: PracticeSpec;
  deleted: boolean;
}

function expectedAreas(made: Made[], from?: string) {
  const live = made.filter((p) => !p.deleted && (!from || p.spec.clippedAt! >= `${from}T00:00:00.000Z`));
  return indexAreaIds.map((areaId) => {
    const inArea = live.filter((p) => p.spec.areas!.includes(areaId));
    return {
      areaId,
      count: inArea.length,
      lastAddedAt:
        inArea
          .map((p) => p.spec.clippedAt!)
          .sort()
          .at(-1) ?? null,
    };
  });
}

describe('pre-counted aggregates', () => {
  it('follow deletions, edits and additions made after the index was built', async () => {
    const w = await makeWorld(fileBackend);
    const token = w.a.contributor.token;
    const made: Made[] = [];
    const add = async (n: number, offset: number) => {
      const batch = [];
      for (let i = 0; i < n; i++) {
        const k = offset + i;
        const spec: PracticeSpec = {
          title: `P${k}`,
          areas: [indexAreaIds[k % 5]!, indexAreaIds[(k * 3) % 7]!],
          clippedAt: new Date(Date.UTC(2025, k % 6, 1 + (k % 27), k % 24)).toISOString(),
        };
        const m = practice(spec);
        batch.push(m);
        made.push({ id: m.objectId, spec, deleted: false });
      }
      await push(w, token, batch);
    };
    const check = async () => {
      const live = made.filter((p) => !p.deleted);
      const agg = await cityAggregates(w.db, w.a.city.id);
      expect(agg.total).toBe(live.length);
      expect(agg.byArea).toEqual(expectedAreas(made));
      expect(agg.byContributor.map((c) => c.count)).toEqual(live.length ? [live.length] : []);
      const months = new Map<string, number>();
      for (const p of live)
        months.set(p.spec.clippedAt!.slice(0, 7), (months.get(p.spec.clippedAt!.slice(0, 7)) ?? 0) + 1);
      expect(agg.byMonth.filter((m) => m.count > 0)).toEqual(
        [...months].sort().map(([month, count]) => ({ month, count })),
      );
      const inPeriod = await cityAggregates(w.db, w.a.city.id, { from: '2025-03-01' });
      expect(inPeriod.byArea).toEqual(expectedAreas(made, '2025-03-01'));
      expect((await indexCoverage(w.db, w.a.city.id)).areas).toEqual(expectedAreas(made));
    };

    await add(40, 0);
    await check();
    // Deleted after indexing: their counts leave the pre-counted days.
    const gone = made.filter((_, i) => i % 4 === 1);
    const deletions = [];
    for (const p of gone) {
      deletions.push(deleteObject('practice', p.id, await versionOf(w, p.id)));
      p.deleted = true;
    }
    await push(w, token, deletions);
    await check();
    // Moved to other areas and another day: counted once, in the new place.
    const moved = made.filter((p, i) => !p.deleted && i % 5 === 0);
    const edits = [];
    for (const p of moved) {
      const before = p.spec.areas!;
      p.spec = { ...p.spec, areas: [indexAreaIds[17]!], clippedAt: '2025-11-20T08:00:00.000Z' };
      edits.push(
        editObject('practice', p.id, await versionOf(w, p.id), {
          fields: { clippedAt: p.spec.clippedAt },
          remove: { areas: before },
          add: { areas: p.spec.areas },
        }),
      );
    }
    await push(w, token, edits);
    await check();
    await add(10, 100);
    await check();
  });
});
