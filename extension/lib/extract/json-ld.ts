// Schema.org facts from the page's JSON-LD blocks (https://json-ld.org/spec/latest/json-ld/). Real pages put
// one object, an array, or a `@graph` whose members point at each other by `@id` (Yoast, Rank Math: the
// article's author and publisher are references to Person/Organization nodes elsewhere in the graph).
// Broken JSON in one block never hides the others.
import { decodeHtmlEntities } from './html-entities.ts';

export interface JsonLdFacts {
  headline: string | null;
  name: string | null;
  byline: string | null;
  excerpt: string | null;
  /** The article's or page's publisher. */
  publisher: string | null;
  /** The WebSite node's name: a weaker site name than the publisher's. */
  website: string | null;
  publishedTime: string | null;
  /** As written in the page: the caller resolves and filters it. */
  image: string | null;
}

type Node = Record<string, unknown>;

// Every schema.org Article subtype ends in "Article" (NewsArticle, ScholarlyArticle, …) and every
// SocialMediaPosting subtype in "Posting" (BlogPosting, LiveBlogPosting, DiscussionForumPosting).
const articleTypes = /(Article|Posting)$|^(Report|APIReference|PressRelease)$/;
const pageTypes = /^(WebPage|AboutPage|CollectionPage|ItemPage|FAQPage|ProfilePage)$/;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Node): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  // `schema:NewsArticle` and `https://schema.org/NewsArticle` are the same type.
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return decodeHtmlEntities(value).replace(/\s+/g, ' ').trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function parseBlocks(doc: Document): Node[] {
  const nodes: Node[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isNode(value)) {
      nodes.push(value);
      if (value['@graph'] !== undefined) collect(value['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const source = (script.textContent ?? '').replace(/^\s*(<!\[CDATA\[|<!--)|(\]\]>|-->)\s*$/g, '');
    try {
      collect(JSON.parse(source));
    } catch {
      // A broken block is the site's bug; the other blocks and the meta tags still count.
    }
  }
  return nodes;
}

/** Follows `{ "@id": … }` references to the node they name, when the graph has it. */
function dereference(value: unknown, byId: Map<string, Node>): unknown {
  if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

function names(value: unknown, byId: Map<string, Node>): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item) => {
    const node = dereference(item, byId);
    const name = typeof node === 'string' ? text(node) : isNode(node) ? text(node.name) : null;
    // An author given as a profile URL is not a name.
    return name && !/^https?:\/\//i.test(name) ? [name] : [];
  });
}

function imageOf(value: unknown, byId: Map<string, Node>): string | null {
  const node = dereference(Array.isArray(value) ? value[0] : value, byId);
  if (typeof node === 'string') return node.trim() || null;
  if (isNode(node)) return text(node.url) ?? text(node.contentUrl);
  return null;
}

export function readJsonLd(doc: Document): JsonLdFacts | null {
  const nodes = parseBlocks(doc);
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);

  const article = nodes.find((n) => typesOf(n).some((t) => articleTypes.test(t)));
  const page = nodes.find((n) => typesOf(n).some((t) => pageTypes.test(t)));
  const site = nodes.find((n) => typesOf(n).includes('WebSite'));
  const main = article ?? page;
  if (!main && !site) return null;

  const publisher = main ? dereference(main.publisher, byId) : undefined;
  const authors = article ? names(article.author ?? article.creator, byId) : [];
  return {
    // A WebPage's name is usually the whole <title> with the site's suffix: only an article's counts.
    headline: article ? text(article.headline) : null,
    name: article ? text(article.name) : null,
    byline: authors.length > 0 ? authors.join(', ') : null,
    excerpt: main ? text(main.description) : null,
    publisher: isNode(publisher) ? text(publisher.name) : null,
    website: site ? text(site.name) : null,
    publishedTime: main ? (text(main.datePublished) ?? text(main.dateCreated)) : null,
    image: main
      ? (imageOf(main.image, byId) ?? imageOf(main.primaryImageOfPage, byId) ?? text(main.thumbnailUrl))
      : null,
  };
}
