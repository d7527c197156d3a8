// Reads a tab on demand: injects the extraction content script into that tab only, when the member acts
// (toolbar click, shortcut, context menu: the activeTab grant), and returns what it found. Nothing is
// injected ahead of time and nothing stays in the page afterwards.
import { browser } from 'wxt/browser';
import type { PageExtraction } from '../lib/extract/page.ts';

export type ExtractOutcome =
  | { ok: true; page: PageExtraction }
  | { ok: false; reason: 'restricted' | 'failed'; detail: string };

const restrictedPage = /^(chrome|edge|about|moz-extension|chrome-extension|view-source|devtools|brave):/i;

export async function extractTab(tabId: number, url: string | undefined): Promise<ExtractOutcome> {
  if (!url || restrictedPage.test(url))
    return { ok: false, reason: 'restricted', detail: url ?? 'no address' };
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/content-scripts/extract.js'],
    });
    const page = first?.result as PageExtraction | undefined;
    if (!page?.metadata) return { ok: false, reason: 'failed', detail: 'the page returned nothing' };
    return { ok: true, page };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // Chromium refuses injection into the Web Store, other extensions and its PDF viewer with these words.
    const restricted = /cannot (access|be scripted)|extensions gallery|permission|Missing host/i.test(detail);
    return { ok: false, reason: restricted ? 'restricted' : 'failed', detail };
  }
}

/** What a clip holds when the page could not be read: its address and the tab's title. */
export function fallbackExtraction(url: string, title: string | undefined): PageExtraction {
  return {
    metadata: {
      url,
      canonicalUrl: null,
      title: title?.trim() || url,
      excerpt: '',
      siteName: siteNameOf(url),
      byline: null,
      publishedTime: null,
      lang: null,
      dir: null,
      image: null,
    },
    contentMarkdown: '',
    extraction: 'none',
    selection: null,
    timings: { totalMs: 0, readabilityMs: 0 },
  };
}

function siteNameOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
