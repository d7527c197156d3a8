import { afterEach, describe, expect, it, vi } from 'vitest';
import definition from '../../../extension/entrypoints/contact.content.ts';
import { contactCountryGlobal } from '../../../extension/lib/contacts/country-handoff.ts';
import { parseBody } from './page.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>)[contactCountryGlobal];
});

function pageWithSelection() {
  const doc = parseBody(
    '<main><p>Intro.</p><div class="card"><p id="sel">Mme Claire Dubois<br>Tél. : 04 72 10 30 30</p><a href="mailto:claire@lyon.example">Écrire</a></div></main>',
  );
  const root = doc.getElementById('sel')!;
  doc.getSelection = () =>
    ({
      rangeCount: 1,
      isCollapsed: false,
      getRangeAt: () => ({ commonAncestorContainer: root }),
      toString: () => 'Mme Claire Dubois\nTél. : 04 72 10 30 30',
    }) as never;
  return doc;
}

describe('contact content script', () => {
  it('is registered at runtime only, in the isolated world, and does not announce itself to the page', () => {
    expect(definition.registration).toBe('runtime');
    expect(definition.matches ?? []).toEqual([]);
    expect(definition.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(definition.noScriptStartedPostMessage).toBe(true);
  });

  it('reads the selection with the country the caller left, returns plain data, and removes that global', async () => {
    const doc = pageWithSelection();
    const addEventListener = vi.fn();
    doc.addEventListener = addEventListener;
    vi.stubGlobal('document', doc);
    vi.stubGlobal('location', { href: 'https://www.lyon.example/equipe' });
    (globalThis as Record<string, unknown>)[contactCountryGlobal] = 'fr';

    const abort = vi.fn();
    const result = await definition.main({ abort } as never);

    expect(result).toMatchObject({
      url: 'https://www.lyon.example/equipe',
      country: 'FR',
      countryOrigin: 'caller',
      selectionText: 'Mme Claire Dubois\nTél. : 04 72 10 30 30',
      drafts: [{ name: 'Claire Dubois', phones: ['+33472103030'], emails: ['claire@lyon.example'] }],
    });
    expect(structuredClone(result)).toEqual(result);
    expect(contactCountryGlobal in globalThis).toBe(false);
    expect(addEventListener).not.toHaveBeenCalled();
    expect(abort).toHaveBeenCalledOnce();
  });

  it('falls back to the page domain when the caller left no country', async () => {
    vi.stubGlobal('document', pageWithSelection());
    vi.stubGlobal('location', { href: 'https://www.lyon.fr/equipe' });
    const result = await definition.main({ abort: vi.fn() } as never);
    expect(result).toMatchObject({ country: 'FR', countryOrigin: 'domain' });
  });
});
