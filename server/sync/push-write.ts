// Writing a push's plan (shared/sync/push.ts) inside its transaction, for the full push (push.ts) and the
// push of new practices (push-new-practices.ts): multi-row statements, the two big ones as static SQL
// straight to the libSQL transaction under drizzle's (push-sql.ts).
import type { Transaction } from '@libsql/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import type { ObjectState } from '../../shared/sync/object-state.ts';
import type { PushPlan } from '../../shared/sync/push.ts';
import { wellFormedDeep } from '../../shared/well-formed.ts';
import type { Db } from '../db/client.ts';
import { cities, conflicts, libraryObjects, processedMutations } from '../db/schema/index.ts';
import { rowFromState } from './object-rows.ts';
import {
  insertObjectsSql,
  insertProcessedSql,
  objectArgs,
  processedArgs,
  setLibraryVersionSql,
  upsertObjectsSql,
} from './push-sql.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Writes a push's plan in its transaction: the objects (plain INSERTs for those `inDb` does not hold, one
 * upsert for the rest), conflict records, the processed-mutation records and, unless `versionWritten`, the
 * library version.
 */
export async function writePlan(
  tx: Tx,
  cityId: string,
  memberId: string,
  plan: PushPlan,
  inDb: ReadonlySet<string>,
  nowMs: number,
  { versionWritten = false }: { versionWritten?: boolean } = {},
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
        // Values of fields the push's schema checked; repaired anyway, as the objects' JSON is (push-sql.ts).
        lostValue: wellFormedDeep(c.lost.value),
        lostBy: c.lost.clock.member,
        lostAt: c.lost.clock.hlc.slice(0, 24),
        wonValue: wellFormedDeep(c.won.value),
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
  if (versionWritten) return;
  if (raw) await raw.execute({ sql: setLibraryVersionSql, args: [plan.version, cityId] });
  else await tx.update(cities).set({ libraryVersion: plan.version }).where(eq(cities.id, cityId));
}

/** The libSQL transaction under drizzle's (drizzle-orm/libsql keeps it as `session.tx`); undefined otherwise. */
export function libsqlTx(tx: Tx): Transaction | undefined {
  const inner = (tx as unknown as { session?: { tx?: Partial<Transaction> } }).session?.tx;
  return typeof inner?.execute === 'function' ? (inner as Transaction) : undefined;
}
