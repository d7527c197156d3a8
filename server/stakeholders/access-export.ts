// GET /api/stakeholders/:id/export: everything the server holds on one person, for an access request
// (GDPR Art. 15): the current record, who captured and changed it and on what basis, which practices link
// to them, the conflict records about them, and values removed from the record but still kept for merging.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { accessExportSchema } from '../../shared/api/stakeholders.ts';
import type { FieldClock, SetEntry } from '../../shared/sync/object-state.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { conflicts, members } from '../db/schema/index.ts';
import { ApiError, notFound } from '../errors.ts';
import { conflictRecord } from '../sync/conflicts.ts';
import { setAsideRow } from './set-aside.ts';
import { practiceLinks, stakeholderRecord, stakeholderRow } from './stakeholder-rows.ts';

type AccessExport = z.infer<typeof accessExportSchema>;
type Meta = { clocks?: Record<string, FieldClock>; sets?: Record<string, SetEntry[]> };

export async function accessExport(db: Db, caller: Caller, id: string, nowMs: number): Promise<AccessExport> {
  const cityId = caller.city.id;
  const row = await stakeholderRow(db, cityId, id);
  if (!row) throw notFound('stakeholder');
  if (row.deletedAt) {
    // Deleted by a contributor: gone from every copy, but the server still holds it (set-aside.ts).
    const kept = await setAsideRow(db, cityId, id);
    if (kept)
      throw new ApiError(
        409,
        'set_aside',
        `this stakeholder was deleted at ${kept.deletedAt} and is set aside: GET /api/stakeholders/set-aside holds the record; restore it or erase it`,
      );
    throw new ApiError(
      410,
      'erased',
      `this stakeholder was erased at ${row.deletedAt}; nothing is held on them`,
    );
  }
  const stakeholder = stakeholderRecord(row);
  const meta = row.meta as Meta;
  const practices = (await practiceLinks(db, cityId)).filter((p) => p.stakeholderIds.includes(id));
  const conflictRows = await db
    .select()
    .from(conflicts)
    .where(and(eq(conflicts.cityId, cityId), eq(conflicts.objectId, id)))
    .orderBy(desc(conflicts.createdAt));

  const writes = Object.entries(meta.clocks ?? {}).map(([field, c]) => ({
    field,
    member: c.member,
    at: c.hlc,
  }));
  for (const [field, entries] of Object.entries(meta.sets ?? {})) {
    const latest = entries.reduce<SetEntry | null>((a, e) => (!a || e.clock.hlc > a.clock.hlc ? e : a), null);
    if (latest) writes.push({ field, member: latest.clock.member, at: latest.clock.hlc });
  }
  const names = await memberNames(db, cityId, [
    caller.member.id,
    row.createdBy,
    row.updatedBy,
    ...writes.map((w) => w.member),
  ]);
  const ref = (memberId: string) => ({ id: memberId, name: names.get(memberId) ?? null });
  const removedValues: Record<string, string[]> = {};
  for (const [field, entries] of Object.entries(meta.sets ?? {})) {
    const gone = entries.filter((e) => !e.present).map((e) => e.value);
    if (gone.length > 0) removedValues[field] = gone;
  }

  return {
    exportedAt: new Date(nowMs).toISOString(),
    exportedBy: ref(caller.member.id),
    city: { id: cityId, name: caller.city.name },
    stakeholder,
    provenance: {
      createdAt: stakeholder.createdAt,
      createdBy: ref(row.createdBy),
      updatedAt: stakeholder.updatedAt,
      updatedBy: ref(row.updatedBy),
      sourceUrl: stakeholder.sourceUrl,
      lawfulBasis: stakeholder.lawfulBasis,
      lawfulBasisNote: stakeholder.lawfulBasisNote,
      reviewBy: stakeholder.reviewBy,
    },
    fieldWrites: writes
      .sort((a, b) => (a.field < b.field ? -1 : 1))
      .map((w) => ({ field: w.field, by: ref(w.member), at: w.at.slice(0, 24) })),
    removedValues,
    practices: practices.map(({ id: pid, title, url, areas, clippedAt }) => ({
      id: pid,
      title,
      url,
      areas: [...areas],
      clippedAt,
    })),
    conflicts: conflictRows.map(conflictRecord),
  };
}

/** Names of the city's members among `ids` (ids of server changes, such as restores, have none). */
async function memberNames(db: Db, cityId: string, ids: string[]) {
  const rows = await db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.cityId, cityId), inArray(members.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
