// A pushed creation's fields are stored from the body's own text when that text is exactly what
// JSON.stringify writes (shared/sync/fields-json.ts): the stored data must then be byte for byte
// JSON.stringify(objectData(state)), whatever the body looked like — white space, \u and \/ escapes, keys in
// another order, duplicate keys, titles that validation trims, summaries left to their default. Random bodies
// go through the route's own steps (parseJsonBytes → fastPushRequest → planPush → the row's arguments).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from '../../server/json-body.ts';
import { rowFromState } from '../../server/sync/object-rows.ts';
import { objectArgs } from '../../server/sync/push-sql.ts';
import { fastPushRequest } from '../../shared/sync/fast-push.ts';
import { fieldsJsonOf } from '../../shared/sync/fields-json.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import { objectData } from '../../shared/sync/object-state.ts';
import { PushRejected, planPush } from '../../shared/sync/push.ts';
import { indexAreaIds } from '../../shared/taxonomy/index.ts';

const encoder = new TextEncoder();
const ids = Array.from({ length: 4 }, (_, i) => `01955000-0000-7000-8000-00000000000${i}`);

const text = fc.constantFrom(
  '',
  'plain',
  'Câmara de Lisboa — “quotes”',
  'line\nbreak\ttab "quoted" back\\slash',
  '# Title\n\nA paragraph with a [link](https://example.org/a/b).\n\n- item\n',
  'emoji 🙂 and \u2028 separator',
  '\u0001 control',
  'a/b/c',
);
const fieldsArb = fc.record(
  {
    url: fc.constantFrom('https://example.org/p', 'https://example.org/a/b?c=d'),
    canonicalUrl: fc.constantFrom(null, 'https://example.org/p'),
    title: fc.constantFrom('A welcome desk', '  spaced  ', 'Line\nbreak', 'Café'),
    excerpt: text,
    siteName: fc.oneof(fc.constant(null), text),
    byline: fc.constant(null),
    publishedTime: fc.constantFrom(null, '2025'),
    lang: fc.constantFrom('en', null),
    dir: fc.constantFrom('ltr', null),
    image: fc.constantFrom(null, 'https://example.org/i.png'),
    contentMarkdown: text,
    extraction: fc.constant('full'),
    note: text,
    visibility: fc.constant('city'),
    clippedAt: fc.constant('2025-03-01T08:00:00.000Z'),
    summaries: fc.constant([]),
  },
  // Every field a practice needs (a creation must make a whole practice); summaries has a default.
  {
    requiredKeys: [
      'url',
      'canonicalUrl',
      'title',
      'excerpt',
      'siteName',
      'byline',
      'publishedTime',
      'image',
      'lang',
      'dir',
      'contentMarkdown',
      'extraction',
      'note',
      'visibility',
      'clippedAt',
    ],
  },
);
const mutationArb = fc.record({
  objectId: fc.constantFrom(...ids),
  fields: fieldsArb,
  areas: fc.subarray(indexAreaIds.slice(0, 4)),
  tags: fc.subarray([' Youth ', 'welcome', 'sport']),
  // How the client wrote it.
  style: fc.constantFrom(
    'canonical',
    'canonical',
    'canonical',
    'spaced',
    'shuffled',
    'unicode-escaped',
    'slash-escaped',
    'duplicate-key',
    'no-fields',
  ),
});

/** The mutation's JSON text in one of several writings, all of which parse to the same value (but the duplicate). */
function write(m: Record<string, unknown>, style: string): string {
  const fields = m.fields as Record<string, unknown>;
  switch (style) {
    case 'spaced':
      return JSON.stringify(m, null, 1);
    case 'shuffled': {
      const keys = Object.keys(fields).reverse();
      return JSON.stringify({ ...m, fields: Object.fromEntries(keys.map((k) => [k, fields[k]])) });
    }
    case 'unicode-escaped':
      return JSON.stringify(m).replace(/é|—|a/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    case 'slash-escaped':
      return JSON.stringify(m).replace('/', '\\/');
    case 'duplicate-key':
      return JSON.stringify(m).replace(
        '"fields":{',
        `"fields":{"note":"earlier"${Object.keys(fields).length > 0 ? ',' : ''}`,
      );
    default:
      return JSON.stringify(m);
  }
}

function planOrRefusal(input: Parameters<typeof planPush>[0]) {
  try {
    return planPush(input);
  } catch (error) {
    if (error instanceof PushRejected) return undefined;
    throw error;
  }
}

describe('a creation’s fields stored from the pushed text', () => {
  it('are byte for byte JSON.stringify of the stored data, or serialised as before', () => {
    let reused = 0;
    let serialised = 0;
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (specs) => {
        const mutations = specs.map((s, i) => {
          const m: Record<string, unknown> = {
            id: `01955000-0000-7000-9000-00000000000${i}`,
            kind: 'practice',
            objectId: s.objectId,
            baseVersion: 0,
            hlc: `2025-03-01T08:00:00.000Z-000${i}`,
            op: 'put',
          };
          if (s.style !== 'no-fields') m.fields = s.fields;
          m.add = { areas: s.areas, tags: s.tags };
          return write(m, s.style);
        });
        const body = `{"clientId":"client-a","mutations":[${mutations.join(',')}]}`;
        const texts = new WeakMap<object, string>();
        const parsed = parseJsonBytes(encoder.encode(body), 0, (value, t) => {
          if (typeof value === 'object' && value !== null) texts.set(value, t);
        });
        const request = fastPushRequest(parsed, texts);
        expect(request).toBeDefined();
        for (const m of request!.mutations) {
          const json = m.fields && fieldsJsonOf(m.fields);
          if (json !== undefined) expect(json).toBe(JSON.stringify(m.fields));
        }
        const plan = planOrRefusal({
          cityId: 'city-a',
          memberId: 'm1',
          libraryVersion: 0,
          nowMs: Date.parse('2025-03-02T08:00:00.000Z'),
          mutations: request!.mutations.map((m) => ({ ...m, clientId: 'client-a' }) as Mutation),
          objects: new Map(),
          processed: new Map(),
          wireValidated: true,
        });
        if (!plan) return; // a creation without fields is refused, as before
        for (const state of plan.writes) {
          const args = objectArgs(rowFromState('city-a', state), state);
          expect(args[10]).toBe(JSON.stringify(objectData(state)));
          if (fieldsJsonOf(state.fields) !== undefined) reused++;
          else serialised++;
        }
      }),
      { numRuns: 400 },
    );
    // Both ways were taken: texts kept, and texts that were not JSON.stringify's.
    // (each ~100–150 in 400 runs; the bounds only say that neither way went unexercised)
    expect(reused).toBeGreaterThan(30);
    expect(serialised).toBeGreaterThan(30);
  });
});
