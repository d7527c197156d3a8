import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import type { Snippet, Translation } from '../../shared/schemas/snippet.ts';
import { snippetSchema } from '../../shared/schemas/snippet.ts';
import { findMemoryMatches, warmMemory } from '../../shared/translate/memory.ts';
import { textSimilarity } from '../../shared/translate/memory-similarity.ts';

const at = '2026-11-20T10:00:00.000Z';

function reviewed(lang: string, text: string, reviewedAt = at, reviewedBy = 'member-anna'): Translation {
  return { lang, text, engine: 'person', status: 'reviewed', reviewedBy, reviewedAt };
}
function machine(lang: string, text: string): Translation {
  return { lang, text, engine: 'libretranslate', status: 'machine', reviewedBy: null, reviewedAt: null };
}
function snippet(
  sourceText: string,
  sourceLang: string,
  translations: Translation[],
  over: Partial<Snippet> = {},
) {
  return snippetSchema.parse({
    id: uuidv7(),
    cityId: null,
    createdAt: at,
    updatedAt: at,
    createdBy: null,
    updatedBy: null,
    deletedAt: null,
    version: 0,
    sourceText,
    sourceLang,
    translations,
    sourceUrl: null,
    practiceId: null,
    ...over,
  });
}

const desk = snippet('The city opened a welcome desk for newcomers in the town hall.', 'en', [
  reviewed('fr', 'La ville a ouvert un guichet d’accueil pour les nouveaux arrivants à l’hôtel de ville.'),
  reviewed('it', 'La città ha aperto uno sportello di accoglienza per i nuovi arrivati in municipio.'),
]);
const festival = snippet('Le festival des quartiers réunit les habitants de toutes origines.', 'fr', [
  reviewed('en', 'The neighbourhood festival brings together residents of all backgrounds.'),
]);
const mediators = snippet('Il comune forma mediatori interculturali nelle scuole.', 'it', [
  reviewed('es', 'El ayuntamiento forma mediadores interculturales en las escuelas.'),
]);
const library = [desk, festival, mediators];

describe('translation memory: exact matches', () => {
  it('finds the same text despite case, spacing and Unicode normalisation', () => {
    const text = '  the CITY opened a welcome desk\nfor newcomers in the town hall. ';
    const [match, ...rest] = findMemoryMatches(text, 'en', 'fr', library);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({
      snippetId: desk.id,
      exact: true,
      similarity: 1,
      translation: 'La ville a ouvert un guichet d’accueil pour les nouveaux arrivants à l’hôtel de ville.',
      reviewedBy: 'member-anna',
      reviewedAt: at,
    });
    const decomposed = 'Le festival des quartiers réunit les habitants de toutes origines.'.normalize('NFD');
    expect(findMemoryMatches(decomposed, 'fr', 'en', library)[0]).toMatchObject({
      snippetId: festival.id,
      exact: true,
    });
  });

  it('answers the translation into the language asked for', () => {
    expect(findMemoryMatches(desk.sourceText, 'en', 'it', library)[0]?.translation).toBe(
      'La città ha aperto uno sportello di accoglienza per i nuovi arrivati in municipio.',
    );
    expect(findMemoryMatches(desk.sourceText, 'en', 'es', library)).toEqual([]);
  });
});

