// POST /api/sync/push, the I/O around the pure plan (shared/sync/push.ts). One write transaction
// (BEGIN IMMEDIATE): concurrent pushes to one database queue up, and a refused mutation rolls back all.
import type { Transaction } from '@libsql/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PushRequest, PushResponse } from '../../shared/api/sync.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import { copyInto, type ObjectState } from '../../shared/sync/object-state.ts';
import { type ProcessedMutation, PushRejected, planPush } from '../../shared/sync/push.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { cities, conflicts, libraryObjects, processedMutations } from '../db/schema/index.ts';
import { validationError } from '../validate.ts';
import { rowFromState, stateFromRow } from './object-rows.ts';
import {
  insertObjectsSql,
  insertProcessedSql,
  objectArgs,
  type PushInputs,
  processedArgs,
  readPushInputs,
  setLibraryVersionSql,
  upsertObjectsSql,
} from './push-sql.ts';
import { reclaimErasedSpace } from './reclaim-space.ts';
import {
  erasedAmong,
  linkedStakeholderIds,
  practicesLinking,
  unlinkMutations,
  withoutLinksTo,
} from './stakeholder-links.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function push(db: Db, caller: Caller, body: PushRequest, nowMs: number): Promise<PushResponse> {
  const mutations = body.mutations.map((m) => withClient(m, body.clientId));
  try {
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
  const { libraryVersion, processed: done, rows } = await readInputs(tx, cityId, batch);
  const processed = new Map<string, ProcessedMutation>(done.map((p) => [p.id, p]));
  const objects = new Map(rows.map((r) => [r.id, stateFromRow(r)]));
  // Every object this push can write was looked up above (or below, for an erasure's practices): the ones not
  // found are new, so they are plain inserts (no conflict clause to evaluate).
  const inDb = new Set(objects.keys());
  const mutations = withoutLinksTo(batch, await erasedAmong(tx, cityId, linkedStakeholderIds(batch)));
  // 4. The plan (pure): throws PushRejected for a mutation that cannot be applied.
  const memberId = caller.member.id;
  const input = { cityId, memberId, libraryVersion, nowMs, mutations, objects, processed, wireValidated };
  let plan = planPush(input);
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
  // 6. Write it.
  await write(tx, cityId, caller.member.id, plan, inDb, nowMs);
  return { response: { version: plan.version, results: plan.results }, erased: [...erased], unlinked };
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
  const [city] = await tx.select({ v: cities.libraryVersion }).from(cities).where(eq(cities.id, cityId));
  const { id, objectId, status, objectVersion, conflicts } = processedMutations;
  const processed = await tx
    .select({ id, objectId, status, objectVersion, conflicts })
    .from(processedMutations)
    .where(and(eq(processedMutations.cityId, cityId), inArray(processedMutations.id, mutationIds)));
  const rows = await tx
    .select()
    .from(libraryObjects)
    .where(and(eq(libraryObjects.cityId, cityId), inArray(libraryObjects.id, objectIds)));
  return { libraryVersion: city!.v, processed, rows };
}

async function write(
  tx: Tx,
  cityId: string,
  memberId: string,
  plan: ReturnType<typeof planPush>,
  inDb: ReadonlySet<string>,
  nowMs: number,
) {
  const now = new Date(nowMs).toISOString();
  // Multi-row statements: one per table, not one per row (STACK.md: ~2× the rows per second). The two big
  // ones go as static SQL straight to the libSQL transaction: drizzle's builder cost as much CPU as SQLite.
  const raw = libsqlTx(tx);
  if (raw && plan.writes.length > 0) {
    const fresh = plan.writes.filter((s) => !inDb.has(s.id));
    const stored = fresh.length === plan.writes.length ? [] : plan.writes.filter((s) => inDb.has(s.id));
    const args = (states: ObjectState[]) => states.flatMap((s) => objectArgs(rowFromState(cityId, s), s));
    if (fresh.length > 0) await raw.execute({ sql: insertObjectsSql(fresh.length), args: args(fresh) });
    if (stored.length > 0) await raw.execute({ sql: upsertObjectsSql(stored.length), args: args(stored) });
  } else if (plan.writes.length > 0) {
    await tx
      .insert(libraryObjects)
      .values(plan.writes.map((s) => rowFromState(cityId, s)))
      .onConflictDoUpdate({
        target: [libraryObjects.cityId, libraryObjects.id],
        set: {
          version: sql`excluded.version`,
          parentId: sql`excluded.parent_id`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
          deletedAt: sql`excluded.deleted_at`,
          data: sql`excluded.data`,
          meta: sql`excluded.meta`,
        },
      });
  }
  if (plan.deleted.length > 0) {
    await tx
      .delete(conflicts)
      .where(and(eq(conflicts.cityId, cityId), inArray(conflicts.objectId, plan.deleted)));
  }
  if (plan.conflicts.length > 0) {
    await tx.insert(conflicts).values(
      plan.conflicts.map((c) => ({
        id: uuidv7(nowMs),
        cityId,
        kind: c.kind,
        objectId: c.objectId,
        field: c.field,
        lostValue: c.lost.value,
        lostBy: c.lost.clock.member,
        lostAt: c.lost.clock.hlc.slice(0, 24),
        wonValue: c.won.value,
        wonBy: c.won.clock.member,
        wonAt: c.won.clock.hlc.slice(0, 24),
        version: plan.version,
        createdAt: now,
        status: 'open' as const,
      })),
    );
  }
  if (raw && plan.processed.length > 0) {
    await raw.execute({
      sql: insertProcessedSql,
      args: processedArgs(cityId, memberId, now, plan.processed),
    });
  } else if (plan.processed.length > 0) {
    await tx
      .insert(processedMutations)
      .values(plan.processed.map((p) => ({ ...p, cityId, memberId, createdAt: now })));
  }
  if (raw) await raw.execute({ sql: setLibraryVersionSql, args: [plan.version, cityId] });
  else await tx.update(cities).set({ libraryVersion: plan.version }).where(eq(cities.id, cityId));
}

/** The libSQL transaction under drizzle's (drizzle-orm/libsql keeps it as `session.tx`); undefined otherwise. */
export function libsqlTx(tx: Tx): Transaction | undefined {
  const inner = (tx as unknown as { session?: { tx?: Partial<Transaction> } }).session?.tx;
  return typeof inner?.execute === 'function' ? (inner as Transaction) : undefined;
}
