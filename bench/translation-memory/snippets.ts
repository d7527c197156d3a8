// A city's translation memory for the translation-memory bench: sentences of the length coordinators
// translate (9–25 words), built from EN/FR/IT/ES phrase lists so they share vocabulary the way a real library
// does, each with a reviewed translation (and some machine-only ones, which the memory must skip). Seeded, so
// every run measures the same library and queries.
import { uuidv7 } from '../../shared/ids.ts';
import type { Snippet, Translation } from '../../shared/schemas/snippet.ts';

const phrases: Record<string, { subject: string[]; verb: string[]; object: string[]; tail: string[] }> = {
  en: {
    subject: [
      'The city',
      'The municipality',
      'Our intercultural office',
      'The youth council',
      'The library',
      'A network of associations',
      'The district council',
      'Volunteers from the neighbourhood',
    ],
    verb: ['opened', 'organises', 'supports', 'funds', 'trains', 'evaluates', 'coordinates', 'launched'],
    object: [
      'a welcome desk for newcomers',
      'language cafés for residents',
      'an anti-rumour strategy',
      'intercultural mediators in schools',
      'a festival of neighbourhoods',
      'training on unconscious bias',
      'a multilingual helpline',
      'sports clubs open to all backgrounds',
      'a mentoring scheme for migrant entrepreneurs',
      'public consultations in six languages',
    ],
    tail: [
      'in the town hall',
      'every Tuesday evening',
      'with local businesses',
      'since 2019',
      'across all districts',
      'together with the police',
      'during the summer holidays',
      'with support from the Council of Europe',
      'to reach isolated families',
      'in partnership with universities',
    ],
  },
  fr: {
    subject: [
      'La ville',
      'La municipalité',
      'Notre bureau interculturel',
      'Le conseil des jeunes',
      'La bibliothèque',
      'Un réseau d’associations',
      'Le conseil de quartier',
      'Des bénévoles du quartier',
    ],
    verb: ['a ouvert', 'organise', 'soutient', 'finance', 'forme', 'évalue', 'coordonne', 'a lancé'],
    object: [
      'un guichet d’accueil pour les nouveaux arrivants',
      'des cafés linguistiques pour les habitants',
      'une stratégie anti-rumeurs',
      'des médiateurs interculturels dans les écoles',
      'une fête des quartiers',
      'une formation sur les biais inconscients',
      'une ligne d’assistance multilingue',
      'des clubs sportifs ouverts à toutes les origines',
      'un programme de mentorat pour les entrepreneurs migrants',
      'des consultations publiques en six langues',
    ],
    tail: [
      'à l’hôtel de ville',
      'chaque mardi soir',
      'avec les entreprises locales',
      'depuis 2019',
      'dans tous les arrondissements',
      'avec la police',
      'pendant les vacances d’été',
      'avec le soutien du Conseil de l’Europe',
      'pour toucher les familles isolées',
      'en partenariat avec les universités',
    ],
  },
  it: {
    subject: [
      'La città',
      'Il comune',
      'Il nostro ufficio interculturale',
      'La consulta dei giovani',
      'La biblioteca',
      'Una rete di associazioni',
      'Il consiglio di quartiere',
      'I volontari del quartiere',
    ],
    verb: ['ha aperto', 'organizza', 'sostiene', 'finanzia', 'forma', 'valuta', 'coordina', 'ha lanciato'],
    object: [
      'uno sportello di accoglienza per i nuovi arrivati',
      'caffè linguistici per i residenti',
      'una strategia anti-dicerie',
      'mediatori interculturali nelle scuole',
      'una festa dei quartieri',
      'una formazione sui pregiudizi inconsci',
      'un numero verde multilingue',
      'società sportive aperte a tutti',
      'un programma di tutoraggio per imprenditori migranti',
      'consultazioni pubbliche in sei lingue',
    ],
    tail: [
      'in municipio',
      'ogni martedì sera',
      'con le imprese locali',
      'dal 2019',
      'in tutti i quartieri',
      'insieme alla polizia',
      'durante le vacanze estive',
      'con il sostegno del Consiglio d’Europa',
      'per raggiungere le famiglie isolate',
      'in collaborazione con le università',
    ],
  },
  es: {
    subject: [
      'La ciudad',
      'El ayuntamiento',
      'Nuestra oficina intercultural',
      'El consejo de la juventud',
      'La biblioteca',
      'Una red de asociaciones',
      'La junta de distrito',
      'Voluntarios del barrio',
    ],
    verb: ['abrió', 'organiza', 'apoya', 'financia', 'forma', 'evalúa', 'coordina', 'lanzó'],
    object: [
      'una oficina de acogida para recién llegados',
      'cafés de idiomas para los vecinos',
      'una estrategia antirrumores',
      'mediadores interculturales en las escuelas',
      'una fiesta de los barrios',
      'una formación sobre sesgos inconscientes',
      'una línea de ayuda multilingüe',
      'clubes deportivos abiertos a todos los orígenes',
      'un programa de mentoría para emprendedores migrantes',
      'consultas públicas en seis idiomas',
    ],
    tail: [
      'en el ayuntamiento',
      'cada martes por la tarde',
      'con las empresas locales',
      'desde 2019',
      'en todos los distritos',
      'junto con la policía',
      'durante las vacaciones de verano',
      'con el apoyo del Consejo de Europa',
      'para llegar a las familias aisladas',
      'en colaboración con las universidades',
    ],
  },
};

