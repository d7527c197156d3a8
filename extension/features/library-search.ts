// Offline search over the local library: title, summary, note, tags, site, Index-area labels (EN and FR)
// and highlighted passages, accent- and case-insensitive, prefix matching as the member types.

import type { Highlight } from '../../shared/schemas/highlight.ts';
import type { Practice } from '../../shared/schemas/practice.ts';
import { searchableContentChars, searchTokens } from '../../shared/search/fold.ts';
import { type IndexedDocument, indexDocument } from '../../shared/search/match.ts';
import { buildWordIndex, scoreAll, type WordIndex } from '../../shared/search/word-index.ts';
import { findIndexArea } from '../../shared/taxonomy/index.ts';

export interface LibraryFilter {
  query: string;
  area: string | null;
  tag: string | null;
}

/** `text`: the practice's page text (lists hold practices without it: extension/store/practices.ts). */
export function indexPractice(
  practice: Omit<Practice, 'contentMarkdown'> & { contentMarkdown?: string },
  highlights: readonly Highlight[],
  text = practice.contentMarkdown ?? '',
): IndexedDocument {
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
      { text: text.slice(0, searchableContentChars), weight: 1 },
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
  // Scores from the inverted index (the same scores scoreDocument gives), then ranked in the list's order.
  const words = wordIndexOf(built);
  const scores = scoreAll(words, searchTokens(filter.query));
  const scored: { practice: Practice; score: number; order: number }[] = [];
  candidates.forEach((practice, order) => {
    const doc = built.get(practice.id);
    const position = doc ? words.positionOf.get(doc) : undefined;
    const score = position === undefined ? 0 : scores[position]!;
    if (score > 0) scored.push({ practice, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.practice);
}

/** The inverted index of a search index, built once per search index (the side panel keeps one per library state). */
const wordIndexes = new WeakMap<ReadonlyMap<string, IndexedDocument>, WordIndex>();

function wordIndexOf(built: ReadonlyMap<string, IndexedDocument>): WordIndex {
  let words = wordIndexes.get(built);
  if (!words) {
    words = buildWordIndex([...built.values()]);
    wordIndexes.set(built, words);
  }
  return words;
}
