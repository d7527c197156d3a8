// The push's hand-written fast path must answer exactly as the zod schemas: fastPushRequest gives
// pushRequestSchema's very output (same values, same keys in the same order) or nothing (the route then asks
// zod, which words any refusal), and isValidPracticeState vouches only for practices practiceSchema accepts. Random
// bodies as the wire brings them (through JSON), valid and damaged: boundary lengths, white space to trim,
// wrong types, unknown and server-set keys, other kinds, deletes with fields, impossible dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushRequestSchema } from '../../shared/api/sync.ts';
import { practiceFields, practiceSchema } from '../../shared/schemas/practice.ts';
import { fastPushRequest } from '../../shared/sync/fast-push.ts';
import { materialise, type ObjectState } from '../../shared/sync/object-state.ts';
import { isValidPracticeState } from '../../shared/sync/practice-checks.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';

const uuid = '01955000-0000-7000-8000-000000000001';
const x = (n: number) => 'x'.repeat(n);
const summary = {
  lang: 'fr',
  text: 'Un guichet',
  engine: 'person',
  status: 'reviewed',
  reviewedBy: 'm1',
  reviewedAt: '2025-03-01T08:00:00.000Z',
};
/** A pool of values: mostly valid ones (`ok`), sometimes boundaries and damaged ones (`bad`). */
interface Pool {
  ok: unknown[];
  bad: unknown[];
}
const from = ({ ok, bad }: Pool, badWeight = 1) =>
  fc.noBias(
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...ok) },
      { weight: badWeight, arbitrary: fc.constantFrom(...bad) },
    ),
  );

const dates: Pool = {
  ok: ['2025-03-01T08:00:00.000Z', '2024-02-29T00:00:00+01:00', '2025-03-01T08:00:00Z'],
  bad: ['2025-02-29T00:00:00Z', '2025-03-01', '2025-03-01T08:00:00.000+0100', 'yesterday', '', null, 7],
};
const strings = (max: number, nullable = false): Pool => ({
  ok: ['', 'plain', 'Câmara ✓', x(max), `  ${x(max - 4)}  `, ...(nullable ? [null] : [])],
  bad: [x(max + 1), 5, ['a'], ...(nullable ? [] : [null])],
});
const httpUrls: Pool = {
  ok: ['https://example.org/p', 'HTTP://EXAMPLE.ORG', `https://${x(4088)}`, null],
  bad: ['http://x y', 'ftp://example.org/i.png', `https://${x(4089)}`, '', 3],
};

/** Values each whole-value field may get. */
const fieldValues: Record<string, Pool> = {
  url: {
    ok: ['https://example.org/p', 'mailto:a@example.org', `https://${x(8184)}`],
    bad: ['javascript:alert(1)', 'data:text/plain,x', 'not a url', `https://${x(8185)}`, null],
  },
  canonicalUrl: httpUrls,
  title: {
    ok: ['A welcome desk', '  spaced  ', x(1000), ` ${x(1000)}\n`],
    bad: ['', '   ', x(1001), 5, null],
  },
  excerpt: strings(5000),
  siteName: strings(500, true),
  byline: strings(500, true),
  publishedTime: strings(100, true),
  lang: strings(35, true),
  dir: { ok: ['ltr', 'rtl', null], bad: ['up', ''] },
  image: httpUrls,
  // The 2 MB boundary is valid; it sits with the rare values to keep runs quick.
  contentMarkdown: { ok: ['# A welcome desk\n\nText.', ''], bad: [x(2_000_000), x(2_000_001), null, 1] },
  extraction: { ok: ['full', 'metadata-only', 'none'], bad: ['partial', null] },
  note: strings(20_000),
  visibility: { ok: ['city', 'network'], bad: ['world', null] },
  clippedAt: dates,
  summaries: { ok: [[]], bad: [[summary], [{}], 'none', null] },
};
const wholeFields = Object.keys(fieldValues);
/** Keys a push must not carry in `fields`: server-set, unknown, prototype-looking, a set field. */
const refusedFieldKeys = ['cityId', 'version', 'bogus', '__proto__', 'areas'];
const elementValues: Record<string, Pool> = {
  areas: { ok: indexAreaIds.slice(0, 4), bad: ['nowhere', 3] },
  tags: { ok: ['youth', ' a  b ', 'A B', 'a\tb\nc', x(64), ` ${x(64)} `], bad: ['', '   ', x(65), 7] },
  stakeholderIds: { ok: [uuid], bad: ['01955000-0000-7000-8000-00000000000A', 'nope', null] },
};

