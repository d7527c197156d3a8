// Offline search over the local library: title, summary, note, tags, site, Index-area labels (EN and FR)
// and highlighted passages, accent- and case-insensitive, prefix matching as the member types.

import type { Highlight } from '../../shared/schemas/highlight.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import { searchableContentChars, searchTokens } from '../../shared/search/fold.ts';
import { type IndexedDocument, indexDocument, searchDocuments } from '../../shared/search/match.ts';
import { findIndexArea } from '../../shared/taxonomy/index.ts';

export interface LibraryFilter {
  query: string;
  area: string | null;
  tag: string | null;
}

export function indexPractice(practice: Practice, highlights: readonly Highlight[]): IndexedDocument {
  const areaLabels = practice.areas.map((id) => {
    const area = findIndexArea(id);
    return area ? `${area.en} ${area.fr}` : id;
  });
  return indexDocument({
    id: practice.id,
    fields: [
      { text: practice.title, weight: 8 },
      { text: practice.tags.join(' '), weight: 6 },
      { text: areaLabels.join(' '), weight: 5 },
      { text: `${practice.excerpt} ${practice.note}`, weight: 4 },
      { text: highlights.map((h) => h.quote.exact).join(' '), weight: 3 },
      { text: `${practice.siteName ?? ''} ${practice.byline ?? ''}`, weight: 2 },
      { text: practice.contentMarkdown.slice(0, searchableContentChars), weight: 1 },
    ],
  });
}

/** The search index, built only when a query needs it (a library of thousands lists without one). */
export type LazyIndex = ReadonlyMap<string, IndexedDocument> | (() => ReadonlyMap<string, IndexedDocument>);

export function filterLibrary(
  practices: readonly Practice[],
  index: LazyIndex,
  filter: LibraryFilter,
): Practice[] {
  const tag = filter.tag?.toLocaleLowerCase();
  const candidates = practices.filter(
    (p) =>
      (!filter.area || p.areas.includes(filter.area)) &&
      (!tag || p.tags.some((x) => x.toLocaleLowerCase() === tag)),
  );
  if (!searchTokens(filter.query).length) return candidates;
  const built = typeof index === 'function' ? index() : index;
  // A cheap pass first: a document can match only if each query word starts one of its words, which one
  // includes() on its words joined tells; only those few are scored (same results, same order, and on
  // 10,000 practices most of the time went into scoring documents that had no chance).
  const starts = searchTokens(filter.query).map((q) => ` ${q}`);
  const byId = new Map<string, Practice>();
  const docs: IndexedDocument[] = [];
  for (const p of candidates) {
    const d = built.get(p.id);
    if (!d) continue;
    const words = joinedWords(d);
    if (!starts.every((q) => words.includes(q))) continue;
    docs.push(d);
    byId.set(p.id, p);
  }
  return searchDocuments(docs, filter.query)
    .map((id) => byId.get(id))
    .filter((p): p is Practice => !!p);
}

const joined = new WeakMap<IndexedDocument, string>();

/** A document's words, each after a space, computed once per indexed document. */
function joinedWords(doc: IndexedDocument): string {
  let words = joined.get(doc);
  if (words === undefined) {
    words = doc.fields.map((f) => ` ${f.tokens.join(' ')}`).join('');
    joined.set(doc, words);
  }
  return words;
}
