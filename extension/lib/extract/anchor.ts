// Finding a highlight again. The position is tried first (cheap and exact when the page has not changed);
// otherwise the quote is searched for, white space compared loosely (pages get re-indented), and when it
// occurs several times the occurrence whose surroundings best match the stored prefix/suffix wins.
// Not found is an answer (null): the caller reports the highlight as orphaned, it never drops it.
import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/schemas/highlight.ts';
import { indexText, pointAt, type TextIndex } from './text-index.ts';

export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

/** Where the passage is now: StaticRange-shaped (`new StaticRange(found)` works) plus its text offsets. */
export interface AnchoredRange {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
  start: number;
  end: number;
  via: 'position' | 'quote';
}

interface Collapsed {
  text: string;
  /** For each character of `text`, its offset in the original. */
  origin: number[];
}

function collapseWhitespace(text: string): Collapsed {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else out += ch;
    origin.push(i);
  }
  return { text: out, origin };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function toRange(
  index: TextIndex,
  start: number,
  end: number,
  via: AnchoredRange['via'],
): AnchoredRange | null {
  const from = pointAt(index, start, 'start');
  const to = pointAt(index, end, 'end');
  if (!from || !to) return null;
  return {
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
    start,
    end,
    via,
  };
}

function findQuote(index: TextIndex, selectors: AnchorSelectors): AnchoredRange | null {
  const needle = normalise(selectors.quote.exact).trim();
  if (!needle) return null;
  const hay = collapseWhitespace(index.text);
  const prefix = normalise(selectors.quote.prefix);
  const suffix = normalise(selectors.quote.suffix);
  const hint = selectors.position?.start ?? null;

  let best: { start: number; end: number; score: number; distance: number } | null = null;
  for (let at = hay.text.indexOf(needle); at !== -1; at = hay.text.indexOf(needle, at + 1)) {
    const before = hay.text.slice(Math.max(0, at - prefix.length - 1), at);
    const after = hay.text.slice(at + needle.length, at + needle.length + suffix.length + 1);
    const score =
      commonSuffixLength(before.trimEnd(), prefix.trimEnd()) +
      commonPrefixLength(after.trimStart(), suffix.trimStart());
    const start = hay.origin[at]!;
    const end = hay.origin[at + needle.length - 1]! + 1;
    // Equal context: the occurrence nearest to where the passage used to be.
    const distance = hint === null ? 0 : Math.abs(start - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start, end, score, distance };
    }
  }
  return best ? toRange(index, best.start, best.end, 'quote') : null;
}

export function anchor(doc: Document, selectors: AnchorSelectors): AnchoredRange | null {
  if (!doc.body) return null;
  const index = indexText(doc.body);
  const { position, quote } = selectors;
  if (
    position &&
    position.end <= index.text.length &&
    index.text.slice(position.start, position.end) === quote.exact
  ) {
    const found = toRange(index, position.start, position.end, 'position');
    if (found) return found;
  }
  return findQuote(index, selectors);
}

/** A live Range for the found passage, to highlight or scroll to it in the browser. */
export function toDomRange(doc: Document, found: AnchoredRange): Range {
  const range = doc.createRange();
  range.setStart(found.startContainer, found.startOffset);
  range.setEnd(found.endContainer, found.endOffset);
  return range;
}
