// Debian's Chromium with the built extension, headless, on a fresh profile: the way STACK.md verified.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const e2eExtensionDir = resolve('.output/chrome-mv3-e2e');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  worker: () => Promise<Worker>;
  url: (page: string) => string;
  close: () => Promise<void>;
}

export async function launchWithExtension(
  options: { lang?: 'en' | 'fr'; profileDir?: string; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'icc-profile-'));
  const lang = options.lang ?? 'en';
  const extensionDir = options.extensionDir ?? e2eExtensionDir;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    env: { ...process.env, LANGUAGE: lang === 'fr' ? 'fr' : 'en_US' },
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang === 'fr' ? 'fr' : 'en-US'}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    profileDir,
    worker,
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    close: () => context.close(),
  };
}
