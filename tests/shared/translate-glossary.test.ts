import { describe, expect, it } from 'vitest';
import { indexAreas, taxonomy } from '../../shared/taxonomy/index.ts';
import {
  applyGlossary,
  checkTranslation,
  findGlossaryMatches,
  iccGlossary,
  mergeGlossary,
} from '../../shared/translate/glossary.ts';

const found = (text: string, from: string, to: string, glossary = iccGlossary) =>
  findGlossaryMatches(text, from, to, glossary).map((m) => [m.conceptId, m.sourceTerm, m.targetTerm]);

describe('built-in ICC glossary', () => {
  it('has every Index area and principle with its taxonomy labels, and unique concept ids', () => {
    const ids = iccGlossary.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const area of indexAreas) {
      const concept = iccGlossary.find((c) => c.id === `area:${area.id}`);
      expect(concept?.labels.en?.[0]).toBe(area.en);
      expect(concept?.labels.fr?.[0]).toBe(area.fr);
    }
    for (const principle of taxonomy.principles) {
      expect(iccGlossary.find((c) => c.id === `principle:${principle.id}`)?.labels.fr?.[0]).toBe(
        principle.fr,
      );
    }
    expect(iccGlossary.filter((c) => c.kind === 'index_area')).toHaveLength(18);
  });

  it('uses the Council of Europe French for programme terms', () => {
    const fr = (id: string) => iccGlossary.find((c) => c.id === id)?.labels.fr?.[0];
    expect(fr('term:intercultural_city')).toBe('ville interculturelle');
    expect(fr('term:intercultural_cities_programme')).toBe('programme des Cités interculturelles');
    expect(fr('term:anti_rumour_strategy')).toBe('stratégie anti-rumeurs');
    expect(fr('term:icc_index')).toBe('Index des Cités interculturelles');
    expect(fr('term:council_of_europe')).toBe("Conseil de l'Europe");
    expect(fr('term:good_practice')).toBe('bonne pratique');
  });
});

describe('findGlossaryMatches', () => {
  it('finds programme terms in English with their offsets, the longest term winning', () => {
    const text =
      'The Intercultural Cities programme of the Council of Europe helps each intercultural city to design an anti-rumour strategy.';
    const matches = findGlossaryMatches(text, 'en', 'fr', iccGlossary);
    expect(matches.map((m) => [m.conceptId, m.sourceTerm, m.targetTerm])).toEqual([
      [
        'term:intercultural_cities_programme',
        'Intercultural Cities programme',
        'programme des Cités interculturelles',
      ],
      ['term:council_of_europe', 'Council of Europe', "Conseil de l'Europe"],
      ['term:intercultural_city', 'intercultural city', 'ville interculturelle'],
      ['term:anti_rumour_strategy', 'anti-rumour strategy', 'stratégie anti-rumeurs'],
    ]);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.sourceTerm);
  });

  it('prefers the principle "Active citizenship and participation" over the area "Participation"', () => {
    expect(found('Our plan puts active citizenship and participation first.', 'en', 'fr')).toEqual([
      [
        'principle:participation',
        'active citizenship and participation',
        'Citoyenneté active et participation',
      ],
    ]);
    expect(found('Participation of residents in the budget.', 'en', 'fr')).toEqual([
      ['area:participation', 'Participation', 'Participation'],
    ]);
  });

  it('leaves elided articles outside the term in French (straight and typographic apostrophes)', () => {
    const text =
      "L'avantage de la diversité est mesuré par l’Index des Cités interculturelles du Conseil de l’Europe.";
    const matches = findGlossaryMatches(text, 'fr', 'en', iccGlossary);
    expect(matches.map((m) => [m.conceptId, m.sourceTerm])).toEqual([
      ['principle:diversity', 'avantage de la diversité'],
      ['term:icc_index', 'Index des Cités interculturelles'],
      ['term:council_of_europe', 'Conseil de l’Europe'],
    ]);
    expect(matches[0]!.start).toBe(2);
  });

  it('ignores case and accents', () => {
    expect(found('EGALITE REELLE et avantage de la diversite', 'fr', 'en')).toEqual([
      ['principle:equality', 'EGALITE REELLE', 'Real equality'],
      ['principle:diversity', 'avantage de la diversite', 'Diversity advantage'],
    ]);
  });

  it('matches simple plurals in English and French', () => {
    expect(
      found('Three good practices from national networks and intercultural cities.', 'en', 'fr'),
    ).toEqual([
      ['term:good_practice', 'good practices', 'bonne pratique'],
      ['term:national_network', 'national networks', 'réseau national'],
      ['term:intercultural_city', 'intercultural cities', 'ville interculturelle'],
    ]);
    expect(found('Les réseaux nationaux des villes interculturelles', 'fr', 'en')).toEqual([
      ['term:national_network', 'réseaux nationaux', 'national network'],
      ['term:intercultural_city', 'villes interculturelles', 'intercultural city'],
    ]);
  });

  it('matches whole words only', () => {
    expect(found('An interactive, participatory and educational approach.', 'en', 'fr')).toEqual([]);
    expect(found('Interactions between languages', 'en', 'fr')).toEqual([
      ['area:interaction', 'Interactions', 'Interaction'],
      ['area:language', 'languages', 'Langue'],
    ]);
  });

  it('does not join the words of a term across punctuation, but across hyphens, spaces and middle dots', () => {
    expect(found('We met the Council. Of Europe we know little.', 'en', 'fr')).toEqual([]);
    expect(found('An anti rumour strategy', 'en', 'fr')).toEqual([
      ['term:anti_rumour_strategy', 'anti rumour strategy', 'stratégie anti-rumeurs'],
    ]);
    expect(found('Les coordinateur·rices de ville se réunissent.', 'fr', 'en')).toEqual([
      ['term:city_coordinator', 'coordinateur·rices de ville', 'city coordinator'],
    ]);
  });

  it('reports only concepts with a label in the target language', () => {
    expect(found('The intercultural city and its good practice', 'en', 'it')).toEqual([]);
  });

  it('matches labels of any language when the source language is unknown', () => {
    expect(found('Le Conseil de l’Europe and the Council of Europe', 'und', 'en')).toEqual([
      ['term:council_of_europe', 'Conseil de l’Europe', 'Council of Europe'],
    ]);
  });
});

