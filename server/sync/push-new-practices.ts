// The push of new practices (a clip, a bulk upload): a batch of practice creations (puts based on version 0)
// that links no stakeholder is first written on the assumption that none of its objects and none of its
// mutation ids are in the database yet. Then the push's reads are not needed: the plan of such a batch on an
// empty library state is what the full push would plan, the library version is bumped and read in one
// statement (UPDATE … RETURNING), and the plain INSERTs check the assumption themselves. A primary key already
// taken (a retried push, a practice that exists) fails the INSERT; the caller then rolls back and runs the
// full push (server/sync/push.ts), which answers as it always did. So does a batch that this path's plan would
// refuse: only the full push, which reads what exists, may refuse a mutation. Five statements with BEGIN and
// COMMIT instead of eight; measured by `npm run bench -- --only bulk-push`.
import type { Mutation } from '../../shared/sync/mutation.ts';
import { type PushPlan, PushRejected, planPush } from '../../shared/sync/push.ts';
import type { Caller } from '../app-env.ts';
import type { PushOutcome } from './push.ts';
import { bumpLibraryVersionSql } from './push-sql.ts';
import { libsqlTx, type Tx, writePlan } from './push-write.ts';

/** Thrown inside the transaction when the assumption does not hold: roll back, then push the usual way. */
export class NotNewPractices extends Error {
  constructor(reason: string) {
    super(`not a push of new practices: ${reason}`);
  }
}

/** Whether `batch` may take this path: creations of practices (puts based on version 0) linking no stakeholder. */
export function isNewPracticesBatch(batch: readonly Mutation[]): boolean {
  for (const m of batch) {
    if (m.kind !== 'practice' || m.op !== 'put' || m.baseVersion !== 0) return false;
    // A link may point at an erased stakeholder, which the full push drops (stakeholder-links.ts).
    if ((m.add?.stakeholderIds?.length ?? 0) > 0) return false;
  }
  return batch.length > 0;
}

export async function pushNewPractices(
  tx: Tx,
  caller: Caller,
  batch: Mutation[],
  nowMs: number,
): Promise<PushOutcome> {
  const raw = libsqlTx(tx);
  if (!raw) throw new NotNewPractices('no libSQL transaction');
  const cityId = caller.city.id;
  const bumped = await raw.execute({ sql: bumpLibraryVersionSql, args: [cityId] });
  const version = Number(bumped.rows[0]?.[0]);
  if (!Number.isSafeInteger(version)) throw new NotNewPractices('no library version');
  let plan: PushPlan;
  try {
    plan = planPush({
      cityId,
      memberId: caller.member.id,
      libraryVersion: version - 1,
      nowMs,
      mutations: batch,
      objects: new Map(),
      processed: new Map(),
      // The push route's batch, which passed the wire schema (PushInput.wireValidated).
      wireValidated: true,
    });
  } catch (error) {
    // Planned as creations, an edit of a practice that exists would lack its required fields: only the full
    // push, which reads the practice, may refuse a mutation.
    if (error instanceof PushRejected) throw new NotNewPractices(error.message);
    throw error;
  }
  // New objects always change the library; anything else is for the full push to judge.
  // A result with a reason or dropped elements (a batch editing its own creation past a limit) is rare and
  // not a plain creation either: the full push answers it, as it answers every such refusal.
  const plain = plan.results.every((r) => !r.reason && !r.dropped);
  if (plan.version !== version || plan.writes.length === 0 || plan.deleted.length > 0 || !plain) {
    throw new NotNewPractices('the plan is not a set of creations');
  }
  try {
    await writePlan(tx, cityId, caller.member.id, plan, new Set(), nowMs, { versionWritten: true });
  } catch (error) {
    if (isConstraintError(error)) throw new NotNewPractices('an object or a mutation id exists');
    throw error;
  }
  return { response: { version: plan.version, results: plan.results }, erased: [], unlinked: [] };
}

/** A constraint failure (here: a primary key of library_objects or processed_mutations already taken). */
function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const extended = (error as { extendedCode?: unknown })?.extendedCode;
  return [code, extended].some((c) => typeof c === 'string' && c.startsWith('SQLITE_CONSTRAINT'));
}
