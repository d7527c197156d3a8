// GET /api/library/search through the real app: accent- and case-insensitive full text in French, English,
// Italian and Spanish, prefixes as the member types, relevance, every filter, pagination, the city boundary,
// deletion, and bad parameters answered 400 naming the parameter.
import { describe, expect, it } from 'vitest';
import { findDocs } from '../../server/library/search.ts';
import { catchUpSearchIndex } from '../../server/library/search-index.ts';
import { searchResultSchema } from '../../shared/api/library.ts';
import { fileBackend } from './support/backend.ts';
import { get, practice, push, versionOf } from './support/library-data.ts';
import { deleteObject } from './support/mutations.ts';
import { makeWorld, type World } from './support/world.ts';

const search = async (w: World, token: string, params: Record<string, string | string[] | number>) => {
  const answer = await get(w, token, '/api/library/search', params);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return searchResultSchema.parse(answer.body);
};
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();

async function multilingual(w: World) {
  const specs = {
    ecole: practice({
      title: 'École des langues pour les familles',
      lang: 'fr',
      excerpt: 'Des cours du soir à Lyon.',
      areas: ['education'],
      tags: ['Langues'],
      clippedAt: '2025-01-10T10:00:00.000Z',
    }),
    citta: practice({
      title: 'La città interculturale',
      lang: 'it',
      excerpt: 'Un programma per tutta la comunità.',
      areas: ['participation'],
      tags: ['rete'],
      clippedAt: '2025-02-10T10:00:00.000Z',
    }),
    educacion: practice({
      title: 'Mediación en los barrios',
      lang: 'es',
      note: 'Educación intercultural para jóvenes',
      areas: ['mediation', 'education'],
      tags: ['jóvenes'],
      visibility: 'network',
      clippedAt: '2025-03-10T10:00:00.000Z',
    }),
    welcome: practice({
      title: 'Welcome desk for newcomers',
      lang: 'en-GB',
      excerpt: 'A desk in twelve languages.',
      contentMarkdown: 'The desk also runs a school for parents.',
      areas: ['welcoming_newcomers'],
      tags: ['langues', 'desk'],
      clippedAt: '2025-04-10T10:00:00.000Z',
    }),
    oeuvre: practice({
      title: 'Œuvres communes au musée',
      lang: 'fr-BE',
      siteName: 'Straße der Kulturen',
      areas: ['cultural_social_life'],
      clippedAt: '2025-05-10T10:00:00.000Z',
    }),
  };
  await push(w, w.a.contributor.token, [specs.ecole, specs.citta, specs.educacion]);
  await push(w, w.a.coordinator.token, [specs.welcome, specs.oeuvre]);
  return Object.fromEntries(Object.entries(specs).map(([k, m]) => [k, m.objectId])) as Record<
    keyof typeof specs,
    string
  >;
}

