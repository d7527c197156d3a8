import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../../extension/lib/extract/metadata.ts';
import { pageMetadataSchema } from '../../../shared/schemas/practice.ts';
import { parsePage } from './fixture-page.ts';

const url = 'https://city.example/news/2024/practice.html';

function metadataOf(head: string, body = '<p>Body</p>', htmlAttrs = '') {
  return readMetadata(parsePage(`<html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`), url);
}

describe('readMetadata: JSON-LD', () => {
  it('prefers a JSON-LD article over meta tags for title, byline, excerpt, site, date and image', () => {
    const meta = metadataOf(`
      <title>Other | Site</title>
      <meta property="og:title" content="OG title">
      <meta name="description" content="Meta description">
      <meta property="og:site_name" content="OG site">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Neighbourhood mediators","description":"LD description","datePublished":"2024-01-02T03:04:05Z",
        "author":{"@type":"Person","name":"Ana Costa"},"publisher":{"@type":"Organization","name":"City News"},
        "image":["/img/mediators.jpg","/img/other.jpg"]}</script>`);
    expect(meta).toMatchObject({
      title: 'Neighbourhood mediators',
      excerpt: 'LD description',
      byline: 'Ana Costa',
      siteName: 'City News',
      publishedTime: '2024-01-02T03:04:05Z',
      image: 'https://city.example/img/mediators.jpg',
    });
  });

  it('follows @id references inside a @graph to the author, publisher and image nodes', () => {
    const meta = metadataOf(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","@id":"#page","name":"Page name - Site"},
      {"@type":["Article"],"@id":"#article","headline":"Graph headline","author":{"@id":"#ana"},
       "publisher":{"@id":"#org"},"image":{"@id":"#img"},"datePublished":"2023-05-02"},
      {"@type":"Person","@id":"#ana","name":"Ana Costa"},
      {"@type":"Organization","@id":"#org","name":"City Council"},
      {"@type":"ImageObject","@id":"#img","url":"https://cdn.example/a.jpg"}]}</script>`);
    expect(meta).toMatchObject({
      title: 'Graph headline',
      byline: 'Ana Costa',
      siteName: 'City Council',
      image: 'https://cdn.example/a.jpg',
      publishedTime: '2023-05-02',
    });
  });

  it('joins several authors, skips a broken JSON-LD block and finds the article inside an array', () => {
    const meta = metadataOf(`
      <script type="application/ld+json">{ not json </script>
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","name":"Post",
        "author":[{"name":"A. One"},"B. Two",{"@type":"Person","url":"https://x.example/c"}]}]</script>`);
    expect(meta.title).toBe('Post');
    expect(meta.byline).toBe('A. One, B. Two');
  });

  it('chooses between differing name and headline by similarity to the <title>', () => {
    const meta = metadataOf(`<title>Twenty years of the integration pact - Daily</title>
      <script type="application/ld+json">{"@type":"NewsArticle","name":"Daily",
        "headline":"Twenty years of the integration pact"}</script>`);
    expect(meta.title).toBe('Twenty years of the integration pact');
  });
});

describe('readMetadata: meta tags', () => {
  it('reads OpenGraph title, description, site name and resolves a relative og:image against the URL', () => {
    const meta = metadataOf(`<title>Ignored | Site</title>
      <meta property="og:title" content="Health guides">
      <meta property="og:description" content="Guides who speak residents' languages.">
      <meta property="og:site_name" content="Botkyrka">
      <meta property="og:image" content="../../media/guides.jpg">`);
    expect(meta).toMatchObject({
      title: 'Health guides',
      excerpt: "Guides who speak residents' languages.",
      siteName: 'Botkyrka',
      image: 'https://city.example/media/guides.jpg',
    });
  });

  it('resolves relative addresses against <base href> when the page has one', () => {
    const meta =
      metadataOf(`<base href="https://static.example/assets/"><meta property="og:image" content="x.png">
      <link rel="canonical" href="/canonical">`);
    expect(meta.image).toBe('https://static.example/assets/x.png');
    expect(meta.canonicalUrl).toBe('https://static.example/canonical');
  });

  it('prefers the Dublin Core property over the name spelling, and Dublin Core over OpenGraph', () => {
    const meta =
      metadataOf(`<meta name="DC.title" content="DC name"><meta property="dc:title" content="DC property">
      <meta property="og:title" content="OG"><meta name="DC.creator" content="Creator">`);
    expect(meta.title).toBe('DC property');
    expect(meta.byline).toBe('Creator');
  });

  it('does not take a profile URL in article:author for a byline', () => {
    const meta = metadataOf('<meta property="article:author" content="https://facebook.com/someone">');
    expect(meta.byline).toBeNull();
  });

  it('keeps only http(s) addresses for image and canonical URL', () => {
    const meta = metadataOf(`<meta property="og:image" content="javascript:alert(1)">
      <meta name="twitter:image" content="data:image/png;base64,AAAA">
      <link rel="canonical" href="javascript:alert(2)">`);
    expect(meta.image).toBeNull();
    expect(meta.canonicalUrl).toBeNull();
  });

  it('unescapes HTML entities that sites double-escape in meta content', () => {
    const meta = metadataOf(
      '<meta property="og:title" content="Caf&amp;eacute; &amp;quot;Babel&amp;quot; &amp;#x2013; 2024">',
    );
    expect(meta.title).toBe('Café "Babel" – 2024');
  });

  it('cuts a very long description to the 5000-character excerpt limit', () => {
    const meta = metadataOf(`<meta name="description" content="${'word '.repeat(2000)}">`);
    expect(meta.excerpt.length).toBeLessThanOrEqual(5000);
    expect(meta.excerpt.length).toBeGreaterThan(4900);
  });
});

describe('readMetadata: document', () => {
  it('falls back to the cleaned <title>, and to the URL when the page has no title at all', () => {
    expect(metadataOf('<title>A welcome desk for newcomers | City of Oslo</title>').title).toBe(
      'A welcome desk for newcomers',
    );
    expect(metadataOf('').title).toBe(url);
  });

  it('reads lang as a language tag: en_US → en-US, a declared value that is not a tag → null', () => {
    for (const [attr, lang] of [
      ['lang="en_US"', 'en-US'],
      ['lang=" fr-BE "', 'fr-BE'],
      ['lang="und"', 'und'],
      ['lang=""', null],
      ['lang="english"', null],
      ['lang="en&#13;&#10;EMAIL:evil@evil.example"', null],
      ['xml:lang="pt_BR"', 'pt-BR'],
    ] as const) {
      const meta = metadataOf('', '<p>x</p>', attr);
      expect(meta.lang, attr).toBe(lang);
      expect(pageMetadataSchema.parse(meta).lang, attr).toBe(lang);
    }
  });

  it('reads lang and dir from <html>, ignoring a dir that is neither ltr nor rtl', () => {
    expect(metadataOf('', '<p>x</p>', 'lang="ar" dir="RTL"')).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(metadataOf('', '<p>x</p>', 'dir="auto"')).toMatchObject({ lang: null, dir: null });
  });

  it('produces metadata that satisfies the shared PageMetadata schema', () => {
    const meta = metadataOf(`<title>T</title><meta property="og:image" content="/i.png">
      <link rel="canonical" href="https://city.example/c">`);
    expect(pageMetadataSchema.safeParse(meta).success).toBe(true);
  });
});
