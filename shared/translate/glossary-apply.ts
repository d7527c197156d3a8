// "Apply" on a glossary warning: put the glossary's term in place of a wrong rendering in the translation —
// only where that rendering can be located safely, i.e. the translation contains one of the concept's known
// wrong renderings (`avoid`) or its label in another language (left untranslated). Anything else (the engine
// paraphrased the term) cannot be located without guessing, so it comes back as a suggestion for the member.
// Articles and agreement around the replaced words are not adjusted: the member reviews the result.

import { checkTranslation } from './glossary-check.ts';
import type { GlossaryApplication, GlossaryMatch, GlossaryReplacement } from './glossary-types.ts';
import { findKeys, termKeys, wordsOf } from './term-text.ts';

interface Span {
  match: GlossaryMatch;
  start: number;
  end: number;
}

/**
 * Keep the original's capitalisation: ALL CAPS stays all caps, a capital first letter stays capital; a title
 * (Index area, principle) put in place of lower-case words loses its heading capital.
 */
function styled(original: string, match: GlossaryMatch): string {
  const { targetTerm: replacement, targetLang: lang } = match;
  if (original.length > 1 && original === original.toLocaleUpperCase(lang) && /\p{Lu}/u.test(original)) {
    return replacement.toLocaleUpperCase(lang);
  }
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toLocaleUpperCase(lang) + replacement.slice(1);
  if (match.kind === 'index_area' || match.kind === 'principle') {
    return replacement.charAt(0).toLocaleLowerCase(lang) + replacement.slice(1);
  }
  return replacement;
}

export function applyGlossary(
  translatedText: string,
  matches: readonly GlossaryMatch[],
  options: { replace: readonly string[] },
): GlossaryApplication {
  const wanted = new Set(options.replace);
  const missing = new Map<string, GlossaryMatch>();
  for (const check of checkTranslation(translatedText, matches)) {
    if (wanted.has(check.conceptId) && !check.present && !missing.has(check.conceptId)) {
      const { present: _present, ...match } = check;
      missing.set(check.conceptId, match);
    }
  }

  const spans: Span[] = [];
  for (const match of missing.values()) {
    const words = wordsOf(translatedText, match.targetLang);
    for (const wrong of match.wrongRenderings) {
      const keys = termKeys(wrong, match.targetLang);
      for (const first of findKeys(translatedText, words, keys)) {
        spans.push({ match, start: words[first]!.start, end: words[first + keys.length - 1]!.end });
      }
    }
  }
  // Overlapping spans (two concepts' wrong renderings on the same words): the longer wins.
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of spans) {
    if (kept.every((k) => span.end <= k.start || span.start >= k.end)) kept.push(span);
  }
  kept.sort((a, b) => a.start - b.start);

  let text = '';
  let cursor = 0;
  const applied: GlossaryReplacement[] = [];
  for (const span of kept) {
    const from = translatedText.slice(span.start, span.end);
    const to = styled(from, span.match);
    text += translatedText.slice(cursor, span.start);
    applied.push({
      conceptId: span.match.conceptId,
      from,
      to,
      start: text.length,
      end: text.length + to.length,
    });
    text += to;
    cursor = span.end;
  }
  text += translatedText.slice(cursor);
  const appliedIds = new Set(applied.map((a) => a.conceptId));
  const suggestions = [...missing.values()].filter((m) => !appliedIds.has(m.conceptId));
  return { text, applied, suggestions };
}
