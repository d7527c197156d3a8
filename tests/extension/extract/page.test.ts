import { describe, expect, it } from 'vitest';
import { extractPage, maxContentLength } from '../../../extension/lib/extract/page.ts';
import { pageMetadataSchema } from '../../../shared/schemas/practice.ts';
import { loadFixture, parsePage, rangeOf } from './fixture-page.ts';

const fixtures = [
  'en-article.html',
  'fr-article.html',
  'jsonld-article.html',
  'jsonld-graph.html',
  'og-only.html',
  'no-article.html',
  'rtl-article.html',
];

function extract(name: string, url = `https://city.example/practices/${name}`) {
  return extractPage(loadFixture(name), { url });
}

/** Makes `doc.getSelection()` return the given Range-shaped selection (linkedom has no Selection). */
function select(doc: Document, range: ReturnType<typeof rangeOf>, shown?: string) {
  const selection = {
    rangeCount: 1,
    isCollapsed: false,
    getRangeAt: () => range,
    toString: () => shown ?? (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
  };
  doc.getSelection = () => selection as unknown as Selection;
}

describe('extractPage on fixture pages', () => {
  it.each(fixtures)(
    '%s yields metadata that satisfies the shared schema and plain, cloneable data',
    (name) => {
      const result = extract(name);
      expect(pageMetadataSchema.safeParse(result.metadata).success).toBe(true);
      expect(structuredClone(result)).toEqual(result);
      expect(result.contentMarkdown.length).toBeLessThanOrEqual(maxContentLength);
      expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.readabilityMs);
    },
  );

  it('reads an English article fully, and its Markdown keeps structure but no page chrome or scripts', () => {
    const result = extract('en-article.html');
    expect(result.extraction).toBe('full');
    expect(result.metadata).toMatchObject({
      title: 'Libraries as intercultural meeting places',
      byline: 'Ana Marques',
      siteName: 'City of Lisbon',
      publishedTime: '2024-03-12T09:30:00+00:00',
      lang: 'en-GB',
      canonicalUrl: 'https://www.lisboa.example/en/practices/libraries-meeting-places',
      image: 'https://city.example/media/libraries/reading-circle.jpg',
    });
    const md = result.contentMarkdown;
    expect(md).toContain('## What the programme offers');
    expect(md).toContain('  - primary school, three afternoons a week');
    expect(md).toContain('| Indicator | 2019 | 2023 |');
    expect(md).toContain('> The library is the first public building');
    expect(md).toContain(
      "[city's document centre](https://city.example/en/documents/library-evaluation-2023.pdf)",
    );
    expect(md).toContain('Do not click here.');
    expect(md).not.toMatch(/javascript:|onclick|onerror|steal|injected by a script|dataLayer/);
    expect(md).not.toContain('Privacy');
  });

  it('reads a French article with its accents, its in-page byline and its first paragraph as excerpt', () => {
    const result = extract('fr-article.html');
    expect(result.extraction).toBe('full');
    expect(result.metadata).toMatchObject({
      title: 'Le Conseil des résidents étrangers : une voix pour tous les habitants',
      byline: 'Par Élodie Schneider',
      lang: 'fr',
      canonicalUrl: 'https://www.strasbourg.example/conseil-residents-etrangers',
    });
    expect(result.metadata.excerpt).toMatch(/^Créé en 1993, le Conseil des résidents étrangers/);
    expect(result.contentMarkdown).toContain("« Semaine de l'égalité »");
    expect(result.contentMarkdown).toContain('1. Déposer sa candidature avant le 30 septembre ;');
  });

  it('takes JSON-LD authors, publisher, description and image over the meta tags', () => {
    const { metadata, extraction } = extract('jsonld-article.html');
    expect(extraction).toBe('full');
    expect(metadata).toMatchObject({
      title: 'Twenty years of the Stuttgart Pact for Integration',
      byline: 'Jonas Weber, Mehmet Yılmaz',
      siteName: 'Stuttgarter Zeitung',
      publishedTime: '2021-10-05T07:00:00+02:00',
      image: 'https://www.stuttgarter-zeitung.example/img/pact-20-years.jpg',
    });
    expect(metadata.excerpt).toMatch(/^Stuttgart's integration policy rests on a pact/);
  });

  it('resolves a Yoast-style @graph: author, publisher and image by @id, entities decoded', () => {
    const { metadata } = extract('jsonld-graph.html');
    expect(metadata).toMatchObject({
      title: 'Welcome volunteers at Dublin\u2019s libraries',
      byline: 'Siobhán Kelly',
      siteName: 'Dublin City Council',
      publishedTime: '2023-05-02T08:00:00+00:00',
      image: 'https://www.dublincity.example/wp-content/uploads/volunteers.jpg',
    });
  });

  it('reads a page that has only OpenGraph metadata, resolving its relative image against the URL', () => {
    const { metadata, extraction } = extract('og-only.html', 'https://www.botkyrka.example/en/health/guides');
    expect(extraction).toBe('full');
    expect(metadata).toMatchObject({
      title: 'Multilingual health guides bring care closer to residents',
      siteName: 'Botkyrka kommun',
      canonicalUrl: 'https://www.botkyrka.example/health-guides',
      image: 'https://www.botkyrka.example/en/images/health-guides.jpg',
      lang: null,
    });
  });

  it('reports metadata-only with no content for a page without an article', () => {
    const result = extract('no-article.html');
    expect(result.extraction).toBe('metadata-only');
    expect(result.contentMarkdown).toBe('');
    expect(result.metadata).toMatchObject({
      title: 'Contact us',
      excerpt: 'Find the right office and send us a message.',
    });
  });

  it('reads the direction and language of a right-to-left page', () => {
    const result = extract('rtl-article.html');
    expect(result.extraction).toBe('full');
    expect(result.metadata).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      title: 'برنامج الوسطاء الثقافيين في مدينة برشلونة',
    });
    expect(result.contentMarkdown).toContain('منذ عام ٢٠١٥ توظف بلدية برشلونة');
  });
});

