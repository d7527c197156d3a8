// How alike two source texts are, for translation-memory near matches: a word-level Levenshtein ratio,
// 1 − (word insertions, deletions and substitutions) / (words in the longer text), over folded words
// (case, accents and punctuation ignored).
//
// Why words and not character trigrams: the figure is what CAT tools call a fuzzy match and reads as "share
// of the words unchanged" — one word changed in a nine-word sentence is 0.89 whatever the word's length —
// and it respects word order, which a trigram bag does not ("Milan welcomes Turin" = "Turin welcomes Milan").
// Trigram Dice rates an inflection change (migrant/migrants) as closer, but a reviewed translation of a
// sentence with another inflection still needs that word edited, so counting it as a changed word is honest.
// Words are interned as integers so comparing 10,000 snippets is integer work.
import { searchTokens } from '../search/fold.ts';

const vocabulary = new Map<string, number>();

/** The words of a text as interned integers (folded: case, accents and punctuation ignored). */
export function wordIds(text: string): Int32Array {
  const tokens = searchTokens(text);
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let id = vocabulary.get(tokens[i]!);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(tokens[i]!, id);
    }
    ids[i] = id;
  }
  return ids;
}

/** The number of interned words so far (the size a per-word marker array needs). */
export function vocabularySize(): number {
  return vocabulary.size;
}

let row = new Int32Array(64);

/** Word-level Levenshtein distance (two-row dynamic programming). */
export function wordDistance(a: Int32Array, b: Int32Array): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const cost = ai === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Similarity 0–1 of two word sequences; two empty texts are 1. */
export function wordSimilarity(a: Int32Array, b: Int32Array): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - wordDistance(a, b) / longer;
}

/** Similarity 0–1 of two texts by the memory's measure. */
export function textSimilarity(a: string, b: string): number {
  return wordSimilarity(wordIds(a), wordIds(b));
}
