// POST /api/stakeholders/:id/erase: an erasure request that arrives outside sync (a person writes to the
// city). The same delete a client would push, run by the server, so it takes the same path: the object row
// becomes a tombstone without data or merge clocks, its conflict records go, every practice is unlinked from
// it (a change that syncs), and every member's copy is deleted by the tombstone at the next pull. A contact
// a contributor deleted is already a tombstone but was set aside (set-aside.ts): erasing it drops that record.
import { and, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { erasureSchema } from '../../shared/api/stakeholders.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { syncedFields } from '../../shared/schemas/common.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { cities, conflicts } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { pushInTx } from '../sync/push.ts';
import { reclaimErasedSpace } from '../sync/reclaim-space.ts';
import { erasureClientId } from '../sync/stakeholder-links.ts';
import { dropSetAside, setAsideRow } from './set-aside.ts';
import { stakeholderRow } from './stakeholder-rows.ts';

type Erasure = z.infer<typeof erasureSchema>;
type SetMeta = Record<string, { present: boolean }[]>;

export async function eraseStakeholder(db: Db, caller: Caller, id: string, nowMs: number): Promise<Erasure> {
  const cityId = caller.city.id;
  const erasure = await db.transaction(async (tx): Promise<Erasure> => {
    const row = await stakeholderRow(tx, cityId, id);
    if (!row) throw notFound('stakeholder');
    const [city] = await tx.select({ v: cities.libraryVersion }).from(cities).where(eq(cities.id, cityId));
    if (row.deletedAt) {
      const kept = await setAsideRow(tx, cityId, id);
      if (kept) {
        await dropSetAside(tx, cityId, id);
        return {
          stakeholderId: id,
          alreadyErased: false,
          erasedAt: new Date(nowMs).toISOString(),
          version: city!.v,
          erased: { fields: filled(kept.data), removedValues: 0, conflictRecords: 0, practiceLinks: [] },
        };
      }
      const none = { fields: [], removedValues: 0, conflictRecords: 0, practiceLinks: [] };
      return {
        stakeholderId: id,
        alreadyErased: true,
        erasedAt: row.deletedAt,
        version: city!.v,
        erased: none,
      };
    }
    // What is about to go, for the answer.
    const fields = filled(row.data);
    const sets = (row.meta as { sets?: SetMeta }).sets ?? {};
    const removedValues = Object.values(sets).reduce(
      (n, entries) => n + entries.filter((e) => !e.present).length,
      0,
    );
    const [held] = await tx
      .select({ n: count() })
      .from(conflicts)
      .where(and(eq(conflicts.cityId, cityId), eq(conflicts.objectId, id)));
    const outcome = await pushInTx(
      tx,
      caller,
      [
        {
          id: uuidv7(nowMs),
          clientId: erasureClientId,
          kind: 'stakeholder',
          objectId: id,
          baseVersion: city!.v,
          hlc: formatHlc({ ms: nowMs, counter: 0 }),
          op: 'delete',
        },
      ],
      nowMs,
    );
    return {
      stakeholderId: id,
      alreadyErased: false,
      erasedAt: new Date(nowMs).toISOString(),
      version: outcome.response.version,
      erased: { fields, removedValues, conflictRecords: held?.n ?? 0, practiceLinks: outcome.unlinked },
    };
  });
  if (!erasure.alreadyErased) await reclaimErasedSpace(db);
  return erasure;
}

/** The fields of a contact's data that hold something (what an erasure takes away). */
const filled = (data: Record<string, unknown>) =>
  Object.entries(data)
    .filter(([k, v]) => !envelope.has(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);

/** The fields every synced object carries (not the person's data). */
const envelope = new Set(Object.keys(syncedFields));
