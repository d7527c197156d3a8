// Properties of the pure merge core (shared/sync): concurrent edits made from the same version end in the
// same object and the same conflict records whatever order they arrive in, and a page cut never loses or
// repeats a change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import { type ObjectState, objectData } from '../../shared/sync/object-state.ts';
import { cutPage } from '../../shared/sync/pull.ts';
import { planPush } from '../../shared/sync/push.ts';
import { practiceFields } from './support/sim/history.ts';

const objectId = '01955000-0000-7000-8000-000000000001';
const base: ObjectState = {
  kind: 'practice',
  id: objectId,
  version: 1,
  createdAt: '2025-03-01T08:00:00.000Z',
  createdBy: 'm0',
  updatedAt: '2025-03-01T08:00:00.000Z',
  updatedBy: 'm0',
  deletedAt: null,
  fields: practiceFields('seed'),
  clocks: {},
  sets: {
    tags: [
      {
        key: 'welcome',
        value: 'welcome',
        present: true,
        clock: {
          hlc: formatHlc({ ms: 0, counter: 0 }),
          client: 'seed',
          mutation: 'seed',
          member: 'm0',
          version: 1,
        },
      },
    ],
  },
};

const editArb = fc.record({
  note: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
  title: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
  add: fc.subarray(['welcome', 'youth', 'sport']),
  remove: fc.subarray(['welcome', 'youth', 'sport']),
  ms: fc.integer({ min: 0, max: 20 }),
});

/** Concurrent edits by distinct clients, all based on version 1; then one of their arrival orders. */
const racesArb = fc.array(editArb, { minLength: 2, maxLength: 5 }).chain((edits) =>
  fc.tuple(
    fc.constant(edits),
    fc.shuffledSubarray(
      edits.map((_, i) => i),
      { minLength: edits.length },
    ),
  ),
);

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function toMutation(e: Edit, i: number): Mutation {
  const fields: Record<string, unknown> = {};
  if (e.note !== undefined) fields.note = e.note;
  if (e.title !== undefined) fields.title = e.title;
  const tagsRemoved = e.remove.filter((t) => !e.add.includes(t));
  return {
    id: `0195500${i}-0000-7000-8000-000000000000`,
    clientId: `client-${i}`,
    kind: 'practice',
    objectId,
    baseVersion: 1,
    hlc: formatHlc({ ms: Date.parse('2025-03-01T09:00:00Z') + e.ms, counter: 0 }),
    op: 'put',
    fields,
    add: { tags: e.add },
    remove: { tags: tagsRemoved },
  };
}

function arrive(mutations: Mutation[]): Record<string, unknown> {
  let objects = new Map([[objectId, base]]);
  let version = 1;
  const lost: string[] = [];
  for (const m of mutations) {
    const plan = planPush({
      cityId: 'c',
      memberId: 'm',
      libraryVersion: version,
      nowMs: Date.parse('2025-03-01T10:00:00Z'),
      mutations: [m],
      objects,
      processed: new Map(),
    });
    objects = new Map(objects);
    for (const s of plan.writes) objects.set(s.id, s);
    version = plan.version;
    lost.push(...plan.conflicts.map((c) => `${c.field}=${String(c.lost.value)}`));
  }
  const data = objectData(objects.get(objectId)!);
  // A lost value equal to the current one tells the user nothing, and whether one is recorded depends on
  // arrival order (x, y, x: y first displaces x, which wins back); compare the distinct others.
  const meaningful = [...new Set(lost)].filter(
    (l) => !['note', 'title'].some((f) => l === `${f}=${String(data[f])}`),
  );
  return { ...data, tags: [...(data.tags as string[])].sort(), lost: meaningful.sort() };
}

describe('merge core', () => {
  it('concurrent edits from one version converge to the same object and conflicts in any arrival order', () => {
    fc.assert(
      fc.property(racesArb, ([edits, order]) => {
        const mutations = edits.map(toMutation);
        const inOrder = arrive(mutations);
        const shuffled = arrive(order.map((i) => mutations[i]!));
        expect(shuffled).toEqual(inOrder);
      }),
      { numRuns: 300 },
    );
  });

  it('the latest stamp wins a same-field race, and every other distinct value is a conflict', () => {
    fc.assert(
      fc.property(racesArb, ([edits]) => {
        const mutations = edits.map(toMutation);
        const result = arrive(mutations);
        const writers = mutations.filter((m) => m.fields?.note !== undefined);
        if (writers.length === 0) return;
        const winner = writers.reduce((a, b) =>
          b.hlc > a.hlc || (b.hlc === a.hlc && b.clientId > a.clientId) ? b : a,
        );
        expect(result.note).toBe(winner.fields!.note);
      }),
      { numRuns: 200 },
    );
  });

  it('pages cut on version boundaries cover every row exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (sizes, limit) => {
          const rows = sizes.flatMap((n, v) =>
            Array.from({ length: n }, (_, k) => ({ version: v + 1, key: `${v + 1}.${k}` })),
          );
          const libraryVersion = sizes.length;
          const seen: string[] = [];
          let since = 0;
          for (let guard = 0; guard < 1000; guard++) {
            const after = rows.filter((r) => r.version > since);
            const page = cutPage(after.slice(0, limit + 1), limit, libraryVersion);
            const got =
              page.wholeVersion === undefined
                ? page.rows
                : after.filter((r) => r.version === page.wholeVersion);
            seen.push(...got.map((r) => r.key));
            expect(page.through).toBeGreaterThanOrEqual(since);
            since = page.through;
            if (!page.hasMore) break;
          }
          expect(seen).toEqual(rows.map((r) => r.key));
          expect(since).toBe(libraryVersion);
        },
      ),
      { numRuns: 300 },
    );
  });
});
