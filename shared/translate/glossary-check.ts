// Whether a translation renders the glossary's terms: the check behind the translation view's terminology
// warnings, by the same matching rules as the source side (term-text.ts).
import type { GlossaryCheck, GlossaryMatch } from './glossary-types.ts';
import { findKeys, termKeys, type Word, wordsOf } from './term-text.ts';

/** Whether `translatedText` contains `labels` (any of them), by the glossary's matching rules. */
export function containsTerm(translatedText: string, lang: string, labels: readonly string[]): boolean {
  const words = wordsOf(translatedText, lang);
  return labels.some((label) => findKeys(translatedText, words, termKeys(label, lang)).length > 0);
}

/**
 * Each match with whether the translation renders it as the glossary says: the target term or an accepted
 * variant appears anywhere in the translation (presence, not count or position: a concept named twice in the
 * source and once in the translation is reported present).
 */
export function checkTranslation(translatedText: string, matches: readonly GlossaryMatch[]): GlossaryCheck[] {
  const wordsByLang = new Map<string, Word[]>();
  return matches.map((match) => {
    let words = wordsByLang.get(match.targetLang);
    if (!words) {
      words = wordsOf(translatedText, match.targetLang);
      wordsByLang.set(match.targetLang, words);
    }
    const labels = [match.targetTerm, ...match.targetAlternatives];
    const present = labels.some(
      (label) => findKeys(translatedText, words, termKeys(label, match.targetLang)).length > 0,
    );
    return { ...match, present };
  });
}
