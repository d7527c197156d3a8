// Translation memory: the city's reviewed translations offered again when the same or a similar text comes
// up, exact matches first, then near matches with their similarity (memory-similarity.ts), in either
// direction and between two translations of the same text (Side below). Only translations a person reviewed
// count; machine output is never recycled as if it were checked.
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

/** One language of a snippet: its source text, or one of its reviewed translations. A text in any of them
 * finds the snippet, and any other of them answers: a reviewed FR → EN pair also serves EN → FR, and
 * EN → FR + EN → IT serve FR → IT (each side is text a person wrote or checked). */
export interface Side {
  /** Base language code ('und' when the source's language is unknown). */
  lang: string;
  text: string;
  /** The reviewed translation this side is; null for the snippet's source text. */
  translation: Translation | null;
  /** Computed on the first lookup that compares this side. */
  key?: string;
  words?: Int32Array;
}

export interface Prepared {
  sourceBase: string;
  /** The source text first, then the latest reviewed translation per base language. */
  sides: Side[];
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

/** A snippet's sides (its source, then the latest reviewed translation per language), not cached: the
 * bench's naive scan builds them on every query, lookups through `prepare`. */
export function snippetSides(snippet: Snippet): Prepared {
  const sourceBase = baseLang(snippet.sourceLang);
  const reviewed = latestReviewed(snippet);
  const sides: Side[] = [{ lang: sourceBase, text: snippet.sourceText, translation: null }];
  for (const [lang, translation] of reviewed) sides.push({ lang, text: translation.text, translation });
  return { sourceBase, sides, reviewed };
}

/** Everything a lookup needs from a snippet, computed once per snippet object (snippets are not mutated). */
function prepare(snippet: Snippet): Prepared {
  let p = prepared.get(snippet);
  if (!p) {
    p = snippetSides(snippet);
    prepared.set(snippet, p);
  }
  return p;
}

function wordsOf(side: Side): Int32Array {
  side.words ??= wordIds(side.text);
  return side.words;
}
const keyOf = (side: Side) => {
  side.key ??= exactKey(side.text);
  return side.key;
};

/**
 * Prepare snippets ahead of the first lookup (e.g. in an idle callback when the translation view opens): the
 * first lookup over 10,000 new snippets otherwise pays for tokenising them all.
 */
export function warmMemory(snippets: readonly Snippet[]): void {
  for (const snippet of snippets) {
    for (const side of prepare(snippet).sides) {
      wordsOf(side);
      keyOf(side);
    }
  }
}

/** The snippet's latest reviewed translation into the target language, if any. */
export function reviewedTranslation(snippet: Snippet, targetLang: string): Translation | undefined {
  return prepare(snippet).reviewed.get(baseLang(targetLang));
}

/** What answers a match on `side` in the target language: a reviewed translation, or the source text when
 * the match is on a reviewed translation of it (its reviewer vouches for the pair). */
export function answerFor(snippet: Snippet, p: Prepared, side: Side, targetBase: string): Answer | null {
  if (side.lang === targetBase) return null;
  const translation = p.reviewed.get(targetBase);
  if (translation && translation !== side.translation) return translation;
  if (side.translation && p.sourceBase === targetBase)
    return {
      text: snippet.sourceText,
      lang: snippet.sourceLang,
      reviewedBy: side.translation.reviewedBy,
      reviewedAt: side.translation.reviewedAt,
    };
  return null;
}

/** The text a match offers, in the target language, and who reviewed it. */
export type Answer = Pick<Translation, 'text' | 'lang' | 'reviewedBy' | 'reviewedAt'>;

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
    let best: MemoryMatch | null = null;
    for (const side of p.sides) {
      if (sourceBase !== 'und' && side.lang !== 'und' && side.lang !== sourceBase) continue;
      const answer = answerFor(snippet, p, side, targetBase);
      if (!answer) continue;
      const exact = keyOf(side) === key;
      let similarity = 1;
      if (!exact) {
        const sideWords = wordsOf(side);
        const longer = Math.max(words.length, sideWords.length);
        if (longer === 0 || Math.min(words.length, sideWords.length) < minSimilarity * longer) continue;
        let shared = 0;
        for (const id of sideWords) shared += inText[id] ?? 0;
        if (shared < minSimilarity * longer) continue;
        similarity = wordSimilarity(words, sideWords);
        if (similarity < minSimilarity) continue;
      }
      const match = memoryMatch(snippet, answer, similarity, exact, side);
      if (!best || betterMatch(match, best)) best = match;
    }
    if (best) matches.push(best);
  }
  return bestMatches(matches, limit);
}

/** Of two matches on one snippet's sides: exact beats near, then the more similar. */
export function betterMatch(a: MemoryMatch, b: MemoryMatch): boolean {
  return (a.exact && !b.exact) || (a.exact === b.exact && a.similarity > b.similarity);
}

/** A match as the memory answers it: `matched` is the text that was found (the source text by default). */
export function memoryMatch(
  snippet: Snippet,
  answer: Answer,
  similarity: number,
  exact: boolean,
  matched: { text: string; translation: Translation | null } = {
    text: snippet.sourceText,
    translation: null,
  },
): MemoryMatch {
  return {
    snippetId: snippet.id,
    sourceText: matched.text,
    sourceLang: matched.translation?.lang ?? snippet.sourceLang,
    translation: answer.text,
    targetLang: answer.lang,
    similarity,
    exact,
    reviewedBy: answer.reviewedBy,
    reviewedAt: answer.reviewedAt,
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