/** A set group (add/remove): lists of elements, sometimes too long, not a list, or an unknown key. */
const setsArb = fc
  .tuple(
    fc.subarray(['areas', 'tags', 'stakeholderIds']),
    fc.noBias(fc.constantFrom(...Array(12).fill('none'), 'long', 'scalar', 'emails', 'string')),
  )
  .chain(([keys, damage]) => {
    if (damage === 'string') return fc.constant<unknown>('tags');
    return fc
      .tuple(...keys.map((k) => fc.array(from(elementValues[k]!, 1), { maxLength: 4 })))
      .map((lists) => {
        const sets: Record<string, unknown> = Object.fromEntries(keys.map((k, i) => [k, lists[i]]));
        const first = keys[0];
        if (damage === 'long' && first)
          sets[first] = Array.from({ length: 501 }, () => elementValues[first]!.ok[0]);
        if (damage === 'scalar' && first) sets[first] = elementValues[first]!.ok[0];
        if (damage === 'emails') sets.emails = ['a@example.org'];
        return sets as unknown;
      });
  });

/** Fields: the schema's own keys, each from its pool; now and then a key the schema refuses. */
const fieldsArb = fc
  .tuple(
    fc.subarray(wholeFields),
    fc.noBias(
      fc.oneof(
        { weight: 20, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...refusedFieldKeys) },
      ),
    ),
  )
  .chain(([keys, refusedKey]) =>
    fc.tuple(...keys.map((k) => from(fieldValues[k]!))).map((values) => {
      const fields: Record<string, unknown> = {};
      // defineProperty, so that `__proto__` is an own key, as JSON.parse makes it.
      const set = (k: string, v: unknown) =>
        Object.defineProperty(fields, k, { value: v, enumerable: true, writable: true, configurable: true });
      keys.forEach((k, i) => {
        set(k, values[i]);
      });
      if (refusedKey !== null) set(refusedKey, refusedKey === 'areas' ? [indexAreaIds[0]] : 'x');
      return fields;
    }),
  );

const mutationArb = fc.record(
  {
    id: from({ ok: [uuid], bad: ['01955000-0000-7000-8000-00000000000g', 5] }),
    kind: from({ ok: ['practice'], bad: ['highlight', 'note'] }),
    objectId: from({ ok: [uuid], bad: ['nope'] }),
    baseVersion: from({ ok: [0, 3], bad: [-1, 1.5, 2 ** 53, '1'] }),
    hlc: from({
      ok: ['2025-03-01T08:00:00.000Z-0001', '2025-13-01T08:00:00.000Z-0001'],
      bad: ['2025-03-01T08:00:00.000Z-1'],
    }),
    op: from({ ok: ['put'], bad: ['delete', 'patch'] }, 4),
    createdAt: from(dates),
    fields: fieldsArb,
    add: setsArb,
    remove: setsArb,
    clientId: fc.constant('sneaky'),
  },
  { requiredKeys: ['id', 'kind', 'objectId', 'baseVersion', 'hlc', 'op'] },
);

/** The mutation record above without the key a mutation must not have (the body's clientId). */
const wireMutationArb = fc.tuple(mutationArb, fc.boolean()).map(([m, bare]) => {
  const { clientId: _, ...out } = m as Record<string, unknown>;
  // A bare delete (no fields, add or remove) is the usual delete.
  if (bare && out.op === 'delete') {
    delete out.fields;
    delete out.add;
    delete out.remove;
  }
  return out;
});

const bodyArb = fc
  .record(
    {
      clientId: from({ ok: ['client-a', x(100)], bad: ['', x(101), 5] }),
      mutations: fc.noBias(
        fc.oneof(
          { weight: 30, arbitrary: fc.array(wireMutationArb, { minLength: 1, maxLength: 3 }) },
          { weight: 1, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 2 }) },
          { weight: 1, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.constant('none') },
        ),
      ),
      // An unknown top-level key now and then.
      extra: from({ ok: [undefined], bad: [1] }),
    },
    { requiredKeys: ['clientId', 'mutations', 'extra'] },
  )
  .map(({ extra, ...body }) => (extra === undefined ? body : { ...body, extra }));

/** Through JSON, as the body arrives (plain objects, no undefined). */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A push of 50 with exactly 50 and 51 mutations, to hit the count limits. */
const count = (body: { mutations: unknown[] }, n: number) => ({
  ...body,
  mutations: Array.from({ length: n }, () => body.mutations[0]),
});

