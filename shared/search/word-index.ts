// An inverted index for the offline search: every distinct word of the library, sorted, with the documents
// holding it and the weight of the heaviest field it appears in. A query word is then a range of that sorted
// vocabulary (the words starting with it), and its score per document comes straight from the postings —
// twice the field weight for the word itself, the weight for a longer word — exactly as match.ts scores a
// document word by word, without reading any document. Built once per state of the library.
import type { IndexedDocument } from './match.ts';

/** Field weights fit in four bits: a posting is `position * 16 + weight`. */
const weightBits = 16;

export interface WordIndex {
  /** Distinct words, sorted (code-unit order, so every word starting with q is one contiguous range). */
  words: string[];
  /** For each word of `words`, its postings (`position * 16 + weight`), positions ascending. */
  postings: number[][];
  /** Position of each document, in the order they were indexed. */
  positionOf: Map<IndexedDocument, number>;
  size: number;
}

export function buildWordIndex(docs: readonly IndexedDocument[]): WordIndex {
  const byWord = new Map<string, number[]>();
  const positionOf = new Map<IndexedDocument, number>();
  docs.forEach((doc, position) => {
    positionOf.set(doc, position);
    const best = new Map<string, number>();
    for (const field of doc.fields) {
      if (field.weight <= 0 || field.weight >= weightBits) throw new Error('field weights must be 1–15');
      for (const token of field.tokens) {
        const seen = best.get(token);
        if (seen === undefined || seen < field.weight) best.set(token, field.weight);
      }
    }
    for (const [token, weight] of best) {
      const list = byWord.get(token);
      const posting = position * weightBits + weight;
      if (list) list.push(posting);
      else byWord.set(token, [posting]);
    }
  });
  const words = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { words, postings: words.map((w) => byWord.get(w)!), positionOf, size: docs.length };
}

/**
 * Each document's score for the query (the sum over query words of the best weight, as scoreDocument), by
 * position; 0 where some query word is missing.
 */
export function scoreAll(index: WordIndex, queryTokens: readonly string[]): Float64Array {
  const total = new Float64Array(index.size);
  const best = new Float64Array(index.size);
  queryTokens.forEach((q, i) => {
    best.fill(0);
    for (let w = lowerBound(index.words, q); w < index.words.length && index.words[w]!.startsWith(q); w++) {
      const factor = index.words[w] === q ? 2 : 1;
      for (const posting of index.postings[w]!) {
        const position = Math.floor(posting / weightBits);
        const score = factor * (posting % weightBits);
        if (score > best[position]!) best[position] = score;
      }
    }
    for (let p = 0; p < index.size; p++) {
      // A document missing an earlier word stays at 0 (marked -1 while the words are summed).
      if (best[p] === 0 || (i > 0 && total[p]! <= 0)) total[p] = -1;
      else total[p] = total[p]! + best[p]!;
    }
  });
  for (let p = 0; p < index.size; p++) if (total[p]! < 0) total[p] = 0;
  return total;
}

/** First index of `words` not less than `q`. */
function lowerBound(words: readonly string[], q: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
