// The code the bench runs inside Chromium, as strings. Under tsx, functions handed to page.evaluate carry
// esbuild's `__name(...)` helper calls, which do not exist in the page; a string reaches it untouched.
// Each expression returns plain data only (never the Markdown itself) so that Playwright's own transfer
// stays out of what is measured.

export interface PipelineRun {
  /** performance.now() around chrome.scripting.executeScript in the extension page: what the popup waits. */
  roundTripMs: number;
  /** The extraction's own timings.totalMs, measured inside the page. */
  totalMs: number;
  readabilityMs: number;
  extraction: 'full' | 'metadata-only' | 'none' | null;
  markdownChars: number;
}

export interface ReadabilityRun {
  ms: number;
  found: boolean;
  textChars: number;
}

/** Runs in an extension page: the product path the background takes (extension/features/extract-tab.ts). */
export function pipelineExpression(tabId: number): string {
  return `(async () => {
    const started = performance.now();
    const results = await chrome.scripting.executeScript({
      target: { tabId: ${JSON.stringify(tabId)} },
      files: ['/content-scripts/extract.js'],
    });
    const roundTripMs = performance.now() - started;
    const page = results[0] && results[0].result;
    if (!page || !page.timings) throw new Error('the extraction returned nothing');
    return {
      roundTripMs,
      totalMs: page.timings.totalMs,
      readabilityMs: page.timings.readabilityMs,
      extraction: page.extraction,
      markdownChars: page.contentMarkdown.length,
    };
  })()`;
}

/**
 * Runs in the page's main world after Readability.js was injected: Readability alone, called the plain
 * documented way, on a clone as the pipeline does (Readability rewrites the document it reads).
 */
export const readabilityExpression = `(() => {
  const started = performance.now();
  const article = new Readability(document.cloneNode(true)).parse();
  const ms = performance.now() - started;
  return { ms, found: !!article, textChars: article && article.textContent ? article.textContent.length : 0 };
})()`;

export const hasReadabilityExpression = `typeof Readability === 'function'`;
