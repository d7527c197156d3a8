// The page's <meta> tags as one lookup table, whatever vocabulary they use: OpenGraph and friends put their
// key in `property` (RDFa, possibly several space-separated), standard and Dublin Core tags in `name`
// (`DC.creator`, `dcterms.created`), microdata in `itemprop`. Keys are lower-cased and `.` becomes `:` so that
// `DC.title`, `dc:title` and `DC:Title` are one key. When both spellings exist, the `property` one comes
// first: it is the vocabulary's own form (Readability makes the same choice).
import { decodeHtmlEntities } from './html-entities.ts';

export type MetaTags = ReadonlyMap<string, readonly string[]>;

function normaliseKey(key: string): string {
  return key.trim().toLowerCase().replace(/\./g, ':');
}

function add(tags: Map<string, string[]>, key: string, value: string): void {
  const k = normaliseKey(key);
  if (!k) return;
  const list = tags.get(k);
  if (list) list.push(value);
  else tags.set(k, [value]);
}

export function readMetaTags(doc: Document): MetaTags {
  const byProperty = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const content = decodeHtmlEntities(meta.getAttribute('content') ?? '').trim();
    if (!content) continue;
    const property = meta.getAttribute('property');
    if (property) for (const key of property.split(/\s+/)) add(byProperty, key, content);
    const name = meta.getAttribute('name');
    if (name) add(byName, name, content);
    const itemprop = meta.getAttribute('itemprop');
    if (itemprop) add(byName, `itemprop:${itemprop}`, content);
  }
  for (const [key, values] of byName) byProperty.set(key, [...(byProperty.get(key) ?? []), ...values]);
  return byProperty;
}

/** The first non-empty value among `keys`, in the order given (the order is the preference). */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key)?.[0];
    if (value) return value;
  }
  return null;
}
