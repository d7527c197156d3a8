// Chromium with an unpacked extension from any folder: the test harness (tests/browser/harness/chromium.ts)
// always loads .output/chrome-mv3-e2e, but some benches load a copy with bench-only files added. Same flags
// as the harness (STACK.md): headless, no background networking, a fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/browser/harness/chromium.ts';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  url: (page: string) => string;
  /** Closes the browser and removes its profile. */
  close: () => Promise<void>;
}

export async function launchExtension(extensionDir: string): Promise<BenchBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'icc-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'en-US',
    env: { ...process.env, LANGUAGE: 'en_US' },
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
