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

/** Score of a document for a query; 0 when some query word is missing. */
export function scoreDocument(doc: IndexedDocument, queryTokens: readonly string[]): number {
  let total = 0;
  for (const q of queryTokens) {
    let best = 0;
    for (const field of doc.fields) {
      for (const token of field.tokens) {
        if (token === q) best = Math.max(best, field.weight * 2);
        else if (token.startsWith(q)) best = Math.max(best, field.weight);
      }
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** Ids of matching documents, best first; all documents (in their given order) for an empty query. */
export function searchDocuments(docs: readonly IndexedDocument[], query: string): string[] {
  const q = searchTokens(query);
  if (q.length === 0) return docs.map((d) => d.id);
  const scored: { id: string; score: number; order: number }[] = [];
  docs.forEach((d, order) => {
    const score = scoreDocument(d, q);
    if (score > 0) scored.push({ id: d.id, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.id);
}
