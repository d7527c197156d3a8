import { describe, expect, it } from 'vitest';
import { filterLibrary, indexPractice } from '../../extension/features/library-search.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Practice } from '../../shared/schemas/practice.ts';

const at = '2026-11-27T09:00:00.000Z';
function practice(title: string, over: Partial<Practice> = {}): Practice {
  return {
    id: uuidv7(),
    cityId: null,
    createdAt: at,
    updatedAt: at,
    createdBy: null,
    updatedBy: null,
    deletedAt: null,
    version: 0,
    url: 'https://city.example/',
    canonicalUrl: null,
    title,
    excerpt: '',
    siteName: null,
    byline: null,
    publishedTime: null,
    lang: null,
    dir: null,
    image: null,
    contentMarkdown: '',
    extraction: 'full',
    areas: [],
    tags: [],
    note: '',
    stakeholderIds: [],
    visibility: 'city',
    clippedAt: at,
    summaries: [],
    ...over,
  };
}

describe('library search and filters', () => {
  const desk = practice('Guichet d’accueil multilingue', {
    areas: ['welcoming_newcomers'],
    tags: ['Accueil'],
  });
  const school = practice('School mediators', {
    areas: ['education', 'mediation'],
    note: 'Médiateurs scolaires',
  });
  const budget = practice('Participatory budget', { tags: ['budget'] });
  const all = [desk, school, budget];
  const index = new Map(all.map((p) => [p.id, indexPractice(p, [])]));

  it('finds a practice by the French or English label of its Index area', () => {
    expect(filterLibrary(all, index, { query: 'newcomers', area: null, tag: null })).toEqual([desk]);
    expect(filterLibrary(all, index, { query: 'nouveaux arrivants', area: null, tag: null })).toEqual([desk]);
  });

  it('matches notes without accents', () => {
    expect(filterLibrary(all, index, { query: 'mediateurs', area: null, tag: null })).toEqual([school]);
  });

  it('finds words in highlighted passages', () => {
    const withHighlight = new Map(index);
    withHighlight.set(
      budget.id,
      indexPractice(budget, [
        {
          ...budget,
          practiceId: budget.id,
          pageUrl: budget.url,
          quote: {
            type: 'TextQuoteSelector',
            exact: 'residents of every origin vote',
            prefix: '',
            suffix: '',
          },
          position: null,
          note: '',
        },
      ]),
    );
    expect(filterLibrary(all, withHighlight, { query: 'origin', area: null, tag: null })).toEqual([budget]);
  });

  it('combines text with area and tag filters; tags compare case-insensitively', () => {
    expect(filterLibrary(all, index, { query: '', area: 'education', tag: null })).toEqual([school]);
    expect(filterLibrary(all, index, { query: '', area: null, tag: 'accueil' })).toEqual([desk]);
    expect(filterLibrary(all, index, { query: 'school', area: 'welcoming_newcomers', tag: null })).toEqual(
      [],
    );
  });
});
