// Erasure reaches practices too (issue 4, GDPR Art. 17/19): erasing a stakeholder removes its id from the
// stakeholderIds of every practice of the city, as a server-made change in the same library version (so it
// syncs to every copy), and a later link to an erased stakeholder (an offline client tagging a contact that
// has since been erased) is dropped before the merge. The removed id stays in the practice's set clocks as a
// removal, a random UUID that no longer points at any data, so an older concurrent add cannot bring it back.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { formatHlc, maxHlc, tickHlc } from '../../shared/sync/hlc.ts';
import type { Mutation } from '../../shared/sync/mutation.ts';
import type { ObjectState } from '../../shared/sync/object-state.ts';
import { sliceByBytes } from '../db/bounded-reads.ts';
import type { Db } from '../db/client.ts';
import { libraryObjects } from '../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;

/** The client id of the server's own changes in set clocks. */
export const erasureClientId = 'server:erasure';

/** Stakeholder ids that practice puts of this batch add. */
export function linkedStakeholderIds(mutations: readonly Mutation[]): string[] {
  const ids = new Set<string>();
  for (const m of mutations)
    if (m.kind === 'practice') for (const id of m.add?.stakeholderIds ?? []) ids.add(id);
  return [...ids];
}

/** Which of `ids` are erased stakeholders of the city. */
export async function erasedAmong(db: Reader, cityId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: libraryObjects.id })
    .from(libraryObjects)
    .where(
      and(
        eq(libraryObjects.cityId, cityId),
        eq(libraryObjects.kind, 'stakeholder'),
        isNotNull(libraryObjects.deletedAt),
        inArray(libraryObjects.id, ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** The batch without adds of erased stakeholders to practices. */
export function withoutLinksTo(mutations: Mutation[], erased: ReadonlySet<string>): Mutation[] {
  if (erased.size === 0) return mutations;
  return mutations.map((m) => {
    const adds = m.kind === 'practice' ? m.add?.stakeholderIds : undefined;
    if (!adds?.some((id) => erased.has(id))) return m;
    return { ...m, add: { ...m.add, stakeholderIds: adds.filter((id) => !erased.has(id)) } };
  });
}

/**
 * Live practices of the city whose stakeholderIds hold one of `ids`: a contact may be linked from thousands,
 * so they are measured first and read in slices of the byte budget (server/db/bounded-reads.ts). No halving
 * on a refusal: this runs in the push's transaction, which a libSQL server closes when it refuses an answer.
 */
export async function practicesLinking(db: Reader, cityId: string, ids: string[]) {
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const scope = and(
    eq(libraryObjects.cityId, cityId),
    eq(libraryObjects.kind, 'practice'),
    isNull(libraryObjects.deletedAt),
    sql`exists (select 1 from json_each(${libraryObjects.data}, '$.stakeholderIds') where value in (${list}))`,
  );
  const sizes = await db
    .select({
      id: libraryObjects.id,
      bytes: sql<number>`octet_length(${libraryObjects.data}) + octet_length(${libraryObjects.meta})`,
    })
    .from(libraryObjects)
    .where(scope);
  const rows: (typeof libraryObjects.$inferSelect)[] = [];
  for (const slice of sliceByBytes(sizes, (s) => Number(s.bytes))) {
    const ofSlice = slice.map((s) => s.id);
    rows.push(
      ...(await db
        .select()
        .from(libraryObjects)
        .where(and(eq(libraryObjects.cityId, cityId), inArray(libraryObjects.id, ofSlice)))),
    );
  }
  return rows;
}

/**
 * The server's removals of `erased` from the practices that link them. The stamp follows every stamp of the
 * batch and the base version is the library version, so the removal wins against every earlier add.
 */
export function unlinkMutations(
  practices: Iterable<ObjectState>,
  erased: ReadonlySet<string>,
  batch: readonly Mutation[],
  libraryVersion: number,
  nowMs: number,
): Mutation[] {
  const latest = batch.reduce<string | null>((max, m) => (max ? maxHlc(max, m.hlc) : m.hlc), null);
  const hlc = tickHlc(latest && latest > formatHlc({ ms: nowMs, counter: 0 }) ? latest : null, nowMs);
  const out: Mutation[] = [];
  for (const p of practices) {
    const linked = (p.sets.stakeholderIds ?? [])
      .filter((e) => e.present && erased.has(e.value))
      .map((e) => e.value);
    if (linked.length === 0 || p.deletedAt) continue;
    out.push({
      id: uuidv7(nowMs),
      clientId: erasureClientId,
      kind: 'practice',
      objectId: p.id,
      baseVersion: libraryVersion,
      hlc,
      op: 'put',
      remove: { stakeholderIds: linked },
    });
  }
  return out;
}