describe('mergeGlossary with a city’s terms (Italian and Spanish)', () => {
  const glossary = mergeGlossary(iccGlossary, [
    {
      id: 't1',
      conceptId: 'term:intercultural_city',
      labels: { it: 'città interculturale', es: 'ciudad intercultural' },
    },
    { id: 't2', conceptId: 'term:good_practice', labels: { it: ['buona pratica'], es: 'buena práctica' } },
    {
      id: 't3',
      conceptId: null,
      labels: { it: 'consulta dei giovani', en: 'youth council', fr: 'conseil des jeunes' },
    },
    { id: 't4', conceptId: 'term:council_of_europe', labels: { fr: 'Conseil de l’Europe (CdE)' } },
  ]);

  it('adds local labels to built-in concepts and keeps the city’s own concepts', () => {
    expect(glossary.find((c) => c.id === 'term:intercultural_city')?.labels.it).toEqual([
      'città interculturale',
    ]);
    expect(glossary.find((c) => c.id === 'city:t3')).toMatchObject({
      kind: 'city',
      labels: { en: ['youth council'] },
    });
    expect(glossary).toHaveLength(iccGlossary.length + 1);
    // The built-in glossary itself is not changed.
    expect(iccGlossary.find((c) => c.id === 'term:intercultural_city')?.labels.it).toBeUndefined();
  });

  it('puts the city’s label first and keeps the built-in one as a variant', () => {
    expect(glossary.find((c) => c.id === 'term:council_of_europe')?.labels.fr).toEqual([
      'Conseil de l’Europe (CdE)',
      "Conseil de l'Europe",
    ]);
  });

  it('finds Italian plurals and elisions', () => {
    const text =
      "Le città interculturali della rete condividono le buone pratiche con la consulta dei giovani dell'ambito.";
    expect(found(text, 'it', 'en', glossary)).toEqual([
      ['term:intercultural_city', 'città interculturali', 'intercultural city'],
      ['term:good_practice', 'buone pratiche', 'good practice'],
      ['city:t3', 'consulta dei giovani', 'youth council'],
    ]);
    expect(found('Dell’integrazione interculturale', 'it', 'fr', glossary)).toEqual([]);
  });

  it('finds Spanish plurals and accents', () => {
    const text = 'Las ciudades interculturales de la red RECI comparten sus buenas practicas.';
    expect(found(text, 'es', 'fr', glossary)).toEqual([
      ['term:intercultural_city', 'ciudades interculturales', 'ville interculturelle'],
      ['term:good_practice', 'buenas practicas', 'bonne pratique'],
    ]);
  });

  it('translates into the local language with the city’s labels', () => {
    expect(found('A youth council for every intercultural city', 'en', 'it', glossary)).toEqual([
      ['city:t3', 'youth council', 'consulta dei giovani'],
      ['term:intercultural_city', 'intercultural city', 'città interculturale'],
    ]);
  });
});

