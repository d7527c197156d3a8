// POST /api/sync/push, the I/O around the pure plan (shared/sync/push.ts). One write transaction
// (BEGIN IMMEDIATE): concurrent pushes to one database queue up, and a refused mutation rolls back all.
import { and, eq, inArray } from 'drizzle-orm';
import type { PushRequest, PushResponse } from '../../shared/api/sync.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import { copyInto } from '../../shared/sync/object-state.ts';
import {
  type ProcessedMutation,
  type PushInput,
  type PushPlan,
  PushRejected,
  planPush,
} from '../../shared/sync/push.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { cities, libraryObjects, processedMutations } from '../db/schema/index.ts';
import { setAsideDeleted } from '../stakeholders/set-aside.ts';
import { validationError } from '../validate.ts';
import { stateFromRow } from './object-rows.ts';
import { pastHorizon } from './past-horizon.ts';
import { isNewPracticesBatch, NotNewPractices, pushNewPractices } from './push-new-practices.ts';
import { type PushInputs, readPushInputs } from './push-sql.ts';
import { libsqlTx, type Tx, writePlan } from './push-write.ts';
import { reclaimErasedSpace } from './reclaim-space.ts';
import {
  erasedAmong,
  linkedStakeholderIds,
  practicesLinking,
  unlinkMutations,
  withoutLinksTo,
} from './stakeholder-links.ts';

export async function push(db: Db, caller: Caller, body: PushRequest, nowMs: number): Promise<PushResponse> {
  const mutations = body.mutations.map((m) => withClient(m, body.clientId));
  try {
    // New practices only (a clip, a bulk upload): written without the push's reads when nothing of the batch
    // is in the database yet; otherwise rolled back and pushed the usual way (push-new-practices.ts).
    if (isNewPracticesBatch(mutations)) {
      try {
        return (await db.transaction((tx) => pushNewPractices(tx, caller, mutations, nowMs))).response;
      } catch (error) {
        if (!(error instanceof NotNewPractices)) throw error;
      }
    }
    const outcome = await db.transaction((tx) =>
      pushInTx(tx, caller, mutations, nowMs, { wireValidated: true }),
    );
    if (outcome.erased.length > 0) await reclaimErasedSpace(db);
    return outcome.response;
  } catch (error) {
    if (error instanceof PushRejected) throw validationError([{ path: error.path, message: error.message }]);
    throw error;
  }
}

/** What a push did beyond its answer: the stakeholders it erased and the practices it unlinked them from. */
export interface PushOutcome {
  response: PushResponse;
  erased: string[];
  unlinked: string[];
}

/** The mutation with the pushing client's id: a key-loop copy (V8 clones `{ ...m, clientId }` slowly). */
function withClient(m: PushRequest['mutations'][number], clientId: string): Mutation {
  const out = copyInto({} as Record<string, unknown>, m);
  out.clientId = clientId;
  return out as unknown as Mutation;
}

/**
 * The push inside a caller's write transaction (also used to restore a conflict and to erase a contact).
 * `wireValidated`: the batch passed pushRequestSchema in this request (see PushInput.wireValidated).
 */
export async function pushInTx(
  tx: Tx,
  caller: Caller,
  batch: Mutation[],
  nowMs: number,
  { wireValidated = false }: { wireValidated?: boolean } = {},
): Promise<PushOutcome> {
  const cityId = caller.city.id;
  // 1–3. Under the write lock: the library version, which of these mutation ids were processed before, and
  //      the objects involved (this city only); links to erased stakeholders are dropped (stakeholder-links.ts).
  const { libraryVersion, prunedThrough = 0, processed: done, rows } = await readInputs(tx, cityId, batch);
  const processed = new Map<string, ProcessedMutation>(done.map((p) => [p.id, p]));
  const objects = new Map(rows.map((r) => [r.id, stateFromRow(r)]));
  // Every object this push can write was looked up above (or below, for an erasure's practices): the ones not
  // found are new, so they are plain inserts (no conflict clause to evaluate).
  const inDb = new Set(objects.keys());
  const linked = withoutLinksTo(batch, await erasedAmong(tx, cityId, linkedStakeholderIds(batch)));
  // Past the history horizon: forgotten removals, pruned tombstones (past-horizon.ts).
  const mutations = pastHorizon(objects, linked, prunedThrough);
  // 4. The plan (pure): throws PushRejected for a mutation that cannot be applied.
  const memberId = caller.member.id;
  const vanished = new Set<string>();
  const input = {
    cityId,
    memberId,
    libraryVersion,
    nowMs,
    mutations,
    objects,
    processed,
    wireValidated,
    vanished,
  };
  let plan = await planKnowingVanished(tx, input, vanished);
  // 5. Stakeholders this push erases are unlinked from every practice in the same version: plan again with
  //    the server's removals after the client's mutations (whose results stay the same).
  const kindOf = new Map(plan.writes.map((w) => [w.id, w.kind]));
  const erased = new Set(plan.deleted.filter((id) => kindOf.get(id) === 'stakeholder'));
  let unlinked: string[] = [];
  if (erased.size > 0) {
    const stored = (await practicesLinking(tx, cityId, [...erased])).map(stateFromRow);
    for (const p of stored) inDb.add(p.id);
    const practices = new Map(stored.map((p) => [p.id, p]));
    for (const w of plan.writes) if (w.kind === 'practice') practices.set(w.id, w);
    const removals = unlinkMutations(practices.values(), erased, mutations, libraryVersion, nowMs);
    if (removals.length > 0) {
      const all = new Map(objects);
      for (const p of stored) if (!all.has(p.id)) all.set(p.id, p);
      plan = planPush({ ...input, mutations: [...mutations, ...removals], objects: all });
      plan.results = plan.results.slice(0, mutations.length);
      unlinked = removals.map((r) => r.objectId);
    }
  }
  // A contributor's delete of a contact is kept for a coordinator to restore or erase (set-aside.ts).
  await setAsideDeleted(tx, caller, erased, objects, nowMs);
  // 6. Write it.
  await writePlan(tx, cityId, caller.member.id, plan, inDb, nowMs);
  return { response: { version: plan.version, results: plan.results }, erased: [...erased], unlinked };
}