describe('translation memory: both ways and between translations', () => {
  const fr = 'La ville a ouvert un guichet d’accueil pour les nouveaux arrivants à l’hôtel de ville.';

  it('answers a reviewed translation with its source text, vouched for by its reviewer', () => {
    const [match, ...rest] = findMemoryMatches(fr, 'fr', 'en', library);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({
      snippetId: desk.id,
      exact: true,
      sourceText: fr,
      sourceLang: 'fr',
      translation: desk.sourceText,
      targetLang: 'en',
      reviewedBy: 'member-anna',
    });
    // Near matches too: one word changed.
    const near = findMemoryMatches(fr.replace('ville.', 'commune.'), 'fr', 'en', library);
    expect(near[0]).toMatchObject({ snippetId: desk.id, exact: false, translation: desk.sourceText });
  });

  it('answers one reviewed translation with another of the same text', () => {
    expect(findMemoryMatches(fr, 'fr', 'it', library)[0]).toMatchObject({
      snippetId: desk.id,
      translation: 'La città ha aperto uno sportello di accoglienza per i nuovi arrivati in municipio.',
      targetLang: 'it',
    });
    expect(findMemoryMatches(fr, 'fr', 'es', library)).toEqual([]);
  });

  it('never finds machine output, and never answers in the language of the text', () => {
    const unchecked = snippet('Open days at the town hall.', 'en', [
      machine('fr', 'Journées portes ouvertes.'),
    ]);
    expect(findMemoryMatches('Journées portes ouvertes.', 'fr', 'en', [unchecked])).toEqual([]);
    expect(findMemoryMatches(fr, 'fr', 'fr', library)).toEqual([]);
    expect(findMemoryMatches(desk.sourceText, 'en', 'en', library)).toEqual([]);
  });

  it('offers a snippet once, by the side that matches best', () => {
    const twice = snippet('Bonjour à tous.', 'fr', [
      reviewed('en', 'Bonjour à tous.'),
      reviewed('it', 'Ciao a tutti.'),
    ]);
    const found = findMemoryMatches('Bonjour à tous.', 'und', 'it', [twice]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ exact: true, translation: 'Ciao a tutti.' });
  });
});

describe('translation memory: near matches', () => {
  it('offers a sentence with one word changed, with its word-level similarity', () => {
    // 12 words, one substituted (newcomers → refugees): 1 − 1/12.
    const [match] = findMemoryMatches(
      'The city opened a welcome desk for refugees in the town hall.',
      'en',
      'fr',
      library,
    );
    expect(match).toMatchObject({ snippetId: desk.id, exact: false });
    expect(match!.similarity).toBeCloseTo(11 / 12, 10);
  });

  it('handles French, Italian and Spanish sentences with one word changed or removed', () => {
    // 10 words, one substituted (origines → cultures).
    const fr = findMemoryMatches(
      'Le festival des quartiers réunit les habitants de toutes cultures.',
      'fr',
      'en',
      library,
    );
    expect(fr[0]?.similarity).toBeCloseTo(9 / 10, 10);
    // One word deleted (interculturali) from the 7-word source: 1 − 1/7.
    const it = findMemoryMatches('Il comune forma mediatori nelle scuole.', 'it', 'es', library);
    expect(it[0]?.similarity).toBeCloseTo(6 / 7, 10);
    expect(it[0]?.translation).toBe('El ayuntamiento forma mediadores interculturales en las escuelas.');
  });

  it('ignores accents and punctuation in the similarity but not in exactness', () => {
    const [match] = findMemoryMatches(
      'Le festival des quartiers reunit les habitants de toutes origines',
      'fr',
      'en',
      library,
    );
    expect(match).toMatchObject({ exact: false, similarity: 1 });
  });

  it('leaves out texts below the threshold, and includes them when the threshold is lowered', () => {
    // 12 words against 12, four substituted: 8/12 ≈ 0.67.
    const text = 'The city opened a counselling service for families in the old hall.';
    expect(textSimilarity(text, desk.sourceText)).toBeCloseTo(8 / 12, 10);
    expect(findMemoryMatches(text, 'en', 'fr', library)).toEqual([]);
    expect(findMemoryMatches(text, 'en', 'fr', library, { minSimilarity: 0.6 })).toHaveLength(1);
    expect(findMemoryMatches('A completely different sentence about sports.', 'en', 'fr', library)).toEqual(
      [],
    );
  });
});

