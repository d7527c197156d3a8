// Conflict records of the caller's city: list them, restore a lost value (a new write that wins because it
// is made with the current value in view), or dismiss one. Another city's conflict answers 404.
import { and, desc, eq } from 'drizzle-orm';
import type { Conflict } from '../../shared/api/conflicts.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import { isSetField, type Kind } from '../../shared/sync/kinds.ts';
import { PushRejected } from '../../shared/sync/push.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { cities, conflicts } from '../db/schema/index.ts';
import { ApiError, notFound } from '../errors.ts';
import { hidesConflictValues } from '../stakeholders/contact-visibility.ts';
import { validationError } from '../validate.ts';
import { pushInTx } from './push.ts';

type Row = typeof conflicts.$inferSelect;
type Query = { status: 'open' | 'restored' | 'dismissed' | 'all'; objectId?: string; limit: number };

export async function listConflicts(db: Db, caller: Caller, q: Query): Promise<Conflict[]> {
  const where = [eq(conflicts.cityId, caller.city.id)];
  if (q.status !== 'all') where.push(eq(conflicts.status, q.status));
  if (q.objectId) where.push(eq(conflicts.objectId, q.objectId));
  const rows = await db
    .select()
    .from(conflicts)
    .where(and(...where))
    .orderBy(desc(conflicts.createdAt), desc(conflicts.id))
    .limit(q.limit);
  return rows.map((row) => {
    const record = conflictRecord(row);
    if (!hidesConflictValues(caller, row.kind, row.field)) return record;
    return { ...record, lostValue: null, wonValue: null, redacted: true };
  });
}

type Action = 'restore' | 'dismiss';

export async function resolveConflict(db: Db, caller: Caller, id: string, action: Action, nowMs: number) {
  try {
    return await resolveInTx(db, caller, id, action, nowMs);
  } catch (error) {
    // The lost value was valid when it was pushed; a schema that has tightened since may refuse it.
    if (error instanceof PushRejected)
      throw validationError([{ path: ['lostValue'], message: error.message }]);
    throw error;
  }
}

function resolveInTx(db: Db, caller: Caller, id: string, action: Action, nowMs: number) {
  return db.transaction(async (tx) => {
    const scope = and(eq(conflicts.cityId, caller.city.id), eq(conflicts.id, id));
    const [row] = await tx.select().from(conflicts).where(scope);
    if (!row) throw notFound('conflict');
    if (row.status !== 'open')
      throw new ApiError(409, 'conflict_closed', `this conflict is already ${row.status}`);
    let version: number;
    if (action === 'restore') {
      // The member restores with the current value in view: base version = library version, so it wins.
      const [city] = await tx
        .select({ v: cities.libraryVersion })
        .from(cities)
        .where(eq(cities.id, caller.city.id));
      const result = await pushInTx(
        tx,
        caller,
        [
          {
            id: uuidv7(nowMs),
            clientId: `restore:${row.id}`,
            kind: row.kind as Kind,
            objectId: row.objectId,
            baseVersion: city!.v,
            hlc: formatHlc({ ms: nowMs, counter: 0 }),
            op: 'put',
            // A set's lost elements (dropped when others had filled it: shared/sync/push.ts) are added back.
            ...(isSetField(row.kind as Kind, row.field)
              ? { add: { [row.field]: lostElements(row.lostValue) } }
              : { fields: { [row.field]: row.lostValue } }),
          },
        ],
        nowMs,
      );
      // Still full: restoring would drop them again; the member makes room first.
      const dropped = result.response.results[0]?.dropped?.[row.field];
      if (dropped?.length) {
        throw new PushRejected(
          ['lostValue'],
          `${row.field} is full; remove some to restore ${dropped.join(', ')}`,
        );
      }
      version = result.response.version;
    } else {
      const [city] = await tx
        .select({ v: cities.libraryVersion })
        .from(cities)
        .where(eq(cities.id, caller.city.id));
      version = city!.v;
    }
    const status = action === 'restore' ? 'restored' : 'dismissed';
    const resolvedAt = new Date(nowMs).toISOString();
    const [updated] = await tx
      .update(conflicts)
      .set({ status, resolvedBy: caller.member.id, resolvedAt })
      .where(scope)
      .returning();
    return { conflict: conflictRecord(updated!), version };
  });
}

const lostElements = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function conflictRecord(row: Row): Conflict {
  return {
    id: row.id,
    kind: row.kind as Kind,
    objectId: row.objectId,
    field: row.field,
    lostValue: row.lostValue,
    lostBy: row.lostBy,
    lostAt: row.lostAt,
    wonValue: row.wonValue,
    wonBy: row.wonBy,
    wonAt: row.wonAt,
    version: row.version,
    createdAt: row.createdAt,
    status: row.status,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt,
  };
}