/** Compares the fast path with the schema on one body; counts what happened. */
function compare(body: unknown, seen: { fast: number; zodOnly: number; refused: number }) {
  const expected = pushRequestSchema.safeParse(body);
  const got = fastPushRequest(body);
  if (!expected.success) seen.refused++;
  if (got === undefined) {
    if (expected.success) seen.zodOnly++;
    // The fast path takes every accepted body of practices without summaries.
    const hasSummaries = JSON.stringify(body).includes('"summaries":[{');
    const others = expected.success && expected.data.mutations.some((m) => m.kind !== 'practice');
    if (expected.success && !hasSummaries && !others) {
      throw new Error(`an accepted body missed the fast path: ${JSON.stringify(body).slice(0, 300)}`);
    }
    return;
  }
  seen.fast++;
  expect(expected.success).toBe(true);
  expect(got).toStrictEqual(expected.data);
  // Same keys in the same order (what JSON.stringify writes into the stored rows).
  expect(JSON.stringify(got)).toBe(JSON.stringify(expected.data));
}

/** Every damaged value of every pool, to put into an otherwise generated mutation one at a time. */
const damages: (readonly [group: 'fields' | 'add', key: string, value: unknown])[] = [
  ...Object.entries(fieldValues).flatMap(([k, p]) => p.bad.map((v) => ['fields', k, v] as const)),
  ...refusedFieldKeys.map((k) => ['fields', k, 'x'] as const),
  ...Object.entries(elementValues).flatMap(([k, p]) => p.bad.map((v) => ['add', k, [v]] as const)),
];

describe('the push fast path', () => {
  // Bodies of 50 practices and 2 MB texts among the cases: more than the default 5 s on a busy machine.
  it('gives pushRequestSchema’s own output, or leaves the body to zod', { timeout: 30_000 }, () => {
    const seen = { fast: 0, zodOnly: 0, refused: 0 };
    fc.assert(
      fc.property(bodyArb, fc.constantFrom(0, 0, 0, 0, 50, 51), (generated, n) => {
        const many =
          n > 0 &&
          Array.isArray(generated.mutations) &&
          generated.mutations.length > 0 &&
          JSON.stringify(generated).length < 100_000;
        compare(wire(many ? count(generated as { mutations: unknown[] }, n) : generated), seen);
      }),
      { numRuns: 1000 },
    );
    // Both sides were exercised: bodies the fast path took, and bodies zod refused.
    expect(seen.fast).toBeGreaterThan(60);
    expect(seen.refused).toBeGreaterThan(60);
  });

  it('leaves every single damaged value to zod', { timeout: 30_000 }, () => {
    const seen = { fast: 0, zodOnly: 0, refused: 0 };
    for (const [group, key, value] of damages) {
      fc.assert(
        fc.property(fc.array(wireMutationArb, { minLength: 1, maxLength: 2 }), (mutations) => {
          const first = mutations[0]!;
          const current = first[group];
          const target = (typeof current === 'object' && current !== null ? current : {}) as Record<
            string,
            unknown
          >;
          Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
          first[group] = target;
          compare(wire({ clientId: 'client-a', mutations }), seen);
        }),
        { numRuns: 10 },
      );
    }
    expect(seen.refused).toBeGreaterThan(damages.length * 5);
  });

  it('leaves a practice with a summary to zod, which accepts it', () => {
    const body = wire({
      clientId: 'client-a',
      mutations: [
        {
          id: uuid,
          kind: 'practice',
          objectId: uuid,
          baseVersion: 1,
          hlc: '2025-03-01T08:00:00.000Z-0001',
          op: 'put',
          fields: { summaries: [summary] },
        },
      ],
    });
    expect(pushRequestSchema.safeParse(body).success).toBe(true);
    expect(fastPushRequest(body)).toBeUndefined();
  });

  it('takes a full creation, trimming the title and tags and leaving absent summaries out as zod does', () => {
    const body = wire({
      clientId: 'client-a',
      mutations: [
        {
          op: 'put',
          kind: 'practice',
          id: uuid,
          objectId: uuid,
          baseVersion: 0,
          hlc: '2025-03-01T08:00:00.000Z-0001',
          createdAt: '2025-03-01T08:00:00.000Z',
          fields: Object.fromEntries(wholeFields.slice(0, 15).map((f) => [f, fieldValues[f]!.ok[0]])),
          add: { tags: [' a  b ', 'c'], areas: [indexAreaIds[0]] },
        },
      ],
    });
    (body as { mutations: { fields: { title: string } }[] }).mutations[0]!.fields.title = '  A desk ';
    const got = fastPushRequest(body);
    expect(got).toBeDefined();
    expect(JSON.stringify(got)).toBe(JSON.stringify(pushRequestSchema.parse(body)));
    expect(got!.mutations[0]!.fields).toMatchObject({ title: 'A desk' });
    // An absent field stays absent on the wire: its default is the object's (else an edit would reset it).
    expect(got!.mutations[0]!.fields).not.toHaveProperty('summaries');
    expect(got!.mutations[0]!.add).toEqual({ areas: [indexAreaIds[0]], tags: ['a b', 'c'] });
  });
});

