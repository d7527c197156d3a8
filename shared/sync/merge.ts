// Merges one mutation into one object's state. Pure: no I/O, no clock; the caller gives the version the
// commit will get. The rules (shared/sync/README.md, "Merge rules"):
//   - a field the client had seen (its last write is at or below the client's base version) or that the same
//     client wrote last is simply overwritten: that is an edit, not a race;
//   - otherwise the two writes raced: the newer stamp (isNewer) wins and the other value becomes a conflict;
//   - set elements follow the same rules one element at a time (a last-writer-wins element set), without
//     conflict records;
//   - a delete leaves a tombstone without data, and nothing brings a tombstone back.
import { fieldsJsonOf, rememberFieldsJson } from './fields-json.ts';
import { hlcTime } from './hlc.ts';
import { elementKey, isSetField } from './kinds.ts';
import { type ConflictDraft, isNewer, type Mutation, type Outcome } from './mutation.ts';
import { cloneState, type FieldClock, type ObjectState } from './object-state.ts';
import { sameValue } from './same-value.ts';

export interface MergeResult {
  state: ObjectState | null;
  outcome: Outcome;
  /** True when only clocks changed: the row must be saved, but nobody needs to pull it. */
  clocksOnly: boolean;
  conflicts: ConflictDraft[];
}

type Decision = 'take' | 'keep' | 'take-raced' | 'keep-raced';

function decide(existing: FieldClock | undefined, incoming: FieldClock, baseVersion: number): Decision {
  if (!existing) return 'take';
  if (existing.client === incoming.client) return isNewer(incoming, existing) ? 'take' : 'keep';
  if (existing.version <= baseVersion) return 'take';
  return isNewer(incoming, existing) ? 'take-raced' : 'keep-raced';
}

export function applyMutation(current: ObjectState | null, m: Mutation, memberId: string, version: number) {
  const clock: FieldClock = { hlc: m.hlc, client: m.clientId, mutation: m.id, member: memberId, version };
  if (m.rawHlc !== undefined) clock.raw = m.rawHlc;
  if (current?.deletedAt) return result(current, 'ignored');
  if (m.op === 'delete') return result(tombstone(current, m, clock), 'applied');
  if (!current) return result(create(m, clock), 'applied');

  const next = cloneState(current);
  const conflicts: ConflictDraft[] = [];
  let visible = false;
  let clocks = false;
  for (const [field, value] of Object.entries(m.fields ?? {})) {
    const existing = next.clocks[field];
    const decision = decide(existing, clock, m.baseVersion);
    const old = next.fields[field];
    const same = sameValue(old, value);
    if (decision === 'take' || decision === 'take-raced') {
      // The writer's own stamp, even when it is older than the value it overwrote with that value in view:
      // the same client's next edit must compare against its own clock (found by the convergence property).
      next.clocks[field] = clock;
      next.fields[field] = value;
      if (!same) visible = true;
      clocks = true;
      if (decision === 'take-raced' && !same && existing) {
        conflicts.push({
          kind: m.kind,
          objectId: m.objectId,
          field,
          lost: { value: old, clock: existing },
          won: { value, clock },
        });
      }
    } else if (decision === 'keep-raced' && !same && existing) {
      conflicts.push({
        kind: m.kind,
        objectId: m.objectId,
        field,
        lost: { value, clock },
        won: { value: old, clock: existing },
      });
    }
  }
  for (const [op, present] of [
    ['add', true],
    ['remove', false],
  ] as const) {
    for (const [field, values] of Object.entries(m[op] ?? {})) {
      if (!isSetField(m.kind, field)) continue;
      next.sets[field] ??= [];
      const entries = next.sets[field];
      for (const value of values ?? []) {
        const key = elementKey(field, value);
        const entry = entries.find((e) => e.key === key);
        if (!entry) {
          // A removal of an element never seen here is kept too (present: false), so a concurrent older add
          // loses whichever arrives first: last-writer-wins per element, independent of arrival order.
          entries.push({ key, value, present, clock });
          if (present) visible = true;
          else clocks = true;
          continue;
        }
        const decision = decide(entry.clock, clock, m.baseVersion);
        if (decision === 'take' || decision === 'take-raced') {
          if (entry.present !== present) visible = true;
          if (present && !entry.present) entry.value = value;
          entry.present = present;
          entry.clock = clock;
          clocks = true;
        }
      }
    }
  }
  if (visible) {
    next.version = version;
    next.updatedAt = maxIso(next.updatedAt, hlcTime(m.hlc));
    next.updatedBy = memberId;
  }
  return {
    state: next,
    outcome: visible ? 'applied' : 'unchanged',
    clocksOnly: !visible && clocks,
    conflicts,
  } satisfies MergeResult;
}

function result(state: ObjectState, outcome: Outcome): MergeResult {
  return { state, outcome, clocksOnly: false, conflicts: [] };
}

function create(m: Mutation, clock: FieldClock): ObjectState {
  const at = hlcTime(m.hlc);
  const state: ObjectState = {
    kind: m.kind,
    id: m.objectId,
    version: clock.version,
    createdAt: m.createdAt ?? at,
    createdBy: clock.member,
    updatedAt: at,
    updatedBy: clock.member,
    deletedAt: null,
    fields: { ...m.fields },
    clocks: {},
    sets: {},
  };
  // The same keys and values in the same order: the same JSON, if the push's text was kept (fields-json.ts).
  const json = m.fields && fieldsJsonOf(m.fields);
  if (json !== undefined) rememberFieldsJson(state.fields, json);
  for (const field of Object.keys(state.fields)) state.clocks[field] = clock;
  for (const [field, values] of Object.entries(m.add ?? {})) {
    if (!isSetField(m.kind, field)) continue;
    const entries: ObjectState['sets'][string] = [];
    state.sets[field] = entries;
    for (const value of values ?? []) {
      const key = elementKey(field, value);
      if (!entries.some((e) => e.key === key)) entries.push({ key, value, present: true, clock });
    }
  }
  return state;
}

/** Erasure: the tombstone keeps identity and times only (GDPR Art. 17 reaches every copy through sync). */
export function tombstone(
  current: ObjectState | null,
  m: Pick<Mutation, 'kind' | 'objectId' | 'hlc'>,
  clock: FieldClock,
): ObjectState {
  const at = hlcTime(m.hlc);
  return {
    kind: current?.kind ?? m.kind,
    id: m.objectId,
    version: clock.version,
    createdAt: current?.createdAt ?? at,
    createdBy: current?.createdBy ?? clock.member,
    updatedAt: maxIso(current?.updatedAt ?? at, at),
    updatedBy: clock.member,
    deletedAt: at,
    fields: {},
    clocks: {},
    sets: {},
  };
}

const maxIso = (a: string, b: string) => (a > b ? a : b);
