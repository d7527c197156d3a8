// Translation memory for the Translate tab: the city's reviewed translations into the target language whose
// source is the same as, or close to, the text at hand — exact first, then by similarity. Adapter over the
// snippets this browser holds (synced from the whole city).
import type { Snippet } from '../../shared/schemas/snippet.ts';
import { sameLanguage } from '../../shared/translate/languages.ts';

export interface MemorySuggestion {
  snippetId: string;
  sourceText: string;
  text: string;
  /** 0–1. */
  similarity: number;
  exact: boolean;
  engine: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

const minSimilarity = 0.6;

function normalise(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

function words(text: string): string[] {
  return normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient over word bigrams (single words for very short texts). */
function similarity(a: string, b: string): number {
  const grams = (ws: string[]) => (ws.length < 2 ? ws : ws.slice(1).map((w, i) => `${ws[i]} ${w}`));
  const x = grams(words(a));
  const y = grams(words(b));
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

export function memorySuggestions(
  snippets: readonly Snippet[],
  input: { text: string; sourceLang: string; targetLang: string },
): MemorySuggestion[] {
  const wanted = normalise(input.text);
  const found: MemorySuggestion[] = [];
  for (const snippet of snippets) {
    if (input.sourceLang !== 'und' && !sameLanguage(snippet.sourceLang, input.sourceLang)) continue;
    const translation = snippet.translations.find(
      (t) => t.status === 'reviewed' && sameLanguage(t.lang, input.targetLang),
    );
    if (!translation) continue;
    const exact = normalise(snippet.sourceText) === wanted;
    const score = exact ? 1 : similarity(snippet.sourceText, input.text);
    if (score < minSimilarity) continue;
    found.push({
      snippetId: snippet.id,
      sourceText: snippet.sourceText,
      text: translation.text,
      similarity: score,
      exact,
      engine: translation.engine,
      reviewedBy: translation.reviewedBy,
      reviewedAt: translation.reviewedAt,
    });
  }
  return found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.similarity - a.similarity).slice(0, 5);
}
