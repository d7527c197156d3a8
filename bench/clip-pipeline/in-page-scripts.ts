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

/** Readability alone injected as a content script: the in-page time and what the extension page waited. */
export interface ColdReadabilityRun extends ReadabilityRun {
  roundTripMs: number;
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
 * Runs in an extension page: a bench-only content script of the copied extension (Readability alone, the
 * pipeline's stages), injected afresh into the same isolated world the same way as extract.js, so it starts
 * as cold as extract.js does. The script returns a plain object; the round trip is added to it.
 */
export function injectedRunExpression(tabId: number, file: string): string {
  return `(async () => {
    const started = performance.now();
    const results = await chrome.scripting.executeScript({
      target: { tabId: ${JSON.stringify(tabId)} },
      files: [${JSON.stringify(`/${file}`)}],
    });
    const roundTripMs = performance.now() - started;
    const run = results[0] && results[0].result;
    if (!run || typeof run !== 'object') throw new Error(${JSON.stringify(`${file} returned nothing`)});
    return { ...run, roundTripMs };
  })()`;
}

/**
 * The earlier baseline, kept so the reader sees what changed: Readability.js injected once into the page's
 * main world and called the plain documented way (default options) on a clone, round after round, so its
 * code warms up while extract.js is compiled afresh on every clip.
 */
export const readabilityExpression = `(() => {
  const started = performance.now();
  const article = new Readability(document.cloneNode(true)).parse();
  const ms = performance.now() - started;
  return { ms, found: !!article, textChars: article && article.textContent ? article.textContent.length : 0 };
})()`;

export const hasReadabilityExpression = `typeof Readability === 'function'`;
