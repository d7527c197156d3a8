// The page's main article, found by Mozilla Readability (the engine of Firefox Reader View). Readability
// rewrites the DOM it reads, so it only ever sees a clone: the member's page must stay exactly as it was.
import { isProbablyReaderable, Readability } from '@mozilla/readability';

/** What Readability found in the body, used where the head had nothing: a byline, the first paragraph. */
export interface ArticleHints {
  byline: string | null;
  excerpt: string | null;
  dir: string | null;
}

export interface ArticleResult {
  /** Readability's cleaned article, an element of the clone (never attached to the live page); null when
   * the page has no article. */
  content: Element | null;
  hints: ArticleHints;
  /** Firefox's own "offer Reader View?" test, on the live page. */
  readerable: boolean;
  ms: number;
}

/**
 * Readability returns something for most pages, link hubs and forms included. A page Firefox would not offer
 * Reader View for counts as an article only when Readability found at least this much text in it.
 */
const minTextWhenNotReaderable = 500;

const noHints: ArticleHints = { byline: null, excerpt: null, dir: null };

export function findArticle(doc: Document): ArticleResult {
  const started = performance.now();
  const readerable = isProbablyReaderable(doc);
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(clone, {
    serializer: (node) => node as Element,
    // Classes stay so that the Markdown converter can read `language-*` on code blocks.
    keepClasses: true,
  }).parse();
  const ms = performance.now() - started;
  if (!parsed) return { content: null, hints: noHints, readerable, ms };

  const textLength = (parsed.textContent ?? '').trim().length;
  const isArticle = textLength > 0 && (readerable || textLength >= minTextWhenNotReaderable);
  return {
    content: isArticle ? (parsed.content ?? null) : null,
    hints: {
      byline: parsed.byline?.trim() || null,
      excerpt: parsed.excerpt?.trim() || null,
      dir: parsed.dir?.trim() || null,
    },
    readerable,
    ms,
  };
}
