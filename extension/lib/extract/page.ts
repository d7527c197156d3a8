// Extract a page for clipping: its metadata, its article as Markdown, and the member's selection. The one
// entry point the UI and the content script call. Runs in the page (content script) or on any Document
// (tests, evaluation). It never throws: an odd page yields less ('metadata-only' or 'none'), never nothing.
import type { PageMetadata } from '../../../shared/schemas/practice.ts';
import { wellFormedDeep } from '../../../shared/well-formed.ts';
import { findArticle } from './article.ts';
import { htmlToMarkdown } from './markdown.ts';
import { clip, metadataLimits, readMetadata } from './metadata.ts';
import { documentBaseUrl } from './safe-url.ts';
import { captureSelection, type SelectionCapture } from './selection.ts';

export type { SelectionCapture } from './selection.ts';

export interface PageExtraction {
  /** Title never empty: the page's best title, else document.title, else the URL. */
  metadata: PageMetadata;
  /** '' when there is no article. */
  contentMarkdown: string;
  extraction: 'full' | 'metadata-only' | 'none';
  /** Only when asked for and something is selected. */
  selection: SelectionCapture | null;
  timings: { totalMs: number; readabilityMs: number };
}

/** practiceFields.contentMarkdown's schema limit. */
export const maxContentLength = 2_000_000;

/**
 * Documents the browser synthesised around something that is not a page (an image, a video opened directly)
 * have nothing to read. Plain text is kept: Readability reads it as one block.
 */
function isReadableDocument(doc: Document): boolean {
  const type = doc.contentType?.toLowerCase();
  return !type || /html|xml/.test(type) || type === 'text/plain';
}

/** What is always known, even when reading the page failed. */
function fallbackMetadata(doc: Document, url: string): PageMetadata {
  let title: string | null = null;
  try {
    title = clip(doc.title ?? null, metadataLimits.title);
  } catch {
    // A document without a usable <title>: the URL stands in.
  }
  return {
    url,
    canonicalUrl: null,
    title: title ?? (clip(url, metadataLimits.title) || 'Untitled page'),
    excerpt: '',
    siteName: null,
    byline: null,
    publishedTime: null,
    lang: null,
    dir: null,
    image: null,
  };
}

function truncate(markdown: string): string {
  if (markdown.length <= maxContentLength) return markdown;
  // Cut at a paragraph boundary when there is one close enough, so the clip does not end mid-word.
  const cut = markdown.lastIndexOf('\n\n', maxContentLength);
  return markdown.slice(0, cut > maxContentLength * 0.9 ? cut : maxContentLength);
}

interface ArticleReading {
  metadata: PageMetadata;
  contentMarkdown: string;
  readabilityMs: number;
}

/** The article on a clone of the page; what Readability found in the body fills what the head lacked. */
function readArticle(doc: Document, url: string, metadata: PageMetadata): ArticleReading {
  const { content, hints, ms } = findArticle(doc);
  const dir = hints.dir?.toLowerCase();
  return {
    metadata: {
      ...metadata,
      byline: metadata.byline ?? clip(hints.byline, metadataLimits.byline),
      excerpt: metadata.excerpt || (clip(hints.excerpt, metadataLimits.excerpt) ?? ''),
      // The article's own direction beats the document's: an Arabic article on an English portal is rtl.
      dir: dir === 'ltr' || dir === 'rtl' ? dir : metadata.dir,
    },
    contentMarkdown: content ? truncate(htmlToMarkdown(content, documentBaseUrl(doc, url))) : '',
    readabilityMs: ms,
  };
}

export function extractPage(
  doc: Document,
  options: { url: string; captureSelection?: boolean },
): PageExtraction {
  const started = performance.now();
  const { url } = options;

  // 1. The selection, from the live document, before anything else reads the page.
  let selection: SelectionCapture | null = null;
  if (options.captureSelection) {
    try {
      selection = captureSelection(doc);
    } catch {
      selection = null;
    }
  }

  // 2. Metadata from the head; if even that fails, the title and the URL.
  let metadata: PageMetadata;
  let readable = isReadableDocument(doc);
  try {
    metadata = readMetadata(doc, url);
  } catch {
    metadata = fallbackMetadata(doc, url);
    readable = false;
  }

  // 3. The article. A failure here costs the content, never the metadata.
  let contentMarkdown = '';
  let readabilityMs = 0;
  if (readable) {
    try {
      ({ metadata, contentMarkdown, readabilityMs } = readArticle(doc, url, metadata));
    } catch {
      contentMarkdown = '';
    }
  }

  // A page may hold lone UTF-16 surrogates (a JSON-LD `"\ud800"`, text a script wrote, a cut through an
  // emoji): repaired here to U+FFFD, so a hostile page can still be clipped (the server refuses ill-formed
  // strings, issue 15).
  return wellFormedDeep({
    metadata,
    contentMarkdown,
    extraction: contentMarkdown ? 'full' : readable ? 'metadata-only' : 'none',
    selection,
    timings: { totalMs: performance.now() - started, readabilityMs },
  });
}
