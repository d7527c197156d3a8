// The push writes each object's merge metadata with its own serialiser (server/sync/push-sql.ts metaJson:
// shared clocks serialised once, one growing string). Whatever the fields, clocks and set elements, the text
// must be exactly what JSON.stringify gives, since the stored meta is read back with JSON.parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaJson } from '../../server/sync/push-sql.ts';
import type { FieldClock, ObjectState } from '../../shared/sync/object-state.ts';

const clockArb: fc.Arbitrary<FieldClock> = fc.record({
  hlc: fc.string(),
  client: fc.string(),
  mutation: fc.string(),
  member: fc.string(),
  version: fc.nat(),
});

const metaArb = fc
  .record({
    shared: fc.array(clockArb, { minLength: 1, maxLength: 3 }),
    names: fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 12 }),
    setNames: fc.uniqueArray(fc.constantFrom('areas', 'tags', 'emails', 'a"b', 'é\n'), { maxLength: 3 }),
    picks: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
    elements: fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.boolean()), { maxLength: 6 }),
  })
  .map(({ shared, names, setNames, picks, elements }) => {
    const clocks: ObjectState['clocks'] = {};
    names.forEach((name, i) => {
      clocks[name] = shared[picks[i]! % shared.length]!;
    });
    const sets: ObjectState['sets'] = {};
    setNames.forEach((name, i) => {
      sets[name] = elements.map(([value, present], j) => ({
        key: value.toLowerCase(),
        value,
        present,
        clock: shared[(picks[i + j] ?? 0) % shared.length]!,
      }));
    });
    return { clocks, sets };
  });

describe('the stored meta text', () => {
  it('is exactly JSON.stringify of the clocks and sets', () => {
    fc.assert(
      fc.property(metaArb, (meta) => {
        expect(metaJson(meta)).toBe(JSON.stringify(meta));
      }),
      { numRuns: 500 },
    );
  });
});