const clock = { hlc: '2025-03-01T08:00:00.000Z-0000', client: 'c', mutation: 'm', member: 'm1', version: 1 };
const entries = (values: unknown[], removed: boolean) => [
  ...values.map((v) => ({ key: String(v), value: v as string, present: true, clock })),
  // Removed elements are kept in the state but are not part of the object.
  ...(removed ? [{ key: 'gone', value: 'gone', present: false, clock }] : []),
];

/** A practice's merge state, mostly valid; its object is what materialise() makes of it. */
const practiceStateArb = fc
  .tuple(
    fc.record({
      id: from({ ok: [uuid], bad: ['nope'] }),
      createdAt: from(dates),
      updatedAt: from(dates),
      createdBy: from({ ok: ['m1'], bad: [''] }),
      updatedBy: from({ ok: ['m1'], bad: [''] }),
      version: from({ ok: [0, 4], bad: [-1, 0.5, 2 ** 53] }),
    }),
    from({ ok: ['city-a'], bad: [''] }),
    // Most keys; a missing one is a refusal unless it is summaries (which has a default).
    fc.subarray(wholeFields, { minLength: wholeFields.length - 1 }),
    fc.array(from(elementValues.areas!), { maxLength: 3 }),
    fc.array(from(elementValues.tags!), { maxLength: 3 }),
    fc.array(from(elementValues.stakeholderIds!), { maxLength: 2 }),
    fc.boolean(),
    fc.noBias(fc.constantFrom(...Array(12).fill(null), 'areas', 'tags', 'stakeholderIds', 'version', 'id')),
    // Which fields the wire schema already accepted in this request (planPush's `checked`).
    fc.subarray(wholeFields),
  )
  .chain(([envelope, cityId, keys, areas, tags, stakeholderIds, removed, odd, wireKeys]) =>
    fc.tuple(...keys.map((k) => from(fieldValues[k]!))).map((values) => {
      const fields: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        fields[k] = values[i];
      });
      const sets: Record<string, unknown[]> = { areas, tags, stakeholderIds };
      // A set grown past its size, or a field by an envelope's name.
      if (odd === 'areas') sets.areas = Array.from({ length: 19 }, () => indexAreaIds[0]);
      if (odd === 'tags') sets.tags = Array.from({ length: 51 }, (_, i) => `t${i}`);
      if (odd === 'stakeholderIds') sets.stakeholderIds = Array.from({ length: 501 }, () => uuid);
      if (odd === 'version' || odd === 'id') fields[odd] = odd === 'id' ? 'nope' : 3;
      const state: ObjectState = {
        kind: 'practice',
        ...(envelope as Omit<ObjectState, 'kind' | 'deletedAt' | 'fields' | 'clocks' | 'sets'>),
        deletedAt: null,
        fields,
        clocks: {},
        sets: Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, entries(v, removed)])),
      };
      // Only values the field's own schema accepts can be in `checked` (the wire schema parsed them).
      const checked = Object.fromEntries(
        wireKeys
          .filter(
            (k) =>
              k in fields && practiceFields[k as keyof typeof practiceFields].safeParse(fields[k]).success,
          )
          .map((k) => [k, fields[k]]),
      );
      return { state, cityId: cityId as string, checked };
    }),
  );

describe('the merged practice’s fast check', () => {
  it('vouches only for practices practiceSchema accepts, and for the usual valid ones', () => {
    let vouched = 0;
    let refused = 0;
    fc.assert(
      fc.property(practiceStateArb, fc.boolean(), ({ state, cityId, checked }, useChecked) => {
        const object = materialise(state, cityId);
        const expected = practiceSchema.safeParse(object);
        if (!expected.success) refused++;
        if (isValidPracticeState(state, cityId, useChecked ? checked : undefined)) {
          vouched++;
          expect(expected.success).toBe(true);
        } else if (expected.success) {
          // Left to zod only when it holds a summary (whose rules the fast check does not know), or a field
          // by an envelope's name.
          const summaries = object.summaries;
          const odd = 'version' in state.fields || 'id' in state.fields;
          expect((Array.isArray(summaries) && summaries.length > 0) || odd).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    expect(vouched).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