describe('checkTranslation', () => {
  const source =
    'Each intercultural city of the Council of Europe writes an anti-rumour strategy and shares good practices.';
  const matches = findGlossaryMatches(source, 'en', 'fr', iccGlossary);

  it('says which terms the translation renders, accepting plurals, accents, case and variants', () => {
    const translation =
      'Chaque CITE INTERCULTURELLE du Conseil européen rédige des stratégies anti-rumeurs et partage de bonnes pratiques.';
    expect(checkTranslation(translation, matches).map((c) => [c.conceptId, c.present])).toEqual([
      ['term:intercultural_city', true],
      ['term:council_of_europe', false],
      ['term:anti_rumour_strategy', true],
      ['term:good_practice', true],
    ]);
  });

  it('reports every term missing from an unrelated text', () => {
    expect(checkTranslation('Bonjour à tous.', matches).every((c) => !c.present)).toBe(true);
  });
});

describe('applyGlossary', () => {
  const source =
    'The Intercultural Cities programme of the Council of Europe measures the diversity advantage with the ICC Index.';
  const matches = findGlossaryMatches(source, 'en', 'fr', iccGlossary);
  const machine =
    "Le programme Villes interculturelles du Conseil européen mesure l'avantage de diversité avec l'indice ICC.";

  it('replaces known wrong renderings, keeping the sentence around them and the elided article', () => {
    const result = applyGlossary(machine, matches, { replace: matches.map((m) => m.conceptId) });
    expect(result.text).toBe(
      "Le programme des Cités interculturelles du Conseil de l'Europe mesure l'avantage de la diversité avec l'Index des Cités interculturelles.",
    );
    expect(result.applied.map((a) => [a.conceptId, a.from])).toEqual([
      ['term:intercultural_cities_programme', 'programme Villes interculturelles'],
      ['term:council_of_europe', 'Conseil européen'],
      ['principle:diversity', 'avantage de diversité'],
      ['term:icc_index', 'indice ICC'],
    ]);
    for (const a of result.applied) expect(result.text.slice(a.start, a.end)).toBe(a.to);
    expect(result.suggestions).toEqual([]);
  });

  it('replaces only the concepts asked for', () => {
    const result = applyGlossary(machine, matches, { replace: ['term:council_of_europe'] });
    expect(result.text).toBe(
      "Le programme Villes interculturelles du Conseil de l'Europe mesure l'avantage de diversité avec l'indice ICC.",
    );
  });

  it('replaces a term the engine left untranslated, keeping a capital at the start of a sentence', () => {
    const m = findGlossaryMatches(
      'Intercultural Cities programme: call for cities.',
      'en',
      'fr',
      iccGlossary,
    );
    const result = applyGlossary('Intercultural Cities programme : appel aux villes.', m, {
      replace: ['term:intercultural_cities_programme'],
    });
    expect(result.text).toBe('Programme des Cités interculturelles : appel aux villes.');
  });

  it('returns a paraphrased term as a suggestion and leaves the text alone', () => {
    const m = findGlossaryMatches('Our anti-rumour strategy works.', 'en', 'fr', iccGlossary);
    const paraphrase = 'Notre plan pour combattre les préjugés fonctionne.';
    const result = applyGlossary(paraphrase, m, { replace: ['term:anti_rumour_strategy'] });
    expect(result.text).toBe(paraphrase);
    expect(result.applied).toEqual([]);
    expect(result.suggestions.map((s) => [s.conceptId, s.targetTerm])).toEqual([
      ['term:anti_rumour_strategy', 'stratégie anti-rumeurs'],
    ]);
  });

  it('leaves terms already rendered correctly untouched', () => {
    const correct = "Le programme des Cités interculturelles du Conseil de l'Europe.";
    const result = applyGlossary(correct, matches, { replace: matches.map((m) => m.conceptId) });
    expect(result.text).toBe(correct);
    expect(result.applied).toEqual([]);
    expect(result.suggestions.map((s) => s.conceptId)).toEqual(['principle:diversity', 'term:icc_index']);
  });
});
