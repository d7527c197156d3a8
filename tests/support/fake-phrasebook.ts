// The deterministic "translation" both fake engines (fake-libretranslate.ts, fake-deepl.ts) answer with: a
// small phrase table of ICC texts in English, French, Italian and Spanish, and for anything else the text
// prefixed with its target, `[fr] some text`. Tests compare answers against this table (fakeTranslate),
// never against figures the code under test produced.

export type PhraseLang = 'en' | 'fr' | 'it' | 'es';

export const phrasebook: readonly Readonly<Record<PhraseLang, string>>[] = [
  { en: 'Hello', fr: 'Bonjour', it: 'Ciao', es: 'Hola' },
  {
    en: 'Intercultural Cities',
    fr: 'Cités interculturelles',
    it: 'Città interculturali',
    es: 'Ciudades interculturales',
  },
  { en: 'good practice', fr: 'bonne pratique', it: 'buona pratica', es: 'buena práctica' },
  {
    en: 'The city council launched an anti-rumour campaign.',
    fr: 'Le conseil municipal a lancé une campagne anti-rumeurs.',
    it: 'Il consiglio comunale ha lanciato una campagna anti-dicerie.',
    es: 'El ayuntamiento lanzó una campaña antirrumores.',
  },
  {
    en: 'Welcome to the library',
    fr: 'Bienvenue à la bibliothèque',
    it: 'Benvenuti in biblioteca',
    es: 'Bienvenidos a la biblioteca',
  },
  {
    en: 'Migrants take part in the neighbourhood council.',
    fr: 'Les migrants participent au conseil de quartier.',
    it: 'I migranti partecipano al consiglio di quartiere.',
    es: 'Los migrantes participan en el consejo de barrio.',
  },
];

const langs: PhraseLang[] = ['en', 'fr', 'it', 'es'];

/** The language of a phrase of the table (confidence 95, LibreTranslate's 0–100 scale); else English at 25. */
export function fakeDetect(text: string): { language: string; confidence: number } {
  for (const entry of phrasebook) {
    for (const lang of langs) if (entry[lang] === text.trim()) return { language: lang, confidence: 95 };
  }
  return { language: 'en', confidence: 25 };
}

/** What the fakes answer for `text` from `source` (or `auto`) into `target` (lower-case base codes). */
export function fakeTranslate(
  text: string,
  source: string,
  target: string,
): { text: string; detected: string; confidence: number } {
  const detection = source === 'auto' ? fakeDetect(text) : { language: source, confidence: 100 };
  const from = detection.language as PhraseLang;
  const entry = phrasebook.find((e) => e[from] === text.trim());
  const translated =
    entry && (target as PhraseLang) in entry ? entry[target as PhraseLang] : `[${target}] ${text}`;
  return { text: translated, detected: detection.language, confidence: detection.confidence };
}
