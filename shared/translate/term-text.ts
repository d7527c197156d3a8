// How the glossary reads text: words with their offsets, compared case- and accent-insensitively and with
// simple plural folding, so that "Intercultural Cities", "intercultural city" and "l'Intercultural City" are
// the same term. Shared by glossary matching (source text), checking and applying (translated text).
//
// Rules (the glossary's documented behaviour):
// - A word is a run of letters, digits and combining marks. Everything else separates words, so an elided
//   article stays outside the match: in "l'avantage de la diversité" the term starts at "avantage";
//   "dell'integrazione" matches "integrazione".
// - Words compare after NFKD, dropping accents, lower-casing (œ → oe, æ → ae, ß → ss), then the language's
//   plural folding (see `wordKey`).
// - The words of a multi-word term must follow each other separated only by spaces, hyphens, apostrophes
//   or the inclusive-writing middle dot: "anti-rumour" = "anti rumour", "coordinateur·rice"; a comma, full
//   stop or bracket between two words breaks the term.
import { foldText } from '../search/fold.ts';
import { baseLang } from './languages.ts';

export interface Word {
  /** The word's comparison key (folded, plural-folded). */
  key: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const joinerPattern = /^[\s\-‐‑'’·]+$/u;

/**
 * Plural folding, deliberately simple (a shared key for singular and plural, not a stemmer):
 * - en: -ies → -y, -ches/-shes/-sses/-xes drop -es, other final -s dropped (not -ss, -us, -is);
 * - fr: -eaux → -eau, -aux → -al, final -s/-x dropped;
 * - pt: -ões → -ão, -ais → -al, -ns → -m, other final -s dropped;
 * - es/ca: final -s dropped, then a final -e after a consonant (ciudad/ciudades, clase/clases share a key);
 *   es -ces → -z;
 * - it: final vowel dropped, then -ch/-gh → -c/-g (pratica/pratiche, buona/buone share a key — gender too);
 * - other languages: no folding (a city can list plural forms as extra labels).
 * Words of three letters or fewer are never folded.
 */
export function wordKey(folded: string, lang: string): string {
  if (folded.length <= 3) return folded;
  switch (lang) {
    case 'en':
      if (folded.endsWith('ies')) return `${folded.slice(0, -3)}y`;
      if (/(ch|sh|ss|x)es$/.test(folded)) return folded.slice(0, -2);
      if (/[^su]s$/.test(folded) && !folded.endsWith('is')) return folded.slice(0, -1);
      return folded;
    case 'fr':
      if (folded.endsWith('eaux')) return folded.slice(0, -1);
      if (folded.endsWith('aux')) return `${folded.slice(0, -3)}al`;
      if (/[sx]$/.test(folded)) return folded.slice(0, -1);
      return folded;
    case 'pt':
      if (folded.endsWith('oes')) return `${folded.slice(0, -3)}ao`;
      if (folded.endsWith('ais')) return `${folded.slice(0, -3)}al`;
      if (folded.endsWith('ns')) return `${folded.slice(0, -2)}m`;
      return folded.endsWith('s') ? folded.slice(0, -1) : folded;
    case 'es':
    case 'ca': {
      if (lang === 'es' && folded.endsWith('ces')) return `${folded.slice(0, -3)}z`;
      const singular = folded.endsWith('s') ? folded.slice(0, -1) : folded;
      return /[^aeiou]e$/.test(singular) ? singular.slice(0, -1) : singular;
    }
    case 'it': {
      const stem = /[aeio]$/.test(folded) ? folded.slice(0, -1) : folded;
      return stem.replace(/([cg])h$/, '$1');
    }
    default:
      return folded;
  }
}

/** The base language of a code: `pt-BR` → `pt`, `iw` → `he`, empty or `auto` → `und`. */
export const baseOf: (lang: string) => string = baseLang;

/** The words of a text with their offsets in the original string (UTF-16 indices). */
export function wordsOf(text: string, lang: string): Word[] {
  const base = baseOf(lang);
  const words: Word[] = [];
  for (const m of text.matchAll(wordPattern)) {
    words.push({ key: wordKey(foldText(m[0]), base), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** The comparison keys of a term's words. */
export function termKeys(term: string, lang: string): string[] {
  return wordsOf(term, lang).map((w) => w.key);
}

/**
 * Where `keys` occur in `words` (as indices of their first word), respecting the joiner rule: consecutive
 * words of the term may be separated only by spaces, hyphens, apostrophes or a middle dot in `text`.
 */
export function findKeys(text: string, words: readonly Word[], keys: readonly string[]): number[] {
  const found: number[] = [];
  if (keys.length === 0) return found;
  outer: for (let i = 0; i + keys.length <= words.length; i++) {
    for (let k = 0; k < keys.length; k++) {
      const word = words[i + k]!;
      if (word.key !== keys[k]) continue outer;
      if (k > 0 && !joinerPattern.test(text.slice(words[i + k - 1]!.end, word.start))) continue outer;
    }
    found.push(i);
  }
  return found;
}
