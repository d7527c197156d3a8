// "Who is best placed": filters, topic match, involvement in practices of the area, recency, explanations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RankablePractice, rankStakeholders } from '../../shared/contacts/ranking.ts';
import { stakeholder } from './contacts-fixtures.ts';

const now = Date.parse('2025-06-01T00:00:00.000Z');
const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
const sid = (n: number) => `0195f7a2-0000-7000-8000-00000000000${n}`;

const teacher = stakeholder({
  id: sid(1),
  name: 'Chloé Martin',
  topics: ['education'],
  languages: ['fr-BE'],
  type: 'academia',
});
const official = stakeholder({
  id: sid(2),
  name: 'Émile Durand',
  topics: ['education', 'participation'],
  type: 'elected_official',
  languages: ['fr', 'en'],
});
const activist = stakeholder({
  id: sid(3),
  name: 'Ana Souza',
  organisation: 'Associação Ponte',
  topics: ['participation'],
  type: 'civil_society',
  languages: ['pt'],
  notes: 'mentors newcomers',
});
const newcomer = stakeholder({
  id: sid(4),
  name: 'Zoë Kim',
  topics: [],
  type: 'civil_society',
  languages: ['en'],
});
const everyone = [teacher, official, activist, newcomer];

const practice = (
  n: number,
  areas: string[],
  ids: string[],
  age: number,
  deletedAt: string | null = null,
): RankablePractice => ({
  id: `p${n}`,
  areas,
  stakeholderIds: ids,
  clippedAt: daysAgo(age),
  deletedAt,
});

describe('rankStakeholders', () => {
  it('ranks by topic match first, then by involvement in practices of the area, and explains each result', () => {
    const practices = [
      practice(1, ['education'], [teacher.id], 10),
      practice(2, ['education', 'language'], [teacher.id, newcomer.id], 30),
      practice(3, ['participation'], [official.id], 5),
      practice(4, ['education'], [official.id], 400, '2025-05-01T00:00:00.000Z'),
    ];
    const ranked = rankStakeholders(everyone, practices, { topics: ['education'] }, { now });
    expect(ranked.map((r) => r.stakeholder.name)).toEqual(['Chloé Martin', 'Émile Durand', 'Zoë Kim']);
    expect(ranked[0]!.explanation).toMatchObject({
      matchedTopics: ['education'],
      practiceCount: 2,
      practiceIds: ['p1', 'p2'],
    });
    // Deleted practices and practices of other areas do not count.
    expect(ranked[1]!.explanation).toMatchObject({ matchedTopics: ['education'], practiceCount: 0 });
    // Involvement alone (no own topic) still finds a person, below those whose topics match.
    expect(ranked[2]!.explanation).toMatchObject({ matchedTopics: [], practiceCount: 1 });
    expect(ranked.map((r) => r.stakeholder.id)).not.toContain(activist.id);
  });

  it('recent involvement weighs more than old involvement', () => {
    const a = stakeholder({ id: sid(5), name: 'A', topics: ['education'] });
    const b = stakeholder({ id: sid(6), name: 'B', topics: ['education'] });
    const practices = [practice(1, ['education'], [a.id], 900), practice(2, ['education'], [b.id], 20)];
    const ranked = rankStakeholders([a, b], practices, { topics: ['education'] }, { now });
    expect(ranked.map((r) => r.stakeholder.name)).toEqual(['B', 'A']);
    expect(ranked[0]!.explanation.involvement).toBeGreaterThan(ranked[1]!.explanation.involvement);
    expect(
      rankStakeholders([a], [practice(3, ['education'], [a.id], 365)], {}, { now })[0]!.explanation
        .involvement,
    ).toBe(0.5);
  });

  it('matching more of the asked topics ranks higher', () => {
    const ranked = rankStakeholders(everyone, [], { topics: ['education', 'participation'] }, { now });
    expect(ranked[0]!.stakeholder.id).toBe(official.id);
    expect(ranked[0]!.explanation.matchedTopics).toEqual(['education', 'participation']);
  });

  it('filters by type, language (a base tag finds regional variants) and accent-insensitive text', () => {
    const names = (q: Parameters<typeof rankStakeholders>[2]) =>
      rankStakeholders(everyone, [], q, { now }).map((r) => r.stakeholder.name);
    expect(names({ type: 'civil_society' })).toEqual(['Ana Souza', 'Zoë Kim']);
    expect(names({ language: 'fr' })).toEqual(['Chloé Martin', 'Émile Durand']);
    expect(names({ language: 'FR-be' })).toEqual(['Chloé Martin']);
    expect(names({ text: 'chloe' })).toEqual(['Chloé Martin']);
    expect(names({ text: 'associacao pon' })).toEqual(['Ana Souza']);
    expect(names({ text: 'newcomers' })).toEqual(['Ana Souza']);
    expect(names({ text: 'emile', type: 'academia' })).toEqual([]);
  });

  it('is deterministic: the order never depends on the input order', () => {
    const practices = [
      practice(1, ['education'], [teacher.id, official.id], 10),
      practice(2, ['participation'], [activist.id], 50),
    ];
    const expected = rankStakeholders(
      everyone,
      practices,
      { topics: ['education', 'participation'] },
      { now },
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray(everyone, { minLength: 4, maxLength: 4 }),
        fc.shuffledSubarray(practices, { minLength: 2, maxLength: 2 }),
        (s, p) => {
          expect(rankStakeholders(s, p, { topics: ['education', 'participation'] }, { now })).toEqual(
            expected,
          );
        },
      ),
    );
  });
});
