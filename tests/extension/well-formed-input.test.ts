// Issue 15: a hostile page can hold lone UTF-16 surrogates (a JSON-LD `"\ud800"`, text a script wrote), and
// the server refuses any string holding one. The extension repairs them to U+FFFD where it reads the outside
// world, so such a page can still be clipped, its contacts prefilled and its changes pushed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPageContacts } from '../../extension/lib/contacts/page-contacts.ts';
import { extractPage } from '../../extension/lib/extract/page.ts';
import { pageMetadataSchema } from '../../shared/schemas/practice.ts';
import { isWellFormed } from '../../shared/well-formed.ts';
import { parseBody } from './contacts/page.ts';
import { parsePage, rangeOf } from './extract/fixture-page.ts';

/** Every string in a value, keys included, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      [`${path}.<key>`, k] as [string, string],
      ...strings(v, `${path}.${k}`),
    ]);
  return [];
}
const illFormed = (value: unknown) => strings(value).filter(([, s]) => !isWellFormed(s));

// A real article (tests/fixtures/pages) made hostile: JSON-LD escapes (what a page can send in UTF-8) and raw
// lone surrogates in the DOM (what a script can write).
const hostilePage = readFileSync(new URL('../fixtures/pages/fr-article.html', import.meta.url), 'utf8')
  .replace('<title>Le Conseil', '<title>Le\udc00 Conseil')
  .replace('Créé en 1993,', 'Créé\ud800 en 1993,')
  .replace(
    '</head>',
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
      "headline":"Médiation\\ud800 de quartier","description":"Des médiateurs\\udfff dans chaque quartier",
      "author":{"@type":"Person","name":"Ana\\ud83d Costa"}}</script></head>`,
  );

describe('the extension repairs lone surrogates where it reads a page', () => {
  it('a page extraction holds only well-formed strings (U+FFFD in their place) the server accepts', () => {
    expect(illFormed({ hostilePage })).not.toEqual([]);
    const doc = parsePage(hostilePage);
    const range = rangeOf(doc.body, 'en 1993');
    doc.getSelection = () =>
      ({
        rangeCount: 1,
        isCollapsed: false,
        getRangeAt: () => range,
        toString: () => 'en 1993',
      }) as unknown as Selection;
    const page = extractPage(doc, { url: 'https://ville.example/mediation', captureSelection: true });
    expect(illFormed(page)).toEqual([]);
    expect(page.metadata.title).toBe('Médiation\ufffd de quartier');
    expect(page.metadata.excerpt).toBe('Des médiateurs\ufffd dans chaque quartier');
    expect(page.metadata.byline).toBe('Ana\ufffd Costa');
    expect(page.contentMarkdown).toContain('Créé\ufffd en 1993,');
    expect(page.selection?.quote.prefix).toContain('\ufffd');
    expect(pageMetadataSchema.safeParse(page.metadata).error?.issues).toBeUndefined();
  });

  it('a contact prefill holds only well-formed strings', async () => {
    const doc = parseBody(
      '<div class="card"><p>Mme Claire\ud800 Dubois<br>Tél. : 04 72 10 30 30</p><a href="mailto:claire@lyon.example">Écrire\udc00</a></div>',
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Claire\\ud800 Dubois",
        "jobTitle":"Directrice\\udfff","email":"claire@lyon.example","worksFor":{"@type":"Organization","name":"Maison\\ud800"}}</script>`,
    );
    const contacts = await readPageContacts(doc, {
      url: 'https://lyon.example/equipe',
      country: 'FR',
      fetcher: fetch,
    });
    expect(contacts.drafts.length).toBeGreaterThan(0);
    expect(illFormed(contacts)).toEqual([]);
    expect(JSON.stringify(contacts)).toContain('\ufffd');
  });
});
