// The ICC glossary at work on a translation: merge the city's terms into the built-in glossary, find the
// glossary's terms in a source text, and check whether a translation renders each one as the glossary says,
// so ICC terminology stays consistent across cities and engines. Matching rules: see term-text.ts (case- and
// accent-insensitive whole words, elided articles left outside, simple plurals); where two terms overlap, the
// longer one (in words, then characters) wins, then the earlier one in the glossary.
import type { CityGlossaryTerm, Glossary, GlossaryConcept, GlossaryMatch } from './glossary-types.ts';
import { baseOf, findKeys, termKeys, type Word, wordsOf } from './term-text.ts';

export { applyGlossary } from './glossary-apply.ts';
export { checkTranslation, containsTerm } from './glossary-check.ts';
export type * from './glossary-types.ts';
export { iccGlossary } from './icc-glossary.ts';

function asList(value: string | readonly string[]): string[] {
  return (typeof value === 'string' ? [value] : [...value]).map((s) => s.trim()).filter(Boolean);
}

/**
 * The built-in glossary with the city's terms: a term naming a built-in concept (`conceptId`) adds its labels
 * to that concept — placed first, so the city's wording is preferred, the built-in ones stay accepted — and a
 * term without one (or naming an unknown concept) becomes the city's own concept `city:<id>`.
 */
export function mergeGlossary(builtIn: Glossary, cityTerms: readonly CityGlossaryTerm[]): GlossaryConcept[] {
  const merged = builtIn.map((c) => ({ ...c, labels: { ...c.labels } }));
  const byId = new Map(merged.map((c) => [c.id, c]));
  for (const cityTerm of cityTerms) {
    const labels: Record<string, string[]> = {};
    for (const [lang, value] of Object.entries(cityTerm.labels)) {
      const list = asList(value);
      if (list.length > 0) labels[baseOf(lang)] = [...(labels[baseOf(lang)] ?? []), ...list];
    }
    const concept = cityTerm.conceptId ? byId.get(cityTerm.conceptId) : undefined;
    if (concept) {
      for (const [lang, list] of Object.entries(labels)) {
        concept.labels[lang] = [...new Set([...list, ...(concept.labels[lang] ?? [])])];
      }
    } else if (Object.keys(labels).length > 0) {
      const own: GlossaryConcept = { id: `city:${cityTerm.id}`, kind: 'city', labels };
      merged.push(cityTerm.note ? { ...own, note: cityTerm.note } : own);
    }
  }
  return merged;
}

interface Candidate {
  order: number;
  concept: GlossaryConcept;
  first: number;
  words: number;
}

function labelsFor(concept: GlossaryConcept, sourceBase: string, targetBase: string): string[] {
  if (sourceBase !== 'und') return [...(concept.labels[sourceBase] ?? [])];
  return Object.entries(concept.labels).flatMap(([lang, list]) => (lang === targetBase ? [] : [...list]));
}

function wrongRenderings(concept: GlossaryConcept, targetBase: string, accepted: string[]): string[] {
  const acceptedKeys = new Set(accepted.map((label) => termKeys(label, targetBase).join(' ')));
  const others = Object.entries(concept.labels).flatMap(([lang, list]) => (lang === targetBase ? [] : list));
  const wrong = [...(concept.avoid?.[targetBase] ?? []), ...others];
  return [...new Set(wrong)].filter((label) => !acceptedKeys.has(termKeys(label, targetBase).join(' ')));
}

/**
 * The glossary's terms in `sourceText`, in text order, without overlaps. Only concepts with a label in the
 * target language are reported (nothing to check otherwise). A source language of `und` (unknown) matches
 * labels of every language but the target's, without plural folding.
 */
export function findGlossaryMatches(
  sourceText: string,
  sourceLang: string,
  targetLang: string,
  glossary: Glossary,
): GlossaryMatch[] {
  const sourceBase = baseOf(sourceLang || 'und');
  const targetBase = baseOf(targetLang);
  const words: Word[] = wordsOf(sourceText, sourceBase);
  const candidates: Candidate[] = [];
  glossary.forEach((concept, order) => {
    if (!concept.labels[targetBase]?.length) return;
    for (const label of labelsFor(concept, sourceBase, targetBase)) {
      const keys = termKeys(label, sourceBase);
      for (const first of findKeys(sourceText, words, keys)) {
        candidates.push({ order, concept, first, words: keys.length });
      }
    }
  });
  const span = (c: Candidate) => words[c.first + c.words - 1]!.end - words[c.first]!.start;
  candidates.sort((a, b) => b.words - a.words || span(b) - span(a) || a.first - b.first || a.order - b.order);
  const taken = new Uint8Array(words.length);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (taken.subarray(c.first, c.first + c.words).some(Boolean)) continue;
    taken.fill(1, c.first, c.first + c.words);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.first - b.first);
  return chosen.map(({ concept, first, words: count }) => {
    const [targetTerm, ...targetAlternatives] = concept.labels[targetBase]!;
    const start = words[first]!.start;
    const end = words[first + count - 1]!.end;
    return {
      conceptId: concept.id,
      kind: concept.kind,
      sourceTerm: sourceText.slice(start, end),
      targetTerm: targetTerm!,
      targetAlternatives,
      targetLang: targetBase,
      wrongRenderings: wrongRenderings(concept, targetBase, [targetTerm!, ...targetAlternatives]),
      start,
      end,
    };
  });
}
