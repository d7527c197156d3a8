// Search with filters, whichever way the server answers it (server/library/search.ts): from the index alone
// when the filters' FTS terms are exact (areas, visibility, a language without region, whole months), or
// with search_docs checking them (tags, contributors, a regional language, day-precise dates); ranked in full
// or in tiers (rankAllUpTo), newest first by sorting the matches or walking the date index (sortUpTo), or by
// relevance. Each answer is compared with the same filters
// applied by hand to the practices that were pushed: the same practices, the same total, dates in order.
import { describe, expect, it } from 'vitest';
import { findDocs } from '../../server/library/search.ts';
import { catchUpSearchIndex } from '../../server/library/search-index.ts';
import type { LibraryQuery } from '../../shared/api/library.ts';
import { fileBackend } from './support/backend.ts';
import { type PracticeSpec, practice, push } from './support/library-data.ts';
import { makeWorld } from './support/world.ts';

const areas = ['education', 'mediation', 'participation'] as const;
const langs = ['en', 'en-GB', 'fr', null] as const;

/** 40 practices spread over areas, languages, visibility and the days around month ends of 2024–2025. */
function specs(): PracticeSpec[] {
  return Array.from({ length: 40 }, (_, i) => {
    // Days chosen to sit on and around month boundaries: the 1st, the last day, mid-month.
    const month = i % 14; // Dec 2024 … Jan 2026
    const day = [1, 15, 28][i % 3]!;
    const date = new Date(Date.UTC(2024, 11 + month, day, (i * 7) % 24, i % 60));
    return {
      title: i % 5 === 0 ? `Festival of neighbours ${i}` : `Practice ${i}`,
      excerpt: i % 2 ? `a neighbourhood festival ${i}` : `a school project ${i}`,
      areas: i % 7 === 0 ? [areas[0], areas[1]] : [areas[i % 3]!],
      lang: langs[i % 4]!,
      visibility: i % 3 === 0 ? 'network' : 'city',
      clippedAt: date.toISOString(),
      tags: i % 4 === 0 ? ['youth'] : [],
    } satisfies PracticeSpec;
  });
}

/** The filters of `q` applied by hand (words: every word starts a word of title or excerpt, which is all
 * these practices hold). */
function expected(all: { id: string; spec: PracticeSpec }[], q: LibraryQuery): string[] {
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return all
    .filter(({ spec: s }) => {
      const text = `${s.title} ${s.excerpt}`.toLowerCase().split(/[^a-z0-9]+/);
      if (!words.every((w) => text.some((t) => t.startsWith(w)))) return false;
      if (q.areas?.length && !q.areas.some((a) => s.areas?.includes(a))) return false;
      if (q.visibility && (s.visibility ?? 'city') !== q.visibility) return false;
      if (q.tags?.length && !q.tags.some((t) => s.tags?.includes(t))) return false;
      if (q.lang) {
        const l = (s.lang ?? '').toLowerCase();
        if (l !== q.lang.toLowerCase() && !l.startsWith(`${q.lang.toLowerCase()}-`)) return false;
      }
      const day = s.clippedAt!.slice(0, 10);
      if (q.from && day < q.from) return false;
      if (q.to && day > q.to) return false;
      return true;
    })
    .map(({ id }) => id);
}

const queries: LibraryQuery[] = [
  { areas: ['education'] },
  { areas: ['education', 'mediation'], visibility: 'network' },
  { areas: ['participation'], lang: 'en' },
  { lang: 'en-GB' },
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-01-01', to: '2025-12-31', areas: ['mediation'] },
  { from: '2024-12-15', to: '2025-02-01' },
  { from: '2025-02-01' },
  { to: '2025-01-31' },
  { tags: ['youth'], areas: ['education'] },
  { q: 'festival' },
  { q: 'festival', areas: ['education'] },
  { q: 'festiv neighbour', visibility: 'network', lang: 'en' },
  { q: 'festival', from: '2025-01-01', to: '2025-06-30' },
  { q: 'festival', from: '2025-01-02', to: '2025-06-30' },
  { q: 'festival', from: '2025-01-01', to: '2025-06-29', lang: 'fr' },
  { q: 'practice', tags: ['youth'] },
  { q: 'festival', lang: 'en-GB', areas: ['participation', 'mediation'] },
  { q: 'school', lang: 'fr', areas: ['participation', 'mediation'] },
  { q: 'a', areas: ['education'], visibility: 'city' },
];

/** A city holding the 40 practices, indexed. */
async function library() {
  const w = await makeWorld(fileBackend);
  const list = specs();
  const mutations = list.map(practice);
  await push(w, w.a.contributor.token, mutations);
  await catchUpSearchIndex(w.db, w.a.city.id);
  return { w, list, mutations };
}

describe('search with filters', () => {
  it('finds the practices the filters keep, counted and ordered, on every path', async () => {
    const { w, list, mutations } = await library();
    const all = list.map((spec, i) => ({ id: mutations[i]!.objectId, spec }));
    const clippedOf = new Map(all.map(({ id, spec }) => [id, spec.clippedAt!]));

    for (const query of queries) {
      const want = expected(all, query).sort();
      expect(want.length, `${JSON.stringify(query)} keeps some practices`).toBeGreaterThan(0);
      expect(want.length, `${JSON.stringify(query)} leaves some out`).toBeLessThan(all.length);
      for (const sort of ['relevance', 'newest', 'oldest'] as const) {
        // Small thresholds force the big-result paths: tiers, and the walk of the date index.
        for (const [rankAllUpTo, sortUpTo] of [
          [1, 0],
          [500, 500],
        ]) {
          // Two pages of 4 and then the rest: pages must add up to the whole set, with no repeat.
          const seen: string[] = [];
          let total = -1;
          for (let page = 1; page <= 20 && seen.length < want.length; page++) {
            const found = await findDocs(
              w.db,
              [w.a.city.id],
              { ...query, sort, page, pageSize: 4 },
              { rankAllUpTo, sortUpTo },
            );
            total = found.total;
            if (found.ids.length === 0) break;
            seen.push(...found.ids.map((d) => d.id));
          }
          const label = `${JSON.stringify(query)} ${sort} rankAllUpTo=${rankAllUpTo} sortUpTo=${sortUpTo}`;
          expect(total, label).toBe(want.length);
          expect(seen.length, label).toBe(want.length);
          expect([...seen].sort(), label).toEqual(want);
          if (sort !== 'relevance') {
            const dates = seen.map((id) => clippedOf.get(id)!);
            const ordered = [...dates].sort();
            expect(dates, label).toEqual(sort === 'oldest' ? ordered : ordered.reverse());
          }
        }
      }
    }
  });

  it('puts practices whose title matches first when a filtered search is ranked in tiers', async () => {
    const { w, list, mutations } = await library();
    const query: LibraryQuery = { q: 'festival', areas: ['education', 'participation'], pageSize: 50 };
    const found = await findDocs(w.db, [w.a.city.id], query, { rankAllUpTo: 1 });
    const inTitle = new Set(
      list
        .map((s, i) => ({ s, id: mutations[i]!.objectId }))
        .filter(({ s }) => s.title.startsWith('Festival'))
        .map(({ id }) => id),
    );
    const ids = found.ids.map((d) => d.id);
    const firstOther = ids.findIndex((id) => !inTitle.has(id));
    expect(firstOther).toBeGreaterThan(0);
    expect(ids.slice(firstOther).some((id) => inTitle.has(id))).toBe(false);
  });
});