describe('extractPage behaviour', () => {
  it('leaves the live document exactly as it was', () => {
    const doc = loadFixture('en-article.html');
    const before = doc.documentElement.outerHTML;
    extractPage(doc, { url: 'https://city.example/p', captureSelection: true });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('captures the selection only when asked, with the text the browser shows', () => {
    const doc = loadFixture('en-article.html');
    select(doc, rangeOf(doc.body, 'hosts a weekly '), ' hosts a weekly\n');
    expect(extractPage(doc, { url: 'https://city.example/p' }).selection).toBeNull();
    const { selection } = extractPage(doc, { url: 'https://city.example/p', captureSelection: true });
    expect(selection?.text).toBe('hosts a weekly');
    expect(selection?.quote.exact).toBe('hosts a weekly');
    expect(selection?.quote.prefix).toMatch(/Every library $/);
    expect(selection?.quote.suffix).toMatch(/^ language café run by/);
    expect(selection?.position).not.toBeNull();
  });

  it('reports no selection when the selection is collapsed', () => {
    const doc = loadFixture('fr-article.html');
    doc.getSelection = () => ({ rangeCount: 1, isCollapsed: true }) as unknown as Selection;
    expect(extractPage(doc, { url: 'https://city.example/p', captureSelection: true }).selection).toBeNull();
  });

  it('falls back to the URL for the title when the page has none', () => {
    const result = extractPage(parsePage('<html><body></body></html>'), {
      url: 'https://city.example/empty',
    });
    expect(result.metadata.title).toBe('https://city.example/empty');
    expect(result.extraction).toBe('metadata-only');
    expect(pageMetadataSchema.safeParse(result.metadata).success).toBe(true);
  });

  it('never throws: a page whose DOM queries fail still yields its title and URL', () => {
    const doc = loadFixture('en-article.html');
    doc.querySelectorAll = () => {
      throw new Error('hostile page');
    };
    doc.cloneNode = () => {
      throw new Error('hostile page');
    };
    const result = extractPage(doc, { url: 'https://city.example/hostile', captureSelection: true });
    expect(result.extraction).toBe('none');
    expect(result.contentMarkdown).toBe('');
    expect(result.metadata.title).toBe('Libraries as intercultural meeting places | City of Lisbon');
    expect(result.metadata.url).toBe('https://city.example/hostile');
  });

  it('reports none for a document that is not a page, such as an image opened directly', () => {
    const doc = parsePage(
      '<html><head><title>photo.png (800×600)</title></head><body><img src="photo.png"></body></html>',
    );
    Object.defineProperty(doc, 'contentType', { value: 'image/png' });
    const result = extractPage(doc, { url: 'https://city.example/photo.png' });
    expect(result.extraction).toBe('none');
    expect(result.contentMarkdown).toBe('');
    expect(result.timings.readabilityMs).toBe(0);
    expect(result.metadata.title).toBe('photo.png (800×600)');
  });

  it('cuts an excerpt found in the page to the 5000-character limit', () => {
    const long = 'Long first paragraph about the programme. '.repeat(200);
    const doc = parsePage(`<html><head><title>A long page about a practice</title></head><body><article>
      <p>${long}</p><p>${long}</p></article></body></html>`);
    const { metadata, extraction } = extractPage(doc, { url: 'https://city.example/long' });
    expect(extraction).toBe('full');
    expect(metadata.excerpt.length).toBeLessThanOrEqual(5000);
    expect(metadata.excerpt.startsWith('Long first paragraph')).toBe(true);
  });
});
