// The city's own glossary terms (glossary_terms): list, create-or-replace by id, delete. Every query is
// scoped by the caller's city, and the table's key is (city, id), so a term id of another city is simply
// not there: deleting it answers 404, and a PUT with it creates the caller's own term without touching or
// revealing the other city's.
import { and, asc, eq } from 'drizzle-orm';
import type { GlossaryTerm } from '../../shared/api/glossary.ts';
import type { Caller } from '../app-env.ts';
import type { Db } from '../db/client.ts';
import { glossaryTerms } from '../db/schema/index.ts';
import { ApiError, notFound } from '../errors.ts';

/** Terms a city may keep; the glossary is for terminology, not a translation memory. */
export const maxTermsPerCity = 5000;

type Row = typeof glossaryTerms.$inferSelect;

const termRecord = (row: Row): GlossaryTerm => ({
  id: row.id,
  conceptId: row.conceptId,
  labels: row.labels,
  note: row.note,
  updatedAt: row.updatedAt,
});

export async function listTerms(db: Db, caller: Caller): Promise<GlossaryTerm[]> {
  const rows = await db
    .select()
    .from(glossaryTerms)
    .where(eq(glossaryTerms.cityId, caller.city.id))
    .orderBy(asc(glossaryTerms.id));
  return rows.map(termRecord);
}

export async function putTerm(
  db: Db,
  caller: Caller,
  id: string,
  input: { conceptId?: string | null; labels: Record<string, string>; note?: string },
  now: number,
): Promise<{ term: GlossaryTerm; created: boolean }> {
  const at = new Date(now).toISOString();
  const where = and(eq(glossaryTerms.cityId, caller.city.id), eq(glossaryTerms.id, id));
  const [existing] = await db.select().from(glossaryTerms).where(where);
  if (existing) {
    const [row] = await db
      .update(glossaryTerms)
      .set({
        labels: input.labels,
        conceptId: input.conceptId === undefined ? existing.conceptId : input.conceptId,
        note: input.note ?? existing.note,
        updatedAt: at,
      })
      .where(where)
      .returning();
    return { term: termRecord(row!), created: false };
  }
  const count = await db.$count(glossaryTerms, eq(glossaryTerms.cityId, caller.city.id));
  if (count >= maxTermsPerCity) {
    throw new ApiError(409, 'glossary_full', `the city glossary already holds ${maxTermsPerCity} terms`);
  }
  const [row] = await db
    .insert(glossaryTerms)
    .values({
      cityId: caller.city.id,
      id,
      labels: input.labels,
      conceptId: input.conceptId ?? null,
      note: input.note ?? '',
      createdAt: at,
      createdBy: caller.member.id,
      updatedAt: at,
    })
    .onConflictDoNothing()
    .returning();
  // A concurrent PUT of the same new id won the insert: apply this one as its update.
  if (!row) return putTerm(db, caller, id, input, now);
  return { term: termRecord(row), created: true };
}

export async function deleteTerm(db: Db, caller: Caller, id: string): Promise<void> {
  const rows = await db
    .delete(glossaryTerms)
    .where(and(eq(glossaryTerms.cityId, caller.city.id), eq(glossaryTerms.id, id)))
    .returning({ id: glossaryTerms.id });
  if (rows.length === 0) throw notFound('glossary term');
}
