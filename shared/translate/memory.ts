// Translation memory: the city's reviewed translations offered again when the same or a similar text comes
// up, exact matches first, then near matches with their similarity (memory-similarity.ts). Only translations
// a person reviewed count; machine output is never recycled as if it were checked.
//
// Speed: each snippet's words are computed once per snippet object (snippets are immutable records, so a
// WeakMap cache is safe) and candidates are dropped before any edit distance by two bounds that never drop
// a real match: the word-count ratio (similarity ≤ shorter / longer) and shared words (similarity ≤ words of
// the candidate found in the text / longer).
import type { Snippet, Translation } from '../schemas/snippet.ts';
import { baseLang } from './languages.ts';
import { vocabularySize, wordIds, wordSimilarity } from './memory-similarity.ts';

export interface MemoryMatch {
  snippetId: string;
  sourceText: string;
  sourceLang: string;
  translation: string;
  targetLang: string;
  /** 0–1; 1 for exact matches (and for texts differing only in accents or punctuation, with `exact` false). */
  similarity: number;
  /** Equal after normalising Unicode (NFC), whitespace and case. */
  exact: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface MemoryOptions {
  /** Near matches below this similarity are left out (default 0.7). */
  minSimilarity?: number;
  /** At most this many matches (default 5). */
  limit?: number;
}

interface Prepared {
  exactKey: string;
  words: Int32Array;
  sourceBase: string;
  /** The latest reviewed translation per target base language. */
  reviewed: Map<string, Translation>;
}

const prepared = new WeakMap<Snippet, Prepared>();

/** The exact-match key: NFC, whitespace runs as one space, trimmed, lower case. */
export function exactKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);

function latestReviewed(snippet: Snippet): Map<string, Translation> {
  const byLang = new Map<string, Translation>();
  for (const t of snippet.translations) {
    if (t.status !== 'reviewed') continue;
    const lang = baseLang(t.lang);
    const best = byLang.get(lang);
    if (!best || time(t.reviewedAt) > time(best.reviewedAt)) byLang.set(lang, t);
  }
  return byLang;
}

/** Everything a lookup needs from a snippet, computed once per snippet object (snippets are not mutated). */
function prepare(snippet: Snippet): Prepared {
  let p = prepared.get(snippet);
  if (!p) {
    p = {
      exactKey: exactKey(snippet.sourceText),
      words: wordIds(snippet.sourceText),
      sourceBase: baseLang(snippet.sourceLang),
      reviewed: latestReviewed(snippet),
    };
    prepared.set(snippet, p);
  }
  return p;
}

/**
 * Prepare snippets ahead of the first lookup (e.g. in an idle callback when the translation view opens): the
 * first lookup over 10,000 new snippets otherwise pays for tokenising them all.
 */
export function warmMemory(snippets: readonly Snippet[]): void {
  for (const snippet of snippets) prepare(snippet);
}

/** The snippet's latest reviewed translation into the target language, if any. */
export function reviewedTranslation(snippet: Snippet, targetLang: string): Translation | undefined {
  return prepare(snippet).reviewed.get(baseLang(targetLang));
}

export function findMemoryMatches(
  text: string,
  sourceLang: string,
  targetLang: string,
  snippets: readonly Snippet[],
  options: MemoryOptions = {},
): MemoryMatch[] {
  const minSimilarity = options.minSimilarity ?? 0.7;
  const limit = options.limit ?? 5;
  const sourceBase = baseLang(sourceLang);
  const targetBase = baseLang(targetLang);
  const key = exactKey(text);
  if (!key || limit <= 0) return [];
  const words = wordIds(text);
  const inText = new Uint8Array(vocabularySize());
  for (const id of words) inText[id] = 1;

  const matches: MemoryMatch[] = [];
  for (const snippet of snippets) {
    if (snippet.deletedAt) continue;
    const p = prepare(snippet);
    if (sourceBase !== 'und' && p.sourceBase !== 'und' && p.sourceBase !== sourceBase) continue;
    const translation = p.reviewed.get(targetBase);
    if (!translation) continue;
    const exact = p.exactKey === key;
    let similarity = 1;
    if (!exact) {
      const longer = Math.max(words.length, p.words.length);
      if (longer === 0 || Math.min(words.length, p.words.length) < minSimilarity * longer) continue;
      let shared = 0;
      for (const id of p.words) shared += inText[id] ?? 0;
      if (shared < minSimilarity * longer) continue;
      similarity = wordSimilarity(words, p.words);
      if (similarity < minSimilarity) continue;
    }
    matches.push(memoryMatch(snippet, translation, similarity, exact));
  }
  return bestMatches(matches, limit);
}

/** A match as the memory answers it. */
export function memoryMatch(
  snippet: Snippet,
  translation: Translation,
  similarity: number,
  exact: boolean,
): MemoryMatch {
  return {
    snippetId: snippet.id,
    sourceText: snippet.sourceText,
    sourceLang: snippet.sourceLang,
    translation: translation.text,
    targetLang: translation.lang,
    similarity,
    exact,
    reviewedBy: translation.reviewedBy,
    reviewedAt: translation.reviewedAt,
  };
}

/** Exact matches first, then the most similar, then the most recently reviewed; at most `limit`. */
export function bestMatches(matches: MemoryMatch[], limit: number): MemoryMatch[] {
  matches.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.similarity - a.similarity ||
      time(b.reviewedAt) - time(a.reviewedAt),
  );
  return matches.slice(0, limit);
}
