// A contributor's sync delete of a contact is recoverable; erasure stays the coordinator's (issue 15). The
// delete goes through as ever — a tombstone deletes every member's copy, the practices are unlinked in the
// same version — but when the member is not a coordinator the server first keeps the contact as it was in
// set_aside_stakeholders, with the practices it is unlinked from. A coordinator then lists them, restores
// one (the same id comes back live in a new version, linked again to those practices still there) or
// erases it (POST /api/stakeholders/{id}/erase: the set-aside record goes, the erasure is final). Only a
// coordinator's delete, or the erase route, erases at once.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { SetAsideStakeholder } from '../../shared/api/stakeholders.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { formatHlc, maxHlc, tickHlc } from '../../shared/sync/hlc.ts';
import { isSetField, scalarFields } from '../../shared/sync/kinds.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import { materialise, type ObjectState } from '../../shared/sync/object-state.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { cities, libraryObjects, setAsideStakeholders } from '../db/schema/index.ts';
import { ApiError, notFound } from '../errors.ts';
import { stateFromRow } from '../sync/object-rows.ts';
import type { Tx } from '../sync/push-write.ts';
import { practicesLinking } from '../sync/stakeholder-links.ts';

/** The server's client id in set clocks when it restores a contact and its links. */
export const restoreClientId = 'server:restore';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Called by a push that deletes the stakeholders `deleted` (pushInTx, before it writes): unless the caller
 * is a coordinator, each one that was live (`before`: the stored states) is set aside.
 */
export async function setAsideDeleted(
  tx: Pick<Db, 'select' | 'insert'>,
  caller: Caller,
  deleted: ReadonlySet<string>,
  before: ReadonlyMap<string, ObjectState>,
  nowMs: number,
): Promise<void> {
  if (caller.member.role === 'coordinator' || deleted.size === 0) return;
  const cityId = caller.city.id;
  const kept = [...deleted]
    .map((id) => before.get(id))
    .filter((s): s is ObjectState => s?.kind === 'stakeholder' && !s.deletedAt);
  if (kept.length === 0) return;
  const linking = await practicesLinking(
    tx,
    cityId,
    kept.map((s) => s.id),
  );
  const linksOf = (id: string) =>
    linking
      .filter((p) => ((p.data as { stakeholderIds?: string[] }).stakeholderIds ?? []).includes(id))
      .map((p) => p.id);
  await tx
    .insert(setAsideStakeholders)
    .values(
      kept.map((state) => ({
        cityId,
        id: state.id,
        data: materialise(state, cityId),
        practiceIds: linksOf(state.id),
        deletedBy: caller.member.id,
        deletedAt: iso(nowMs),
      })),
    )
    .onConflictDoNothing();
}

type SetAsideRow = typeof setAsideStakeholders.$inferSelect;

const record = (row: SetAsideRow): SetAsideStakeholder => ({
  stakeholder: row.data as SetAsideStakeholder['stakeholder'],
  deletedBy: row.deletedBy,
  deletedAt: row.deletedAt,
  practiceIds: row.practiceIds,
});

/** The city's set-aside contacts, the oldest deletion first. */
export async function listSetAside(db: Pick<Db, 'select'>, cityId: string): Promise<SetAsideStakeholder[]> {
  const rows = await db
    .select()
    .from(setAsideStakeholders)
    .where(eq(setAsideStakeholders.cityId, cityId))
    .orderBy(asc(setAsideStakeholders.deletedAt), asc(setAsideStakeholders.id));
  return rows.map(record);
}

/** The set-aside record of one contact, or undefined. */
export async function setAsideRow(db: Pick<Db, 'select'>, cityId: string, id: string) {
  const [row] = await db
    .select()
    .from(setAsideStakeholders)
    .where(and(eq(setAsideStakeholders.cityId, cityId), eq(setAsideStakeholders.id, id)));
  return row;
}

