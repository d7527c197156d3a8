import { afterEach, describe, expect, it, vi } from 'vitest';
import definition from '../../../extension/entrypoints/extract.content.ts';
import { loadFixture, rangeOf } from './fixture-page.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('extract content script', () => {
  it('is registered at runtime only and does not announce itself to the page', () => {
    expect(definition.registration).toBe('runtime');
    expect(definition.matches ?? []).toEqual([]);
    expect(definition.world ?? 'ISOLATED').toBe('ISOLATED');
    if (definition.world === 'MAIN') throw new Error('the extractor must run in the isolated world');
    expect(definition.noScriptStartedPostMessage).toBe(true);
  });

  it('returns the extraction of the current page, with the selection, as plain data', async () => {
    const doc = loadFixture('jsonld-graph.html');
    const range = rangeOf(doc.body, 'eighty volunteers');
    doc.getSelection = () =>
      ({
        rangeCount: 1,
        isCollapsed: false,
        getRangeAt: () => range,
        toString: () => 'eighty volunteers',
      }) as never;
    const addEventListener = vi.fn();
    doc.addEventListener = addEventListener;
    vi.stubGlobal('document', doc);
    vi.stubGlobal('location', { href: 'https://www.dublincity.example/news/welcome-volunteers/' });

    const abort = vi.fn();
    const result = await definition.main({ abort } as never);

    expect(result.metadata.url).toBe('https://www.dublincity.example/news/welcome-volunteers/');
    expect(result.metadata.byline).toBe('Siobhán Kelly');
    expect(result.extraction).toBe('full');
    expect(result.selection.quote.exact).toBe('eighty volunteers');
    expect(structuredClone(result)).toEqual(result);
    expect(addEventListener).not.toHaveBeenCalled();
    // Ending WXT's context is what removes the listener WXT itself put on the document.
    expect(abort).toHaveBeenCalledOnce();
  });
});
