// Injected on demand (never declared in the manifest) by the background with
// `browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/extract.js'] })`: reads the
// page once and returns plain data, which the browser structured-clones back as `results[0].result`.
// It adds no listeners and leaves nothing in the page.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractPage } from '../lib/extract/page.ts';

export default defineContentScript({
  registration: 'runtime',
  // WXT otherwise announces every content script to the page with window.postMessage; the page has no
  // business knowing we read it (https://github.com/wxt-dev/wxt/pull/2035).
  noScriptStartedPostMessage: true,
  main(ctx) {
    try {
      return extractPage(document, { url: location.href, captureSelection: true });
    } finally {
      // WXT's context keeps a document listener (to stop older copies of this script) until it is ended.
      // A one-shot read needs none of it: ending the context removes that listener.
      ctx.abort('extraction done');
    }
  },
});