describe('translation memory: what counts', () => {
  it('uses reviewed translations only', () => {
    const unreviewed = snippet('Intercultural mediators work in every school.', 'en', [
      machine('fr', 'Des médiateurs interculturels travaillent dans chaque école.'),
    ]);
    expect(findMemoryMatches(unreviewed.sourceText, 'en', 'fr', [unreviewed])).toEqual([]);
  });

  it('takes the latest reviewed translation when a snippet has two in the language', () => {
    const twice = snippet('Welcome to all newcomers.', 'en', [
      reviewed('fr', 'Bienvenue aux nouveaux arrivants.', '2026-10-01T09:00:00Z', 'member-a'),
      reviewed(
        'fr',
        'Bienvenue à toutes les personnes nouvellement arrivées.',
        '2026-11-01T09:00:00Z',
        'member-b',
      ),
      machine('fr', 'Bienvenue à tous les nouveaux venus.'),
    ]);
    expect(findMemoryMatches(twice.sourceText, 'en', 'fr', [twice])[0]).toMatchObject({
      translation: 'Bienvenue à toutes les personnes nouvellement arrivées.',
      reviewedBy: 'member-b',
    });
  });

  it('leaves out deleted snippets', () => {
    const deleted = { ...desk, deletedAt: at };
    expect(findMemoryMatches(desk.sourceText, 'en', 'fr', [deleted])).toEqual([]);
  });

  it('filters by source language, an unknown source language matching any', () => {
    expect(findMemoryMatches(desk.sourceText, 'fr', 'it', library)).toEqual([]);
    expect(findMemoryMatches(desk.sourceText, 'und', 'it', library)[0]?.snippetId).toBe(desk.id);
    const unknown = snippet(desk.sourceText, 'und', [reviewed('fr', 'Texte relu.')]);
    expect(findMemoryMatches(desk.sourceText, 'en', 'fr', [unknown])[0]?.translation).toBe('Texte relu.');
  });

  it('compares languages by their base code (pt-BR translation for a pt target, en-GB source for en)', () => {
    const pt = snippet('Good practice from Lisbon.', 'en-GB', [reviewed('pt-BR', 'Boa prática de Lisboa.')]);
    expect(findMemoryMatches('Good practice from Lisbon.', 'en', 'pt', [pt])[0]?.translation).toBe(
      'Boa prática de Lisboa.',
    );
  });
});

describe('translation memory: order and limit', () => {
  const base = 'The library organises a language café every Tuesday evening.';
  const older = snippet(base, 'en', [reviewed('fr', 'ancienne', '2026-01-01T00:00:00Z')]);
  const newer = snippet(base.replace('Tuesday', 'Friday'), 'en', [
    reviewed('fr', 'récente', '2026-11-01T00:00:00Z'),
  ]);
  const sameScoreOlder = snippet(base.replace('Tuesday', 'Monday'), 'en', [
    reviewed('fr', 'lundi', '2026-02-01T00:00:00Z'),
  ]);
  const lower = snippet(base.replace('Tuesday evening', 'Monday morning'), 'en', [
    reviewed('fr', 'matin', '2026-12-01T00:00:00Z'),
  ]);

  it('sorts exact first, then by similarity, then the most recently reviewed', () => {
    const matches = findMemoryMatches(base, 'en', 'fr', [lower, sameScoreOlder, newer, older]);
    expect(matches.map((m) => m.translation)).toEqual(['ancienne', 'récente', 'lundi', 'matin']);
    expect(matches[0]!.exact).toBe(true);
    expect(matches[1]!.similarity).toBe(matches[2]!.similarity);
    expect(matches[2]!.similarity).toBeGreaterThan(matches[3]!.similarity);
  });

  it('returns at most `limit` matches', () => {
    expect(
      findMemoryMatches(base, 'en', 'fr', [lower, sameScoreOlder, newer, older], { limit: 2 }),
    ).toHaveLength(2);
  });
});

describe('translation memory: prefilter', () => {
  // Sentences sharing most words in different orders and lengths: the word-count and shared-word bounds must
  // never drop a snippet the similarity itself would keep.
  const words = 'la ville ouvre un guichet d accueil pour les nouveaux arrivants chaque mardi soir'.split(
    ' ',
  );
  const variants = Array.from({ length: 60 }, (_, i) => {
    const picked = words.filter((_, w) => (i * 7 + w * 3) % 5 !== 0 || w % 2 === 0);
    if (i % 3 === 0) picked.reverse();
    if (i % 4 === 0) picked.push('encore');
    return snippet(`${picked.join(' ')} ${i % 2 ? 'ici' : ''}`.trim(), 'fr', [
      reviewed('en', `variant ${i}`),
    ]);
  });

  it('keeps every snippet at or above the threshold, as a full comparison would', () => {
    warmMemory(variants);
    for (const query of variants.slice(0, 10)) {
      const expected = variants
        .filter((v) => textSimilarity(query.sourceText, v.sourceText) >= 0.7)
        .map((v) => v.id)
        .sort();
      const got = findMemoryMatches(query.sourceText, 'fr', 'en', variants, { limit: 100 })
        .map((m) => m.snippetId)
        .sort();
      expect(got).toEqual(expected);
      expect(got.length).toBeGreaterThan(1);
    }
  });
});
