// Which languages the translation view offers and how it names them: the city's language, English and French
// first (the ICC's working languages), then the languages of ICC member cities; names come from
// Intl.DisplayNames in the UI language. Also which languages Chrome's built-in Translator lacks, so the view
// can say "use the server engine for Catalan" before trying (availability() stays the final word).

/** Languages of ICC member cities (shared/taxonomy) and common migrant-community languages, after en/fr. */
export const otherTargetLanguages: readonly string[] = [
  'it',
  'es',
  'pt',
  'de',
  'nl',
  'ca',
  'eu',
  'gl',
  'no',
  'sv',
  'da',
  'is',
  'fi',
  'pl',
  'lt',
  'hr',
  'sr',
  'hu',
  'ro',
  'el',
  'mt',
  'tr',
  'uk',
  'ru',
  'ar',
  'he',
  'ja',
  'ko',
  'zh',
  'sq',
  'fa',
  'ur',
  'hi',
  'bn',
];

/**
 * Languages Chrome's built-in Translator offers (developer.chrome.com/docs/ai/translator-api, "supported
 * languages"; Hebrew is listed there as `iw`). Catalan, Basque, Galician, Albanian, Serbian, Georgian,
 * Armenian, Estonian, Latvian and others are missing.
 */
export const browserTranslatorLanguages: ReadonlySet<string> = new Set([
  'ar',
  'bg',
  'bn',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'fi',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'kn',
  'ko',
  'lt',
  'mr',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'ta',
  'te',
  'th',
  'tr',
  'uk',
  'vi',
  'zh',
  'zh-Hant',
]);

/** Deprecated ISO 639 codes browsers and engines still send. */
const legacyCodes: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro', nb: 'no' };

/**
 * A language code in canonical BCP 47 form: `pt_br` → `pt-BR`, `ZH-hant` → `zh-Hant`, `iw` → `he`, `nb` → `no`
 * (Norwegian as ICC cities and Chrome list it). Empty, `auto` or malformed input → `und`.
 */
export function normaliseLang(code: string | null | undefined): string {
  const key = code ?? '';
  let normalised = normalisedCache.get(key);
  if (normalised === undefined) {
    normalised = canonicalLang(key);
    // Codes are few; the cap only guards against a caller feeding arbitrary text.
    if (normalisedCache.size < 1000) normalisedCache.set(key, normalised);
  }
  return normalised;
}

// Intl.getCanonicalLocales costs microseconds; the memory compares languages of 10,000 snippets per lookup.
const normalisedCache = new Map<string, string>();

function canonicalLang(code: string): string {
  const raw = code.trim().replace(/_/g, '-');
  if (!raw || raw.toLowerCase() === 'auto') return 'und';
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(raw)[0] ?? 'und';
  } catch {
    return 'und';
  }
  const [base, ...rest] = canonical.split('-');
  return [legacyCodes[base!] ?? base!, ...rest].join('-');
}

/** The base language: `pt-BR` → `pt`, `zh-Hant-TW` → `zh`. */
export function baseLang(code: string | null | undefined): string {
  return normaliseLang(code).split('-')[0]!;
}

/** Same language for translation purposes: same base language (`pt-BR` and `pt` are one). */
export function sameLanguage(a: string | null | undefined, b: string | null | undefined): boolean {
  return baseLang(a) === baseLang(b);
}

/**
 * The target languages to offer, in order: the member's default (if set), the city's language, English,
 * French, then `otherTargetLanguages`; base codes, each once; the source language left out when known.
 */
export function targetLanguages(options: {
  cityLang?: string | null;
  defaultTarget?: string | null;
  sourceLang?: string | null;
}): string[] {
  const source = options.sourceLang ? baseLang(options.sourceLang) : 'und';
  const ordered = [options.defaultTarget, options.cityLang, 'en', 'fr', ...otherTargetLanguages]
    .filter((code): code is string => Boolean(code))
    .map(baseLang)
    .filter((code) => code !== 'und' && code !== source);
  return [...new Set(ordered)];
}

/** A language's name in the UI language (`fr` in French UI → "français"); the code itself if unknown. */
export function languageName(code: string, uiLang: string): string {
  const normalised = normaliseLang(code);
  if (normalised === 'und') return code;
  try {
    const names = new Intl.DisplayNames([uiLang, 'en'], { type: 'language', fallback: 'code' });
    return names.of(normalised) ?? code;
  } catch {
    return code;
  }
}

/** Whether Chrome's built-in Translator has this language (`zh-Hant` apart, by base language). */
export function browserTranslatorHasLanguage(code: string): boolean {
  const normalised = normaliseLang(code);
  if (normalised.startsWith('zh-Hant')) return browserTranslatorLanguages.has('zh-Hant');
  return browserTranslatorLanguages.has(baseLang(normalised));
}

/** The languages of a pair Chrome's built-in Translator lacks (empty: worth asking availability()). */
export function browserTranslatorLacks(sourceLang: string, targetLang: string): string[] {
  return [sourceLang, targetLang].filter(
    (code) => baseLang(code) !== 'und' && !browserTranslatorHasLanguage(code),
  );
}
