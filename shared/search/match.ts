// Offline library search: every query word must start a word of the document (prefix match, so results
// appear while the user types), scored by where the words match (title beats note beats content).
import { searchTokens } from './fold.ts';

export interface SearchField {
  text: string;
  weight: number;
}

export interface SearchDocument {
  id: string;
  fields: SearchField[];
}

export interface IndexedDocument {
  id: string;
  fields: { tokens: string[]; weight: number }[];
}

export function indexDocument(doc: SearchDocument): IndexedDocument {
  return { id: doc.id, fields: doc.fields.map((f) => ({ tokens: searchTokens(f.text), weight: f.weight })) };
}

/** A query word as the two substrings that find it in a field's words joined by spaces. */
interface QueryWord {
  /** ` word `: the word itself (exact match). */
  exact: string;
  /** ` word`: a word starting with it (prefix match). */
  prefix: string;
}

function queryWords(tokens: readonly string[]): QueryWord[] {
  return tokens.map((q) => ({ exact: ` ${q} `, prefix: ` ${q}` }));
}

/**
 * Each field's words joined as ` w1 w2 … wn `, heaviest field first, computed once per indexed document: then
 * "some word of the field equals q" is `includes(' q ')` and "some word starts with q" is `includes(' q')`
 * (words never hold a space), which the engine runs natively instead of a loop over every word.
 */
const joinedFields = new WeakMap<IndexedDocument, { text: string; weight: number }[]>();

function fieldsOf(doc: IndexedDocument): { text: string; weight: number }[] {
  let fields = joinedFields.get(doc);
  if (!fields) {
    fields = doc.fields
      .filter((f) => f.tokens.length > 0)
      .map((f) => ({ text: ` ${f.tokens.join(' ')} `, weight: f.weight }))
      .sort((a, b) => b.weight - a.weight);
    joinedFields.set(doc, fields);
  }
  return fields;
}

function scoreWith(doc: IndexedDocument, words: readonly QueryWord[]): number {
  const fields = fieldsOf(doc);
  let total = 0;
  for (const word of words) {
    // The best of: twice the field's weight where the word appears whole, its weight where a word starts with it.
    let best = 0;
    for (const field of fields) {
      if (2 * field.weight <= best) break; // fields are heaviest first: none further on can do better
      if (!field.text.includes(word.prefix)) continue;
      best = Math.max(best, field.text.includes(word.exact) ? 2 * field.weight : field.weight);
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** Score of a document for a query; 0 when some query word is missing. */
export function scoreDocument(doc: IndexedDocument, queryTokens: readonly string[]): number {
  return scoreWith(doc, queryWords(queryTokens));
}

/** Ids of matching documents, best first; all documents (in their given order) for an empty query. */
export function searchDocuments(docs: readonly IndexedDocument[], query: string): string[] {
  const q = searchTokens(query);
  if (q.length === 0) return docs.map((d) => d.id);
  const words = queryWords(q);
  const scored: { id: string; score: number; order: number }[] = [];
  docs.forEach((d, order) => {
    const score = scoreWith(d, words);
    if (score > 0) scored.push({ id: d.id, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.id);
}
