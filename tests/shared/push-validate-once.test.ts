// A pushed mutation is validated once: planPush skips re-parsing a whole-field value the wire schema already
// accepted in the same request (PushInput.wireValidated). The shortcut must answer exactly as the full check
// of the merged object does — the same refusal (path and message) or the same plan — for creations that miss
// fields, sets that grow past their limit, and stored objects holding values the schema no longer accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushRequestSchema } from '../../shared/api/sync.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import type { FieldClock, ObjectState } from '../../shared/sync/object-state.ts';
import { type PushInput, PushRejected, planPush } from '../../shared/sync/push.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';

const storedId = '01955000-0000-7000-8000-000000000001';
const newId = '01955000-0000-7000-8000-000000000002';

const validFields: Record<string, unknown> = {
  url: 'https://example.org/p',
  canonicalUrl: null,
  title: 'A welcome desk',
  excerpt: '',
  siteName: null,
  byline: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  image: null,
  contentMarkdown: '# A welcome desk',
  extraction: 'full',
  note: '',
  visibility: 'city',
  clippedAt: '2025-03-01T08:00:00.000Z',
};

/** Values the practice schema refuses, as a stored object could hold them after the schema tightened. */
const staleValues: Record<string, unknown> = {
  title: '',
  url: 'javascript:alert(1)',
  image: 'ftp://example.org/i.png',
  dir: 'up',
  clippedAt: 'yesterday',
};

const clock: FieldClock = {
  hlc: formatHlc({ ms: Date.parse('2025-03-01T08:00:00.000Z'), counter: 0 }),
  client: 'seed',
  mutation: 'seed',
  member: 'm0',
  version: 1,
};

function storedState(stale: string[], areas: string[]): ObjectState {
  const fields = { ...validFields };
  for (const f of stale) fields[f] = staleValues[f];
  const clocks: Record<string, FieldClock> = {};
  for (const f of Object.keys(fields)) clocks[f] = clock;
  return {
    kind: 'practice',
    id: storedId,
    version: 1,
    createdAt: '2025-03-01T08:00:00.000Z',
    createdBy: 'm0',
    updatedAt: '2025-03-01T08:00:00.000Z',
    updatedBy: 'm0',
    deletedAt: null,
    fields,
    clocks,
    sets: { areas: areas.map((a) => ({ key: a, value: a, present: true, clock })) },
  };
}

const mutationArb = fc.record({
  create: fc.boolean(),
  keep: fc.subarray(Object.keys(validFields)),
  edits: fc.dictionary(
    fc.constantFrom('title', 'note', 'url', 'excerpt', 'lang'),
    fc.constantFrom('  spaced  ', 'plain', 'https://example.org/q', 'x'.repeat(40)),
    { maxKeys: 3 },
  ),
  areas: fc.subarray([...indexAreaIds]),
  tags: fc.subarray([' Youth ', 'welcome', 'WELCOME', 'sport']),
});

const caseArb = fc.record({
  stale: fc.subarray(Object.keys(staleValues)),
  storedAreas: fc.subarray([...indexAreaIds]),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
});

/** A generated mutation as a client would send it (the route parses it with pushRequestSchema). */
function toWire(
  spec: { create: boolean; keep: string[]; edits: Record<string, string>; areas: string[]; tags: string[] },
  i: number,
) {
  const fields: Record<string, unknown> = {};
  for (const f of spec.keep) fields[f] = validFields[f];
  Object.assign(fields, spec.edits);
  const n = String(i + 10).padStart(12, '0');
  return {
    id: `01955000-0000-7000-9000-${n}`,
    kind: 'practice',
    objectId: spec.create ? newId : storedId,
    baseVersion: spec.create ? 0 : 1,
    hlc: formatHlc({ ms: Date.parse('2025-03-02T08:00:00.000Z') + i, counter: 0 }),
    op: 'put',
    fields,
    add: { areas: spec.areas, tags: spec.tags },
  };
}

type Answer = { refused: { path: (string | number)[]; message: string } } | { plan: unknown };

function answer(input: PushInput): Answer {
  try {
    return { plan: planPush(input) };
  } catch (error) {
    if (error instanceof PushRejected) return { refused: { path: error.path, message: error.message } };
    throw error;
  }
}

describe('validating each pushed mutation once', () => {
  it('refuses and plans exactly as the full check of the merged object', () => {
    let refusals = 0;
    let plans = 0;
    fc.assert(
      fc.property(caseArb, ({ stale, storedAreas, mutations }) => {
        const parsed = pushRequestSchema.safeParse({
          clientId: 'client-a',
          mutations: mutations.map((m, i) => toWire(m, i)),
        });
        fc.pre(parsed.success);
        const batch = parsed.data!.mutations.map((m) => ({ ...m, clientId: 'client-a' }) as Mutation);
        const input: PushInput = {
          cityId: 'city-a',
          memberId: 'm1',
          libraryVersion: 1,
          nowMs: Date.parse('2025-03-02T09:00:00.000Z'),
          mutations: batch,
          objects: new Map([[storedId, storedState(stale, storedAreas)]]),
          processed: new Map(),
        };
        const full = answer(input);
        const once = answer({ ...input, wireValidated: true });
        expect(once).toEqual(full);
        if ('refused' in full) refusals++;
        else plans++;
      }),
      { numRuns: 400 },
    );
    // Both branches were exercised, so the comparison above could have failed either way.
    expect(refusals).toBeGreaterThan(20);
    expect(plans).toBeGreaterThan(20);
  });
});
