// One client's edits end in its last edit, whatever its clock's offset (issue 15, item 3). The server caps a
// stamp more than 60 s ahead of its own clock (clampHlc); capping kept the counter, so two edits of one field
// stamped close together by a fast clock could share one capped instant and sort by counter, the earlier
// edit winning. Property over the pure plan (shared/sync/push.ts), pushes cut anywhere in the sequence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tickHlc } from '../../shared/sync/hlc.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import { type ObjectState, objectData } from '../../shared/sync/object-state.ts';
import { planPush } from '../../shared/sync/push.ts';
import { practiceFields } from './support/sim/history.ts';

const objectId = '01955000-0000-7000-8000-000000000001';
const start = Date.parse('2025-03-01T09:00:00.000Z');
const day = 24 * 3600_000;

const stepArb = fc.record({
  /** Real time since the previous edit (0: the same millisecond, so the clock's counter runs). */
  gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 120_000 })),
  change: fc.oneof(
    fc.record({ note: fc.string({ maxLength: 3 }) }),
    fc.record({ tag: fc.constantFrom('youth', 'sport'), present: fc.boolean() }),
  ),
  /** Whether the outbox is pushed after this edit (the rest goes in later pushes). */
  pushAfter: fc.boolean(),
  /** Real time the push waited for (server time moves on with it). */
  waitMs: fc.integer({ min: 0, max: 5000 }),
});

const historyArb = fc.record({
  offsetMs: fc.oneof(fc.integer({ min: -day, max: 7 * day }), fc.integer({ min: 59_000, max: 61_000 })),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 25 }),
});

describe('a fast or slow browser clock', () => {
  it("never reorders one client's edits: the object ends with its last edit of every field", () => {
    fc.assert(
      fc.property(historyArb, ({ offsetMs, steps }) => {
        let now = start;
        let last: string | null = null;
        let libraryVersion = 1;
        let object: ObjectState = {
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
          sets: {},
        };
        let outbox: Mutation[] = [];
        const expected: { note?: string; tags: Map<string, boolean> } = { tags: new Map() };
        const pushOutbox = () => {
          if (outbox.length === 0) return;
          const plan = planPush({
            cityId: 'city',
            memberId: 'm1',
            libraryVersion,
            nowMs: now,
            mutations: outbox,
            objects: new Map([[objectId, object]]),
            processed: new Map(),
          });
          for (const w of plan.writes) if (w.id === objectId) object = w;
          libraryVersion = plan.version;
          outbox = [];
        };
        steps.forEach((step, i) => {
          now += step.gapMs;
          last = tickHlc(last, now + offsetMs);
          const m: Mutation = {
            id: `m-${String(i).padStart(3, '0')}-${i % 7}`,
            clientId: 'browser-1',
            kind: 'practice',
            objectId,
            baseVersion: object.version,
            hlc: last,
            op: 'put',
          };
          if ('note' in step.change) {
            m.fields = { note: step.change.note };
            expected.note = step.change.note;
          } else {
            m[step.change.present ? 'add' : 'remove'] = { tags: [step.change.tag] };
            expected.tags.set(step.change.tag, step.change.present);
          }
          outbox.push(m);
          if (step.pushAfter) {
            pushOutbox();
            now += step.waitMs;
          }
        });
        pushOutbox();
        const data = objectData(object) as { note: string; tags: string[] };
        expect(data.note).toBe(expected.note ?? practiceFields('seed').note);
        for (const [tag, present] of expected.tags) expect(data.tags.includes(tag)).toBe(present);
      }),
      { numRuns: 400 },
    );
  });
});