export const memoryLanguages = Object.keys(phrases);

/** mulberry32: a small seeded generator, enough for picking phrases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** One sentence: subject, verb, object, one or two tails; picks by index so two languages say the same thing. */
function sentence(lang: string, choice: number[]): string {
  const p = phrases[lang]!;
  const [s, v, o, t1, t2] = choice as [number, number, number, number, number];
  const tails = t2 >= 0 ? `${p.tail[t1]} ${p.tail[t2]}` : p.tail[t1];
  return `${p.subject[s]} ${p.verb[v]} ${p.object[o]} ${tails}.`;
}

function choiceOf(random: () => number): number[] {
  const p = phrases.en!;
  const index = (list: readonly string[]) => Math.floor(random() * list.length);
  return [
    index(p.subject),
    index(p.verb),
    index(p.object),
    index(p.tail),
    random() < 0.6 ? index(p.tail) : -1,
  ];
}

const at = '2026-01-01T00:00:00.000Z';

function translation(lang: string, text: string, reviewed: boolean, day: number): Translation {
  const reviewedAt = new Date(Date.parse(at) + day * 86_400_000).toISOString();
  return reviewed
    ? { lang, text, engine: 'person', status: 'reviewed', reviewedBy: 'member-bench', reviewedAt }
    : { lang, text, engine: 'libretranslate', status: 'machine', reviewedBy: null, reviewedAt: null };
}

/** `count` snippets, sources spread over the four languages, each translated into another (90 % reviewed). */
export function memorySnippets(count: number, seed = 42): Snippet[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const choice = choiceOf(random);
    const source = pick(random, memoryLanguages);
    const target = pick(
      random,
      memoryLanguages.filter((l) => l !== source),
    );
    return {
      id: uuidv7(),
      cityId: 'city-bench',
      createdAt: at,
      updatedAt: at,
      createdBy: 'member-bench',
      updatedBy: 'member-bench',
      deletedAt: null,
      version: i + 1,
      sourceText: sentence(source, choice),
      sourceLang: source,
      translations: [translation(target, sentence(target, choice), random() < 0.9, i % 300)],
      sourceUrl: null,
      practiceId: null,
    };
  });
}

export interface MemoryQuery {
  kind: 'exact' | 'one word changed' | 'new sentence' | 'the other way';
  text: string;
  sourceLang: string;
  targetLang: string;
}

/** Queries a coordinator would send: repeats of stored texts, the same with one word changed, new texts, and a
 * stored translation's text translated back into its source's language. */
export function memoryQueries(snippets: readonly Snippet[], count: number, seed = 7): MemoryQuery[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const stored = pick(random, snippets);
    const targetLang = stored.translations[0]!.lang;
    const kind = (['exact', 'one word changed', 'new sentence', 'the other way'] as const)[i % 4]!;
    let text = stored.sourceText;
    if (kind === 'the other way') {
      const back = stored.translations[0]!;
      return { kind, text: back.text, sourceLang: back.lang, targetLang: stored.sourceLang };
    }
    if (kind === 'one word changed') {
      const words = text.split(' ');
      words[Math.floor(random() * words.length)] = 'quindici';
      text = words.join(' ');
    } else if (kind === 'new sentence') {
      text = `${pick(random, phrases[stored.sourceLang]!.object)} — ${pick(random, phrases[stored.sourceLang]!.tail)}, ${i}.`;
    }
    return { kind, text, sourceLang: stored.sourceLang, targetLang };
  });
}
