// Chromium with an unpacked extension from any folder (some benches load a copy of the e2e build with
// bench-only files added), through the test harness's own launcher, with its profile removed on close.
import { rmSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../../tests/browser/harness/chromium.ts';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  url: (page: string) => string;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

export async function launchExtension(extensionDir: string): Promise<BenchBrowser> {
  const browser = await launchWithExtension({ extensionDir });
  return {
    context: browser.context,
    extensionId: browser.extensionId,
    url: browser.url,
    async close() {
      await browser.close();
      rmSync(browser.profileDir, { recursive: true, force: true });
    },
  };
}
