// Highlighted matches without HTML: a text cut into segments, `match` set on the words a query word starts
// (folded like the search itself, so "ecole" marks "École"). The pages render the segments as text with
// <mark>, so a practice's title can never inject markup.
import type { Segment } from '../../shared/api/library.ts';
import { searchTokens } from '../../shared/search/fold.ts';

export type { Segment };

/** Words as written (letters, digits and their combining marks), everything else between them. */
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

export function markMatches(text: string, queryTokens: readonly string[]): Segment[] {
  if (!text) return [];
  if (queryTokens.length === 0) return [{ text, match: false }];
  const segments: Segment[] = [];
  const push = (piece: string, match: boolean) => {
    if (!piece) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += piece;
    else segments.push({ text: piece, match });
  };
  let at = 0;
  for (const m of text.matchAll(wordPattern)) {
    push(text.slice(at, m.index), false);
    const words = searchTokens(m[0]);
    const hit = words.some((w) => queryTokens.some((q) => w.startsWith(q)));
    push(m[0], hit);
    at = m.index + m[0].length;
  }
  push(text.slice(at), false);
  return segments;
}

/** The query's words as the search uses them. */
export const queryTokens = (query: string | undefined) => (query ? searchTokens(query) : []);
