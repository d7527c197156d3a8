// What the page says about itself, read from its <head> (and JSON-LD wherever it sits), without Readability:
// it must work on pages that have no article. Each field takes the first source that has it, best first:
// JSON-LD (structured, meant for machines), then OpenGraph / Twitter cards, then Dublin Core and standard
// meta tags, then the document itself. page.ts fills what is still missing from the article Readability found.
import { toLanguageTag } from '../../../shared/schemas/common.ts';
import type { PageMetadata } from '../../../shared/schemas/practice.ts';
import { cleanDocumentTitle } from './document-title.ts';
import { type JsonLdFacts, readJsonLd } from './json-ld.ts';
import { firstMeta, readMetaTags } from './meta-tags.ts';
import { documentBaseUrl, resolveWebUrl as resolveAnyLength } from './safe-url.ts';
import { similarity } from './text-similarity.ts';

/** Schema limits (shared/schemas/practice.ts), applied here so every caller gets valid metadata. */
export const metadataLimits = {
  title: 1000,
  excerpt: 5000,
  siteName: 500,
  byline: 500,
  publishedTime: 100,
  lang: 35,
};

export function clip(text: string | null, max: number): string | null {
  if (text === null) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (!collapsed) return null;
  return collapsed.length <= max ? collapsed : `${collapsed.slice(0, max - 1).trimEnd()}…`;
}

/**
 * An article's `name` and `headline` should agree. When they don't, keep the one that matches the cleaned
 * <title>: aktualne.cz puts the site's name in `name`, Wikipedia a short description in `headline`. When
 * neither or both match, `name` (as Readability does; Wikipedia's title matches neither).
 */
function jsonLdTitle(facts: JsonLdFacts | null, documentTitle: string): string | null {
  if (!facts) return null;
  const { headline, name } = facts;
  if (headline && name && headline !== name) {
    const nameMatches = similarity(name, documentTitle) > 0.75;
    const headlineMatches = similarity(headline, documentTitle) > 0.75;
    return headlineMatches && !nameMatches ? headline : name;
  }
  return name ?? headline;
}

/** The page's declared language as a tag ("en_US" → "en-US"); null when absent or not a tag ("", "english"). */
function readLang(doc: Document): string | null {
  const lang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  return toLanguageTag(lang);
}

function readDir(doc: Document): PageMetadata['dir'] {
  const dir = (doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir'))
    ?.trim()
    .toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

function readCanonical(doc: Document, base: string, og: string | null): string | null {
  const link = Array.from(doc.querySelectorAll('link[rel][href]')).find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  return resolveWebUrl(link?.getAttribute('href'), base) ?? resolveWebUrl(og, base);
}

/** httpUrl's schema limit: a longer address (an inlined tracking blob, usually) is dropped, not cut. */
const maxUrlLength = 4096;

function resolveWebUrl(raw: string | null | undefined, base: string): string | null {
  const url = resolveAnyLength(raw, base);
  return url && url.length <= maxUrlLength ? url : null;
}

/** A byline that is a profile URL (`article:author` often is) names nobody. */
function personName(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

export function readMetadata(doc: Document, url: string): PageMetadata {
  const base = documentBaseUrl(doc, url);
  const tags = readMetaTags(doc);
  const jsonLd = readJsonLd(doc);
  const documentTitle = cleanDocumentTitle(doc);

  const title =
    jsonLdTitle(jsonLd, documentTitle) ??
    firstMeta(tags, ['dc:title', 'dcterms:title', 'og:title', 'title', 'twitter:title', 'parsely-title']) ??
    (documentTitle || null);

  const byline =
    jsonLd?.byline ??
    personName(
      firstMeta(tags, ['dc:creator', 'dcterms:creator', 'author', 'parsely-author', 'article:author']),
    );

  const excerpt =
    jsonLd?.excerpt ??
    firstMeta(tags, [
      'dc:description',
      'dcterms:description',
      'og:description',
      'description',
      'twitter:description',
    ]);

  const publishedTime =
    jsonLd?.publishedTime ??
    firstMeta(tags, ['article:published_time', 'parsely-pub-date', 'itemprop:datepublished']);

  const image =
    resolveWebUrl(jsonLd?.image, base) ??
    resolveWebUrl(firstMeta(tags, ['og:image:secure_url', 'og:image:url', 'og:image']), base) ??
    resolveWebUrl(firstMeta(tags, ['twitter:image', 'twitter:image:src']), base) ??
    resolveWebUrl(doc.querySelector('link[rel="image_src"]')?.getAttribute('href'), base);

  return {
    url,
    canonicalUrl: readCanonical(doc, base, firstMeta(tags, ['og:url'])),
    title: clip(title, metadataLimits.title) ?? clip(url, metadataLimits.title) ?? url,
    excerpt: clip(excerpt, metadataLimits.excerpt) ?? '',
    siteName: clip(
      jsonLd?.publisher ?? firstMeta(tags, ['og:site_name']) ?? jsonLd?.website ?? null,
      metadataLimits.siteName,
    ),
    byline: clip(byline, metadataLimits.byline),
    publishedTime: clip(publishedTime, metadataLimits.publishedTime),
    lang: readLang(doc),
    dir: readDir(doc),
    image,
  };
}