/**
 * planPush, told which objects a refused creation names that an earlier mutation named too: such an object
 * does not exist because that mutation was ignored (a highlight created on a deleted practice), so the put is
 * an edit of nothing, answered `ignored` rather than refused for good (PushInput.vanished). Looked up only
 * when the plan refuses a creation (rare), one object at a time; `vanished` collects them for a re-plan.
 */
async function planKnowingVanished(tx: Tx, input: PushInput, vanished: Set<string>): Promise<PushPlan> {
  for (;;) {
    try {
      return planPush(input);
    } catch (error) {
      const id = error instanceof PushRejected ? error.creationOf : undefined;
      if (id === undefined || vanished.has(id) || !(await namedBefore(tx, input.cityId, id))) throw error;
      vanished.add(id);
    }
  }
}

/** Whether a mutation of this city naming `objectId` was processed before (and answered `ignored`). */
async function namedBefore(tx: Tx, cityId: string, objectId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: processedMutations.id })
    .from(processedMutations)
    .where(
      and(
        eq(processedMutations.cityId, cityId),
        eq(processedMutations.objectId, objectId),
        eq(processedMutations.status, 'ignored'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The library version, earlier results of the batch's mutation ids, and the rows of the objects it names, of
 *  the practices its highlights point at and of the highlights of practices it deletes. */
async function readInputs(tx: Tx, cityId: string, mutations: Mutation[]): Promise<PushInputs> {
  const mutationIds = [...new Set(mutations.map((m) => m.id))];
  const ids = new Set(mutations.map((m) => m.objectId));
  for (const m of mutations) {
    const practiceId = m.kind === 'highlight' ? m.fields?.practiceId : undefined;
    if (typeof practiceId === 'string') ids.add(practiceId);
  }
  const raw = libsqlTx(tx);
  const inputs = raw
    ? await readPushInputs(raw, cityId, mutationIds, [...ids])
    : await readInputsWithDrizzle(tx, cityId, mutationIds, [...ids]);
  const deletedPractices = mutations
    .filter((m) => m.kind === 'practice' && m.op === 'delete')
    .map((m) => m.objectId);
  if (deletedPractices.length > 0) {
    inputs.rows.push(
      ...(await tx
        .select()
        .from(libraryObjects)
        .where(and(eq(libraryObjects.cityId, cityId), inArray(libraryObjects.parentId, deletedPractices)))),
    );
  }
  return inputs;
}

async function readInputsWithDrizzle(
  tx: Tx,
  cityId: string,
  mutationIds: string[],
  objectIds: string[],
): Promise<PushInputs> {
  const [city] = await tx
    .select({ v: cities.libraryVersion, pruned: cities.prunedThroughVersion })
    .from(cities)
    .where(eq(cities.id, cityId));
  const { id, objectId, status, objectVersion, conflicts } = processedMutations;
  const processed = await tx
    .select({ id, objectId, status, objectVersion, conflicts })
    .from(processedMutations)
    .where(and(eq(processedMutations.cityId, cityId), inArray(processedMutations.id, mutationIds)));
  const rows = await tx
    .select()
    .from(libraryObjects)
    .where(and(eq(libraryObjects.cityId, cityId), inArray(libraryObjects.id, objectIds)));
  return { libraryVersion: city!.v, prunedThrough: city!.pruned, processed, rows };
}