describe('library search', () => {
  it('is accent- and case-insensitive in French, Italian, Spanish and English, with prefixes', async () => {
    const w = await makeWorld(fileBackend);
    const p = await multilingual(w);
    const t = w.a.viewer.token;
    expect(ids(await search(w, t, { q: 'ecole' }))).toEqual([p.ecole]);
    expect(ids(await search(w, t, { q: 'ÉCOLE' }))).toEqual([p.ecole]);
    expect(ids(await search(w, t, { q: 'citta' }))).toEqual([p.citta]);
    expect(ids(await search(w, t, { q: 'comunita' }))).toEqual([p.citta]);
    expect(ids(await search(w, t, { q: 'educacion' }))).toEqual([p.educacion]);
    expect(ids(await search(w, t, { q: 'mediacion barrios' }))).toEqual([p.educacion]);
    expect(ids(await search(w, t, { q: 'oeuvres' }))).toEqual([p.oeuvre]);
    expect(ids(await search(w, t, { q: 'strasse' }))).toEqual([p.oeuvre]);
    // Prefix as the member types, on every word; all words required.
    expect(ids(await search(w, t, { q: 'welc' }))).toEqual([p.welcome]);
    expect(ids(await search(w, t, { q: 'desk twel' }))).toEqual([p.welcome]);
    expect(ids(await search(w, t, { q: 'desk paris' }))).toEqual([]);
    // Tags and Index-area labels (English and French) are searched too.
    expect(ids(await search(w, t, { q: 'langues' }))).toEqual([p.ecole, p.welcome].sort());
    expect(ids(await search(w, t, { q: 'nouveaux arrivants' }))).toEqual([p.welcome]);
  });

  it('ranks a title match above a match in the content, and marks the matched words', async () => {
    const w = await makeWorld(fileBackend);
    const p = await multilingual(w);
    const r = await search(w, w.a.viewer.token, { q: 'ecole' });
    expect(r.items[0]!.titleMarks).toEqual([
      { text: 'École', match: true },
      { text: ' des langues pour les familles', match: false },
    ]);
    const school = await search(w, w.a.viewer.token, { q: 'school' });
    expect(school.items.map((i) => i.id)).toEqual([p.welcome]);
    const extra = practice({ title: 'School mediators', clippedAt: '2025-01-01T00:00:00.000Z' });
    await push(w, w.a.contributor.token, [extra]);
    const ranked = await search(w, w.a.viewer.token, { q: 'school' });
    // The title match comes first although it is the older practice.
    expect(ranked.items.map((i) => i.id)).toEqual([extra.objectId, p.welcome]);
    expect(ranked.items[0]!.createdByName).toBe('Lyon Contributor');
  });

  it('filters by area, tag, contributor, dates, language and visibility, and pages', async () => {
    const w = await makeWorld(fileBackend);
    const p = await multilingual(w);
    const t = w.a.viewer.token;
    expect(ids(await search(w, t, { areas: 'education' }))).toEqual([p.ecole, p.educacion].sort());
    expect(ids(await search(w, t, { areas: ['participation', 'mediation'] }))).toEqual(
      [p.citta, p.educacion].sort(),
    );
    expect(ids(await search(w, t, { tags: 'LANGUES' }))).toEqual([p.ecole, p.welcome].sort());
    expect(ids(await search(w, t, { contributors: w.a.coordinator.member.id }))).toEqual(
      [p.welcome, p.oeuvre].sort(),
    );
    expect(ids(await search(w, t, { from: '2025-02-10', to: '2025-04-09' }))).toEqual(
      [p.citta, p.educacion].sort(),
    );
    expect(ids(await search(w, t, { lang: 'fr' }))).toEqual([p.ecole, p.oeuvre].sort());
    expect(ids(await search(w, t, { lang: 'en' }))).toEqual([p.welcome]);
    expect(ids(await search(w, t, { visibility: 'network' }))).toEqual([p.educacion]);
    expect(ids(await search(w, t, { q: 'langues', areas: 'education' }))).toEqual([p.ecole]);
    const byDate = await search(w, t, { q: 'langues', sort: 'newest' });
    expect([byDate.total, ...byDate.items.map((i) => i.id)]).toEqual([2, p.welcome, p.ecole]);
    const pastTheEnd = await search(w, t, { q: 'langues', sort: 'oldest', page: 3, pageSize: 1 });
    expect([pastTheEnd.total, pastTheEnd.items.length]).toEqual([2, 0]);

    const newest = [p.oeuvre, p.welcome, p.educacion, p.citta, p.ecole];
    const page1 = await search(w, t, { pageSize: 2 });
    const page3 = await search(w, t, { pageSize: 2, page: 3 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((i) => i.id)).toEqual(newest.slice(0, 2));
    expect(page3.items.map((i) => i.id)).toEqual(newest.slice(4));
    const oldest = await search(w, t, { sort: 'oldest', pageSize: 5 });
    expect(oldest.items.map((i) => i.id)).toEqual([...newest].reverse());
  });

  it('finds only the caller’s city, and never a deleted practice', async () => {
    const w = await makeWorld(fileBackend);
    const p = await multilingual(w);
    expect((await search(w, w.b.coordinator.token, { q: 'ecole' })).total).toBe(0);
    expect((await search(w, w.b.coordinator.token, {})).total).toBe(0);
    expect(ids(await search(w, w.a.viewer.token, { q: 'citta' }))).toEqual([p.citta]);
    await push(w, w.a.coordinator.token, [deleteObject('practice', p.citta, await versionOf(w, p.citta))]);
    expect((await search(w, w.a.viewer.token, { q: 'citta' })).total).toBe(0);
    expect((await search(w, w.a.viewer.token, {})).total).toBe(4);
  });

  it('answers 400 naming the parameter for unknown filters and malformed values', async () => {
    const w = await makeWorld(fileBackend);
    const t = w.a.viewer.token;
    const cases: [Record<string, string | string[]>, string][] = [
      [{ colour: 'red' }, 'colour'],
      [{ pageSize: '0' }, 'pageSize'],
      [{ pageSize: '101' }, 'pageSize'],
      [{ page: 'two' }, 'page'],
      [{ from: '2025-13-01' }, 'from'],
      [{ to: 'yesterday' }, 'to'],
      [{ from: '2025-05-01', to: '2025-04-01' }, 'from'],
      [{ areas: ['education', 'astrology'] }, 'areas'],
      [{ visibility: 'world' }, 'visibility'],
      [{ sort: 'random' }, 'sort'],
      [{ q: ['a', 'b'] }, 'q'],
      [{ q: 'x'.repeat(201) }, 'q'],
    ];
    for (const [params, name] of cases) {
      const answer = await get(w, t, '/api/library/search', params);
      expect(answer.status, JSON.stringify(params)).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(answer.body.error.message.startsWith(name)).toBe(true);
    }
    expect((await get(w, '', '/api/library/search')).status).toBe(401);
  });
});

describe('tiered relevance for big result sets', () => {
  it('puts title, tag and area matches first (by bm25), then the rest newest first, across pages', async () => {
    const w = await makeWorld(fileBackend);
    const specs = Array.from({ length: 23 }, (_, i) =>
      practice({
        title: i % 4 === 0 ? `Festival number ${i}` : `Practice ${i}`,
        excerpt: i % 4 === 0 ? '' : `a festival excerpt ${i}`,
        tags: i === 5 ? ['festivals'] : [],
        clippedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      }),
    );
    await push(w, w.a.contributor.token, specs);
    // Push order is the index order: the tiered tail is newest-indexed first.
    const named = specs.filter((_, i) => i % 4 === 0 || i === 5).map((m) => m.objectId);
    const others = specs
      .filter((_, i) => !(i % 4 === 0 || i === 5))
      .map((m) => m.objectId)
      .reverse();
    await catchUpSearchIndex(w.db, w.a.city.id);
    const pages: string[] = [];
    let total = 0;
    for (let page = 1; page <= 5; page++) {
      const found = await findDocs(
        w.db,
        [w.a.city.id],
        { q: 'festiv', page, pageSize: 5 },
        { rankAllUpTo: 1 },
      );
      total = found.total;
      pages.push(...found.ids.map((i) => i.id));
    }
    expect(total).toBe(23);
    expect(pages).toHaveLength(23);
    expect(new Set(pages).size).toBe(23);
    expect(new Set(pages.slice(0, named.length))).toEqual(new Set(named));
    expect(pages.slice(named.length)).toEqual(others);
    // Below the threshold the same query ranks all matches by bm25: the same set.
    const all = await findDocs(w.db, [w.a.city.id], { q: 'festiv', pageSize: 100 });
    expect(new Set(all.ids.map((i) => i.id))).toEqual(new Set(pages));
  });
});
