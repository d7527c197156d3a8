// The dashboard's two catalogues: the same keys, the same placeholders, French actually translated (only
// names and format names may read the same), and the interface language picked from Accept-Language.

import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { en } from '../../server/web/i18n/en.ts';
import { fr } from '../../server/web/i18n/fr.ts';
import { langFromAcceptLanguage, pickUiLang, translator } from '../../server/web/i18n/index.ts';
import { Markdown, markdownBlocks, renderedContentLimit } from '../../server/web/markdown.tsx';

const sameInBoth = new Set([
  'appName',
  'navActivity',
  'activityTitle',
  'exportCsv',
  'exportJson',
  'exportMarkdown',
  'exportVcard',
  'site',
  'note',
  'pagination',
  'contributorColumn',
]);

describe('catalogues', () => {
  it('English and French have the same keys and placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(holes(fr[key]), key).toEqual(holes(en[key]));
  });

  it('French differs from English except names and format names', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (sameInBoth.has(key)) continue;
      expect(fr[key], key).not.toBe(en[key]);
    }
  });

  it('fills placeholders', () => {
    expect(translator('fr')('cityOf', { city: 'Lyon' })).toBe('Ville : Lyon');
  });

  it('picks the language from the cookie, else Accept-Language by quality, else English', () => {
    expect(langFromAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(langFromAcceptLanguage('de-DE,en;q=0.5,fr;q=0.4')).toBe('en');
    expect(langFromAcceptLanguage('de, fr;q=0.3')).toBe('fr');
    expect(langFromAcceptLanguage('en;q=0.2, fr;q=0.9')).toBe('fr');
    expect(langFromAcceptLanguage(undefined)).toBe('en');
    expect(pickUiLang('en', 'fr')).toBe('en');
    expect(pickUiLang('xx', 'fr')).toBe('fr');
  });
});

describe('readable content as safe HTML', () => {
  const html = (md: string) => renderToString(h('div', null, markdownBlocks(md)));

  it('renders headings, paragraphs, lists, emphasis, links and code', () => {
    const out = html(
      '# Title\n\nSome *em* and **strong** text with `code`.\n\n1. one\n2. two\n\n- a [link](https://example.org/x)\n\n> quoted',
    );
    expect(out).toContain('<h3>Title</h3>');
    expect(out).toContain('<em>em</em>');
    expect(out).toContain('<strong>strong</strong>');
    expect(out).toContain('<code>code</code>');
    expect(out).toContain('<ol><li>one</li><li>two</li></ol>');
    expect(out).toContain('<a href="https://example.org/x" rel="noopener noreferrer">link</a>');
    expect(out).toContain('<blockquote><p>quoted</p></blockquote>');
  });

  it('never lets HTML or script links through', () => {
    const out = html(
      '<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](data:text/html,hi) ![alt](https://e.org/i.png)\n\n```\n<script>\n```',
    );
    expect(out).not.toMatch(/<img|<script|href="javascript|href="data/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)>');
    expect(out).toContain('&lt;script>');
    expect(out).toContain('alt');
  });

  it('shows only the beginning of very long content, and says so', () => {
    const source = `${'A paragraph of text. '.repeat(40)}\n\n`.repeat(
      Math.ceil((renderedContentLimit * 2) / 842),
    );
    const out = renderToString(h(Markdown, { source, truncatedNote: 'CUT' }));
    expect(out).toContain('CUT');
    expect(out.length).toBeLessThan(renderedContentLimit * 1.2);
    expect(renderToString(h(Markdown, { source: 'short', truncatedNote: 'CUT' }))).not.toContain('CUT');
  });
});
