// A push meeting the pruned history (server/sync/prune-history.ts): before the plan, the objects it names
// forget their removals at or below the city's prune point (shared/sync/forget-removed.ts; written back with
// whatever the push writes of them), adds that the forgotten removals win against are dropped, and an object
// that does not exist though the mutation's base version says the client had it is a pruned tombstone: it
// stands in as a tombstone, so the put (or delete) is `ignored` rather than bringing a deleted object back.
// (Objects are never removed otherwise: only a tombstone past the horizon leaves the table.)
import { forgetRemoved, withoutStaleAdds } from '../../shared/sync/forget-removed.ts';
import { tombstone } from '../../shared/sync/merge.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import type { ObjectState } from '../../shared/sync/object-state.ts';

/** Updates `objects` in place and answers the mutations to plan; nothing changes while nothing was pruned. */
export function pastHorizon(
  objects: Map<string, ObjectState>,
  mutations: Mutation[],
  prunedThrough: number,
): Mutation[] {
  if (prunedThrough <= 0) return mutations;
  for (const [id, state] of objects) {
    const forgotten = forgetRemoved(state, prunedThrough);
    if (forgotten) objects.set(id, forgotten);
  }
  for (const m of mutations) {
    if (objects.has(m.objectId) || m.baseVersion <= 0 || m.baseVersion > prunedThrough) continue;
    const clock = { hlc: m.hlc, client: m.clientId, mutation: m.id, member: '', version: prunedThrough };
    objects.set(m.objectId, tombstone(null, m, clock));
  }
  return mutations.map((m) => withoutStaleAdds(m, objects.get(m.objectId)));
}
