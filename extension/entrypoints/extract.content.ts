// Injected on demand (never declared in the manifest) by the background with
// `browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/extract.js'] })`: reads the
// page once and returns plain data, which the browser structured-clones back as `results[0].result`.
// It adds no listeners and leaves nothing in the page.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractPage } from '../lib/extract/page.ts';

export default defineContentScript({
  registration: 'runtime',
  main() {
    return extractPage(document, { url: location.href, captureSelection: true });
  },
});
