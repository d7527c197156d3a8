// The built-in ICC glossary: the 18 Index area names and the four principles (labels from shared/taxonomy, the
// official EN/FR wording), and the programme's own terms in the Council of Europe's English and French usage.
// Later labels of a language are accepted variants; `avoid` lists renderings machine engines commonly produce
// instead ("Conseil européen" is a different body; the Index is not an "indice").
import { indexAreas, taxonomy } from '../taxonomy/index.ts';
import type { GlossaryConcept } from './glossary-types.ts';

/** Variants accepted beside an Index area's official name (a name is also used as an everyday word). */
const areaVariants: Record<string, { en?: string[]; fr?: string[] }> = {
  intercultural_lens: { en: ['intercultural lens'], fr: ['prisme interculturel'] },
  neighbourhoods: { en: ['neighborhood'], fr: ['quartier'] },
  public_services: { fr: ['services publics'] },
  business_labour_market: { en: ['labour market', 'labor market'], fr: ['marché du travail'] },
  mediation: { en: ['conflict resolution'], fr: ['résolution des conflits'] },
  international_outlook: { fr: ['ouverture internationale'] },
  intercultural_intelligence: { en: ['intercultural competence'], fr: ['compétence interculturelle'] },
  welcoming_newcomers: { en: ['newcomer'], fr: ['nouveaux arrivants', 'nouvel arrivant'] },
  anti_discrimination: { fr: ['lutte contre les discriminations', 'anti-discrimination'] },
  commitment: { en: ['engagement'] },
};

const areaConcepts: GlossaryConcept[] = indexAreas.map((area) => ({
  id: `area:${area.id}`,
  kind: 'index_area',
  labels: {
    en: [area.en, ...(areaVariants[area.id]?.en ?? [])],
    fr: [area.fr, ...(areaVariants[area.id]?.fr ?? [])],
  },
}));

const principleConcepts: GlossaryConcept[] = taxonomy.principles.map((principle) => ({
  id: `principle:${principle.id}`,
  kind: 'principle',
  labels: { en: [principle.en], fr: [principle.fr] },
  ...(principle.id === 'diversity' ? { avoid: { fr: ['avantage de diversité', 'avantage diversité'] } } : {}),
}));

function term(
  id: string,
  en: string[],
  fr: string[],
  avoid?: { en?: string[]; fr?: string[] },
): GlossaryConcept {
  return { id: `term:${id}`, kind: 'programme', labels: { en, fr }, ...(avoid ? { avoid } : {}) };
}

const programmeConcepts: GlossaryConcept[] = [
  term(
    'intercultural_cities_programme',
    ['Intercultural Cities programme', 'ICC programme'],
    ['programme des Cités interculturelles', 'programme Cités interculturelles'],
    { fr: ['programme des villes interculturelles', 'programme Villes interculturelles'] },
  ),
  term(
    'intercultural_cities_network',
    ['Intercultural Cities network', 'ICC network'],
    ['réseau des Cités interculturelles', 'réseau ICC'],
    { fr: ['réseau des villes interculturelles'] },
  ),
  term(
    'icc_index',
    ['ICC Index', 'Intercultural Cities Index', 'Intercultural City Index'],
    ['Index des Cités interculturelles', 'Index ICC'],
    {
      fr: [
        'indice des villes interculturelles',
        'indice des Cités interculturelles',
        'indice ICC',
        'index des villes interculturelles',
      ],
    },
  ),
  term('intercultural_city', ['intercultural city'], ['ville interculturelle', 'cité interculturelle']),
  term('intercultural_integration', ['intercultural integration'], ['intégration interculturelle']),
  term(
    'anti_rumour_strategy',
    ['anti-rumour strategy', 'anti-rumor strategy', 'antirumour strategy'],
    ['stratégie anti-rumeurs', 'stratégie antirumeurs'],
    { fr: ['stratégie contre les rumeurs', 'stratégie anti-rumour', 'stratégie anti-rumor'] },
  ),
  term(
    'anti_rumour_agent',
    ['anti-rumour agent', 'anti-rumor agent'],
    ['agent anti-rumeurs', 'agente anti-rumeurs'],
  ),
  term('good_practice', ['good practice'], ['bonne pratique']),
  term(
    'city_coordinator',
    ['city coordinator', 'ICC coordinator'],
    [
      'coordinateur·rice de ville',
      'coordinateur·rice·s de ville',
      'coordinateur de ville',
      'coordinatrice de ville',
      'coordinateur ICC',
      'coordinatrice ICC',
    ],
  ),
  term('national_network', ['national network'], ['réseau national']),
  term('council_of_europe', ['Council of Europe'], ["Conseil de l'Europe"], {
    fr: ['Conseil européen', "Conseil de l'Union européenne"],
  }),
  term('intercultural_dialogue', ['intercultural dialogue'], ['dialogue interculturel']),
  term('intercultural_mediation', ['intercultural mediation'], ['médiation interculturelle']),
  term('interculturalism', ['interculturalism'], ['interculturalisme']),
  term('equality', ['equality'], ['égalité']),
];

/** The built-in glossary, in priority order (on a tie between two concepts, the earlier one wins). */
export const iccGlossary: readonly GlossaryConcept[] = [
  ...principleConcepts,
  ...programmeConcepts,
  ...areaConcepts,
];
