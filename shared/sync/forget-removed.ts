// Removed set elements past the history horizon. A removal is kept as an element with `present: false`
// (merge.ts) so that an older concurrent add cannot bring the element back; kept forever, a practice whose
// tags were added and removed 2,000 times carried a 455 KB `meta` and each of its edits ran 5× slower.
// Once the city's history is pruned through a version (server/sync/prune-history.ts), removals at or below it
// are forgotten: dropped from the set and folded into ONE clock per field, kept as the set field's entry in
// `clocks` (a set field has no whole-value clock otherwise: merge.ts stamps `clocks` for `fields` only). An add
// of an element the set no longer knows is then judged against that clock as if it were the element's own
// removal (the merge's rules: same client → its later stamp; the client had seen it → taken; a race → the
// later stamp). So an add made before the forgotten removals without having seen them is dropped, even when
// the forgotten removal was of another element of the field: the conservative side, for adds older than the
// horizon made by a client that had not synced since (shared/sync/README.md, "History horizon").
import { elementKey, isSetField, kindSpecs } from './kinds.ts';
import { isNewer, type Mutation } from './mutation.ts';
import { cloneState, type FieldClock, type ObjectState } from './object-state.ts';

/** The state without its removals committed at or below `through`, or undefined when it has none. */
export function forgetRemoved(state: ObjectState, through: number): ObjectState | undefined {
  if (through <= 0 || state.deletedAt) return undefined;
  let next: ObjectState | undefined;
  for (const field of kindSpecs[state.kind].setFields) {
    const entries = state.sets[field];
    if (!entries?.some((e) => !e.present && e.clock.version <= through)) continue;
    next ??= cloneState(state);
    let forgotten = next.clocks[field];
    const kept = [];
    for (const e of next.sets[field]!) {
      if (e.present || e.clock.version > through) kept.push(e);
      else forgotten = folded(forgotten, e.clock);
    }
    next.sets[field] = kept;
    if (forgotten) next.clocks[field] = forgotten;
  }
  return next;
}

/** The newest of two clocks by the merge's order, carrying the higher version of the two. */
function folded(a: FieldClock | undefined, b: FieldClock): FieldClock {
  if (!a) return b;
  const newest = isNewer(b, a) ? b : a;
  const version = Math.max(a.version, b.version);
  return newest.version === version ? newest : { ...newest, version };
}

/**
 * `m` without the adds that the forgotten removals of `state`'s sets win against (see above), or `m` itself
 * when none. Only elements the set does not hold are judged: a known element follows the merge as before.
 */
export function withoutStaleAdds(m: Mutation, state: ObjectState | undefined): Mutation {
  if (!state || !m.add || m.op !== 'put') return m;
  let add: Record<string, string[]> | undefined;
  for (const [field, values] of Object.entries(m.add)) {
    const forgotten = isSetField(m.kind, field) ? state.clocks[field] : undefined;
    if (!forgotten || !values?.length) continue;
    const known = new Set((state.sets[field] ?? []).map((e) => e.key));
    const incoming: FieldClock = { hlc: m.hlc, client: m.clientId, mutation: m.id, member: '', version: 0 };
    const wins = (value: string) => known.has(elementKey(field, value)) || addWins(forgotten, incoming, m);
    const keptValues = values.filter(wins);
    if (keptValues.length === values.length) continue;
    add ??= { ...(m.add as Record<string, string[]>) };
    add[field] = keptValues;
  }
  return add ? { ...m, add } : m;
}

/** merge.ts's decision for an add against the removal it may race with: true when the add is taken. */
function addWins(removal: FieldClock, add: FieldClock, m: Mutation): boolean {
  if (removal.client === add.client) return isNewer(add, removal);
  if (removal.version <= m.baseVersion) return true;
  return isNewer(add, removal);
}
