import { describe, expect, it } from 'vitest';
import { anchor } from '../../../extension/lib/extract/anchor.ts';
import { describeRange, maxQuoteLength } from '../../../extension/lib/extract/selection.ts';
import { textPositionSelectorSchema, textQuoteSelectorSchema } from '../../../shared/schemas/highlight.ts';
import { parsePage, rangeOf, textNodeContaining } from './fixture-page.ts';

const page = `<html><body>
  <h1>Neighbourhood mediators</h1>
  <p>The city trained forty <strong>neighbourhood mediators</strong> in 2022. The mediators speak twelve languages.</p>
  <p>Residents can call the mediators when a conflict starts. The mediators speak to both sides before anything else.</p>
  <script>var tracking = true;</script>
</body></html>`;

function capture(doc: Document, needle: string, occurrence = 0) {
  const captured = describeRange(doc.body, rangeOf(doc.body, needle, occurrence));
  if (!captured) throw new Error('nothing captured');
  return captured;
}

/** The text between an anchored range's boundaries, read back from the DOM nodes themselves. */
function textOf(found: NonNullable<ReturnType<typeof anchor>>): string {
  if (found.startContainer === found.endContainer) {
    return found.startContainer.data.slice(found.startOffset, found.endOffset);
  }
  return (found.startContainer.parentNode?.ownerDocument?.body.textContent ?? '').slice(
    found.start,
    found.end,
  );
}

describe('describeRange', () => {
  it('builds a quote with up to 32 characters of context and a position over the body text', () => {
    const doc = parsePage(page);
    const { quote, position, text } = capture(doc, 'call the mediators');
    const body = doc.body.textContent ?? '';
    expect(quote.exact).toBe('call the mediators');
    expect(quote.prefix).toBe(body.slice(position!.start - 32, position!.start));
    expect(quote.prefix.endsWith('Residents can ')).toBe(true);
    expect(quote.suffix).toBe(body.slice(position!.end, position!.end + 32));
    expect(body.slice(position!.start, position!.end)).toBe('call the mediators');
    expect(text).toBe('call the mediators');
    expect(textQuoteSelectorSchema.safeParse(quote).success).toBe(true);
    expect(textPositionSelectorSchema.safeParse(position).success).toBe(true);
  });

  it('captures a selection that spans several elements', () => {
    const doc = parsePage(page);
    const start = textNodeContaining(doc.body, 'The city trained');
    const end = textNodeContaining(doc.body, 'neighbourhood mediators');
    const captured = describeRange(doc.body, {
      startContainer: start,
      startOffset: start.data.indexOf('forty'),
      endContainer: end,
      endOffset: 'neighbourhood'.length,
    });
    expect(captured?.quote.exact).toBe('forty neighbourhood');
  });

  it('captures a selection given between element children, as a triple-click gives it', () => {
    const doc = parsePage(page);
    const p = doc.querySelectorAll('p')[1]!;
    const captured = describeRange(doc.body, {
      startContainer: p,
      startOffset: 0,
      endContainer: p,
      endOffset: p.childNodes.length,
    });
    expect(captured?.quote.exact).toBe(p.textContent);
  });

  it('trims white space at the edges and returns null for a white-space-only selection', () => {
    const doc = parsePage('<html><body><p>one </p>\n  <p> two</p></body></html>');
    const first = textNodeContaining(doc.body, 'one');
    const second = textNodeContaining(doc.body, 'two');
    expect(
      describeRange(doc.body, { startContainer: first, startOffset: 3, endContainer: second, endOffset: 1 }),
    ).toBeNull();
    expect(
      describeRange(doc.body, { startContainer: first, startOffset: 0, endContainer: second, endOffset: 4 })
        ?.quote.exact,
    ).toBe('one \n   two');
  });

  it('keeps a very long selection within the schema limit', () => {
    const doc = parsePage(`<html><body><p>${'a'.repeat(maxQuoteLength + 500)}</p></body></html>`);
    const node = textNodeContaining(doc.body, 'aaa');
    const captured = describeRange(doc.body, {
      startContainer: node,
      startOffset: 0,
      endContainer: node,
      endOffset: node.data.length,
    });
    expect(captured?.quote.exact.length).toBe(maxQuoteLength);
    expect(textQuoteSelectorSchema.safeParse(captured?.quote).success).toBe(true);
  });
});

describe('anchor', () => {
  it('finds the passage by position on the unchanged page', () => {
    const doc = parsePage(page);
    const { quote, position } = capture(doc, 'call the mediators');
    const found = anchor(doc, { quote, position });
    expect(found?.via).toBe('position');
    expect(found?.startContainer).toBe(textNodeContaining(doc.body, 'call the mediators'));
    expect(found && textOf(found)).toBe('call the mediators');
  });

  it('finds the passage in a fresh copy of the same page', () => {
    const { quote, position } = capture(parsePage(page), 'speak twelve languages');
    const copy = parsePage(page);
    const found = anchor(copy, { quote, position });
    expect(found?.via).toBe('position');
    expect(found && textOf(found)).toBe('speak twelve languages');
  });

  it('falls back to the quote when new text before the passage moved its position', () => {
    const { quote, position } = capture(parsePage(page), 'call the mediators');
    const changed = parsePage(page.replace('<h1>', '<p>Updated on 3 May: new phone number.</p><h1>'));
    const found = anchor(changed, { quote, position });
    expect(found?.via).toBe('quote');
    expect(found?.start).not.toBe(position?.start);
    expect(found && textOf(found)).toBe('call the mediators');
  });

  it('finds a quote whose white space changed when the page was re-indented', () => {
    const doc = parsePage(page);
    const start = textNodeContaining(doc.body, 'The mediators speak twelve');
    const end = textNodeContaining(doc.body, 'Residents can');
    const captured = describeRange(doc.body, {
      startContainer: start,
      startOffset: start.data.indexOf('The mediators'),
      endContainer: end,
      endOffset: 'Residents'.length,
    })!;
    expect(captured.quote.exact).toBe('The mediators speak twelve languages.\n  Residents');
    const reindented = parsePage(page.replace('</p>\n  <p>', '</p>\n\t\t\t\t<p>'));
    const found = anchor(reindented, captured);
    expect(found?.via).toBe('quote');
    expect((reindented.body.textContent ?? '').slice(found!.start, found!.end)).toBe(
      'The mediators speak twelve languages.\n\t\t\t\tResidents',
    );
  });

  it('uses the prefix and suffix to pick the right one of several identical passages', () => {
    // "The mediators speak" occurs twice; the member selected the second.
    const { quote, position } = capture(parsePage(page), 'mediators speak', 1);
    expect(quote.suffix.startsWith(' to both sides')).toBe(true);
    const changed = parsePage(page.replace('<h1>', '<p>Intro paragraph that shifts every offset.</p><h1>'));
    const found = anchor(changed, { quote, position });
    const body = changed.body.textContent ?? '';
    expect(found?.via).toBe('quote');
    expect(body.slice(found!.end, found!.end + 14)).toBe(' to both sides');
  });

  it('returns null when the quoted text is no longer on the page', () => {
    const { quote, position } = capture(parsePage(page), 'call the mediators');
    const changed = parsePage(page.replace('call the mediators', 'phone the help line'));
    expect(anchor(changed, { quote, position })).toBeNull();
  });

  it('finds the quote without a position selector', () => {
    const { quote } = capture(parsePage(page), 'twelve languages');
    const found = anchor(parsePage(page), { quote, position: null });
    expect(found?.via).toBe('quote');
    expect(found && textOf(found)).toBe('twelve languages');
  });
});
