// Random offline histories for the convergence properties: three clients (two members; the second member
// on two browsers) create, edit, tag, highlight and delete practices offline, and sync through a network
// that drops, duplicates, delays and replays requests and answers. `runHistory` plays one history against a
// transport, settles every client over a perfect network, then checks the sync invariants.
import fc from 'fast-check';
import type { PushResponse } from '../../../../shared/api/sync.ts';
import { checkInvariants } from './invariants.ts';
import { SimClient, type WireMutation } from './sim-client.ts';
import type { Transport } from './transport.ts';

const tags = ['welcome', 'Housing', 'youth', 'sport', 'languages', 'media'];
const client = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });

export const stepArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('create' as const),
      c: client,
      tags: fc.subarray(tags, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('highlight' as const), c: client, pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      c: client,
      pick,
      field: fc.constantFrom('note', 'title'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('tag' as const),
      c: client,
      pick,
      tag: fc.constantFrom(...tags),
      add: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('delete' as const),
      c: client,
      pick,
      kind: fc.constantFrom('practice', 'highlight'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('push' as const),
      c: client,
      fault: fc.constantFrom('ok', 'ok', 'drop-request', 'drop-response', 'duplicate'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('pull' as const),
      c: client,
      fault: fc.constantFrom('ok', 'ok', 'drop', 'delay'),
      limit: fc.constantFrom(1, 2, 5, 500),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('replay' as const), c: client, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deliver' as const), c: client }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 3000 }) }),
  },
);
export type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

export const historyArb = fc.record({
  /** Practices every client has before going offline, so that their edits meet on the same objects. */
  seeded: fc.integer({ min: 1, max: 3 }),
  steps: fc.array(stepArb, { minLength: 10, maxLength: 50 }),
  skews: fc.tuple(
    fc.integer({ min: -5000, max: 5000 }),
    fc.integer({ min: -5000, max: 5000 }),
    fc.integer({ min: -5000, max: 5000 }),
  ),
});
export type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

export interface Acked {
  m: WireMutation;
  r: PushResponse['results'][number];
  clientId: string;
}

export interface Arena {
  transport: Transport;
  /** Every conflict record of the city: object, field and the value that lost. */
  conflicts(): Promise<{ objectId: string; field: string; lostValue: unknown }[]>;
  time: { now: number };
}

/** A practice's own fields with the given title: the seed object of simulated histories. */
export const practiceFields = (title: string) => ({
  url: 'https://example.org/p',
  canonicalUrl: null,
  title,
  excerpt: '',
  siteName: null,
  byline: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  image: null,
  contentMarkdown: '',
  extraction: 'full',
  note: '',
  visibility: 'city',
  clippedAt: '2025-03-01T08:00:00.000Z',
});

export async function runHistory(history: History, arena: Arena) {
  const { transport, time } = arena;
  const acked: Acked[] = [];
  const onAck = (m: WireMutation, r: Acked['r'], clientId: string) => acked.push({ m, r, clientId });
  const clients = [0, 1, 2].map(
    (i) => new SimClient(`client-${i}`, i === 0 ? 0 : 1, () => time.now + history.skews[i]!, onAck),
  );
  let unique = 0;
  const { uuidv7 } = await import('../../../../shared/ids.ts');

  for (let i = 0; i < history.seeded; i++) {
    clients[0]!.record({
      kind: 'practice',
      objectId: uuidv7(time.now),
      op: 'put',
      fields: practiceFields(`seed ${i}`),
      add: { tags: ['welcome'] },
    });
  }
  for (const cl of clients) await cl.settle(transport, 500);

  for (const step of history.steps) {
    time.now += 1;
    if (step.t === 'wait') {
      time.now += step.ms;
      continue;
    }
    const cl = clients[step.c]!;
    const pickFrom = (ids: string[], n: number) => (ids.length ? ids[n % ids.length] : undefined);
    switch (step.t) {
      case 'create':
        cl.record({
          kind: 'practice',
          objectId: uuidv7(time.now),
          op: 'put',
          fields: practiceFields(`title ${++unique}`),
          add: { tags: step.tags },
        });
        break;
      case 'highlight': {
        const practiceId = pickFrom(cl.liveIds('practice'), step.pick);
        if (!practiceId) break;
        const fields = {
          practiceId,
          pageUrl: 'https://example.org/p',
          quote: { type: 'TextQuoteSelector', exact: `quote ${++unique}`, prefix: '', suffix: '' },
          position: null,
          note: '',
        };
        cl.record({ kind: 'highlight', objectId: uuidv7(time.now), op: 'put', fields });
        break;
      }
      case 'edit': {
        const id = pickFrom(cl.liveIds('practice'), step.pick);
        if (id)
          cl.record({
            kind: 'practice',
            objectId: id,
            op: 'put',
            fields: { [step.field]: `${step.field} ${step.c}.${++unique}` },
          });
        break;
      }
      case 'tag': {
        const id = pickFrom(cl.liveIds('practice'), step.pick);
        if (id)
          cl.record({
            kind: 'practice',
            objectId: id,
            op: 'put',
            [step.add ? 'add' : 'remove']: { tags: [step.tag] },
          });
        break;
      }
      case 'delete': {
        const id = pickFrom(cl.liveIds(step.kind), step.pick);
        if (id) cl.record({ kind: step.kind, objectId: id, op: 'delete' });
        break;
      }
      case 'push':
        await cl.push(transport, step.fault);
        break;
      case 'pull':
        await cl.pull(transport, step.limit, step.fault);
        break;
      case 'replay':
        await cl.replay(transport, step.pick);
        break;
      case 'deliver':
        cl.deliverDelayed();
        break;
    }
  }

  // Finally every client syncs over a good network (twice round, so each sees the others' last pushes).
  for (const cl of clients) await cl.settle(transport, 500);
  for (const cl of clients) cl.deliverDelayed();
  for (const cl of clients) await cl.settle(transport, 500);
  await checkInvariants(clients, acked, arena);
}