/** Forgets a set-aside record (its contact is erased, or restored). */
export async function dropSetAside(db: Pick<Db, 'delete'>, cityId: string, id: string): Promise<void> {
  await db
    .delete(setAsideStakeholders)
    .where(and(eq(setAsideStakeholders.cityId, cityId), eq(setAsideStakeholders.id, id)));
}

export interface Restored {
  stakeholderId: string;
  version: number;
  /** Practices it is linked to again (those it was unlinked from that are still live). */
  practiceLinks: string[];
}

/**
 * Brings a set-aside contact back under its own id: its tombstone row is replaced by the contact as it was,
 * created again through the push path in a new library version (so every copy gets it at its next pull and
 * replaces its tombstone), with its original author and creation time, and linked again to its practices.
 * `push` is pushInTx, handed in to keep this module out of push.ts's imports.
 */
export async function restoreSetAside(
  tx: Tx,
  caller: Caller,
  id: string,
  nowMs: number,
  push: (
    tx: Tx,
    caller: Caller,
    batch: Mutation[],
    nowMs: number,
  ) => Promise<{ response: { version: number } }>,
): Promise<Restored> {
  const cityId = caller.city.id;
  const row = await setAsideRow(tx, cityId, id);
  if (!row) throw notFound('set-aside stakeholder');
  const [city] = await tx.select({ v: cities.libraryVersion }).from(cities).where(eq(cities.id, cityId));
  const object = eq(libraryObjects.cityId, cityId);
  const [tombstone] = await tx
    .select({ deletedAt: libraryObjects.deletedAt, kind: libraryObjects.kind })
    .from(libraryObjects)
    .where(and(object, eq(libraryObjects.id, id)));
  if (tombstone && (tombstone.kind !== 'stakeholder' || !tombstone.deletedAt))
    throw new ApiError(409, 'not_deleted', 'this stakeholder is live: there is nothing to restore');
  await tx.delete(libraryObjects).where(and(object, eq(libraryObjects.id, id)));

  // Stamps after every stamp the deletion left on the practices' links, so the new link wins.
  const practices = (await practicesStillThere(tx, cityId, row.practiceIds)).map(stateFromRow);
  const last = practices
    .flatMap((p) => p.sets.stakeholderIds ?? [])
    .filter((e) => e.value === id)
    .reduce<string | null>((max, e) => (max ? maxHlc(max, e.clock.hlc) : e.clock.hlc), null);
  const hlc = tickHlc(last && last > formatHlc({ ms: nowMs, counter: 0 }) ? last : null, nowMs);
  const data = row.data as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const field of scalarFields('stakeholder')) if (field in data) fields[field] = data[field];
  const add: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(data))
    if (isSetField('stakeholder', field) && Array.isArray(value)) add[field] = value as string[];
  const base = { clientId: restoreClientId, baseVersion: city!.v, hlc, op: 'put' as const };
  const batch: Mutation[] = [
    {
      ...base,
      id: uuidv7(nowMs),
      kind: 'stakeholder',
      objectId: id,
      createdAt: data.createdAt as string,
      fields,
      add,
    },
    ...practices.map(
      (p): Mutation => ({
        ...base,
        id: uuidv7(nowMs),
        kind: 'practice',
        objectId: p.id,
        add: { stakeholderIds: [id] },
      }),
    ),
  ];
  const outcome = await push(tx, caller, batch, nowMs);
  // The contact's author stays who created it, not the coordinator who restored it.
  if (typeof data.createdBy === 'string')
    await tx
      .update(libraryObjects)
      .set({ createdBy: data.createdBy })
      .where(and(object, eq(libraryObjects.id, id)));
  await dropSetAside(tx, cityId, id);
  return { stakeholderId: id, version: outcome.response.version, practiceLinks: practices.map((p) => p.id) };
}

async function practicesStillThere(db: Pick<Db, 'select'>, cityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(libraryObjects)
    .where(
      and(
        eq(libraryObjects.cityId, cityId),
        eq(libraryObjects.kind, 'practice'),
        inArray(libraryObjects.id, ids),
        isNull(libraryObjects.deletedAt),
      ),
    );
}
