// A passage the member selected, described so it can be found again on a later visit or in another copy of
// the page: a W3C TextQuoteSelector (the words, with some context either side) and a TextPositionSelector
// (where they are in the page's text). https://www.w3.org/TR/annotation-model/#text-quote-selector
import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/schemas/highlight.ts';
import { indexText, textOffsetOf } from './text-index.ts';

export interface SelectionCapture {
  /** The selection as the member sees it (the browser's rendering of it, line breaks included). */
  text: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

/** The boundary points of a Range or StaticRange. */
export interface RangeLike {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/** Context kept either side of the quote: what Hypothesis keeps, enough to tell repeated phrases apart. */
export const quoteContextLength = 32;
/** TextQuoteSelector.exact's schema limit: a longer selection is kept from its start. */
export const maxQuoteLength = 20_000;

export function describeRange(body: Node, range: RangeLike, shownText?: string): SelectionCapture | null {
  const index = indexText(body);
  const a = textOffsetOf(index, body, range.startContainer, range.startOffset);
  const b = textOffsetOf(index, body, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  // Selections often take a stray space or line break at either end; the passage is what lies between.
  while (start < end && /\s/.test(index.text[start]!)) start++;
  while (end > start && /\s/.test(index.text[end - 1]!)) end--;
  if (start === end) return null;
  end = Math.min(end, start + maxQuoteLength);

  const exact = index.text.slice(start, end);
  return {
    text: shownText?.trim() || exact,
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: index.text.slice(Math.max(0, start - quoteContextLength), start),
      suffix: index.text.slice(end, end + quoteContextLength),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** The member's current selection in `doc`, or null when nothing (or only white space) is selected. */
export function captureSelection(doc: Document): SelectionCapture | null {
  const selection = doc.getSelection?.() ?? doc.defaultView?.getSelection() ?? null;
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !doc.body) return null;
  // Firefox allows several ranges (Ctrl+select); the first is the passage the member started with.
  return describeRange(doc.body, selection.getRangeAt(0), selection.toString());
}
