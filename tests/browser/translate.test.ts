// Translating a selection end to end, in real Chromium against the real server with a LibreTranslate-
// compatible fake behind it: two members of Bari. Ana selects Italian text, "Translate selection" opens the
// Translate tab with the detected language; Suggest falls through Chrome's built-in Translator (Debian's
// Chromium has no on-device model) to the server's engine; Ana edits and saves; Bruno syncs and finds it;
// the same text later comes from memory first, exact, without asking the engine again. Then the Translate
// tab in French, unconnected: the labels and the "connect first" message in French.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeEngine, fakeTranslate, startFakeLibreTranslate } from '../support/fake-libretranslate.ts';
import { type ExtensionBrowser, e2eExtensionDir, launchWithExtension } from './harness/chromium.ts';
import { controlPage, openPopupFor, openSidePanel, selectText, tabIdFor } from './harness/extension-pages.ts';
import { type PageServer, servePages } from './harness/page-server.ts';
import { startSyncServer, type TestMember } from './harness/sync-server.ts';

const shots = '.tmp/screenshots';
mkdirSync(shots, { recursive: true });

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

interface Member {
  ext: ExtensionBrowser;
  panel: Page;
  account: TestMember;
}

const italian = 'Il consiglio comunale ha lanciato una campagna anti-dicerie.';
const reviewed = 'The city council has launched an anti-rumour campaign.';

// A private copy of the e2e build: other test files rebuild .output while this one runs.
let extensionDir: string;
let site: PageServer;
let engine: FakeEngine;
let server: Awaited<ReturnType<typeof startSyncServer>>;
let ana: Member;
let bruno: Member;

async function connect(account: TestMember): Promise<Member> {
  const ext = await launchWithExtension({ extensionDir });
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.locator('input[name="connect"]').fill(account.connectCode);
  await options.getByRole('button', { name: 'Connect', exact: true }).click();
  await options.locator('[data-tone="ok"]', { hasText: `as ${account.name} (` }).waitFor();
  await options.close();
  return { ext, account, panel: await openSidePanel(ext) };
}

/** Ana's gesture on a page: the text selected, then "Translate selection" (the path the menu and key take). */
async function translateSelectionOn(m: { ext: ExtensionBrowser }, text: string): Promise<void> {
  const control = await controlPage(m.ext);
  const page = await m.ext.context.newPage();
  await page.goto(site.url('/welcome-desk.html'));
  await page.evaluate((t) => {
    const p = document.createElement('p');
    p.lang = 'it';
    p.textContent = t;
    document.querySelector('main, body')!.append(p);
  }, text);
  await selectText(page, text);
  const tabId = await tabIdFor(control, page.url());
  const reply = (await control.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'translate-selection', tabId: id }),
    tabId,
  )) as { ok: boolean };
  expect(reply.ok).toBe(true);
  await control.close();
}

async function syncNow(m: Member) {
  const status = m.panel.locator('[data-testid="sync-status"]');
  const before = await status.getAttribute('data-synced-at');
  await m.panel.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(
      async () =>
        (await status.getAttribute('data-synced-at')) !== before &&
        (await status.getAttribute('data-phase')) === 'idle',
      { timeout: 15_000 },
    )
    .toBe(true);
}

const suggestions = (m: Member) => m.panel.locator('[data-testid="suggestions"] li');
const snippetRows = (m: Member) => m.panel.locator('[data-testid="snippet-list"] > li');

beforeAll(async () => {
  extensionDir = mkdtempSync(join(tmpdir(), 'icc-translate-ext-'));
  cpSync(e2eExtensionDir, extensionDir, { recursive: true });
  site = await servePages();
  engine = await startFakeLibreTranslate();
  server = await startSyncServer({ translationEnv: { LIBRETRANSLATE_URL: engine.url } });
  const bari = await server.city('Bari', 'IT', 'it');
  ana = await connect(await server.member(bari.id, 'Ana', 'contributor'));
  bruno = await connect(await server.member(bari.id, 'Bruno', 'contributor'));
});

afterAll(async () => {
  for (const m of [ana, bruno]) await m?.ext.close();
  await server?.close();
  await engine?.stop();
  await site?.close();
});

describe('translating a selection', () => {
  it('opens the Translate tab with the detected language and a LibreTranslate suggestion, then saves the edit', async () => {
    await translateSelectionOn(ana, italian);
    await expect
      .poll(() => ana.panel.getByRole('tab', { name: 'Translate' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => ana.panel.locator('textarea[name="sourceText"]').inputValue()).toBe(italian);
    await expect
      .poll(() => ana.panel.locator('select[name="sourceLang"] option').first().textContent())
      .toBe('Italian (detected)');
    // The city's language is the source here, so English comes first.
    expect(await ana.panel.locator('select[name="targetLang"]').inputValue()).toBe('en');

    const translatorState = await ana.panel.evaluate(async () => {
      const api = (globalThis as { Translator?: { availability(o: object): Promise<string> } }).Translator;
      if (!api) return 'no Translator global';
      return api.availability({ sourceLanguage: 'it', targetLanguage: 'en' });
    });
    console.info(`Chrome built-in Translator here (it → en): ${translatorState}`);

    await ana.panel.getByRole('button', { name: 'Suggest' }).click();
    const expected = fakeTranslate(italian, 'it', 'en').text;
    await expect.poll(() => suggestions(ana).count(), { timeout: 15_000 }).toBe(1);
    expect(await suggestions(ana).first().getAttribute('data-engine')).toBe('libretranslate');
    expect(await suggestions(ana).first().locator('.suggestion-label').textContent()).toBe('LibreTranslate');
    expect(await suggestions(ana).first().locator('.suggestion-text').textContent()).toBe(expected);
    // Debian's Chromium has no on-device model: the chain fell through and says so.
    expect(await ana.panel.locator('[data-testid="engine-fallthrough"]').textContent()).toContain(
      'suggestion comes from the server',
    );
    const asked = engine.requests.filter((r) => r.path === '/translate');
    expect(asked.at(-1)?.body).toMatchObject({ q: italian, source: 'it', target: 'en' });

    const editor = ana.panel.locator('textarea[name="translation"]');
    expect(await editor.inputValue()).toBe(expected);
    await ana.panel.screenshot({ path: `${shots}/translate-suggestion.png`, fullPage: true });
    await editor.fill(reviewed);
    await ana.panel.getByRole('button', { name: 'Save translation' }).click();
    await ana.panel.locator('[data-tone="ok"]', { hasText: 'Translation into English saved.' }).waitFor();
    await expect.poll(() => snippetRows(ana).allInnerTexts()).toEqual([expect.stringContaining(italian)]);
  });

  it('reaches the colleague’s browser with who reviewed it', async () => {
    await syncNow(ana);
    await syncNow(bruno);
    await bruno.panel.getByRole('tab', { name: 'Translate' }).click();
    await expect.poll(() => snippetRows(bruno).allInnerTexts()).toEqual([expect.stringContaining(italian)]);
    await snippetRows(bruno).first().locator('button.row').click();
    const detail = bruno.panel.locator('[data-testid="snippet-detail"]');
    expect(await detail.textContent()).toContain(reviewed);
    expect(await detail.locator('.provenance').textContent()).toMatch(
      /^Reviewed by Ana, .+ · LibreTranslate$/,
    );
    await bruno.panel.getByLabel('Search saved translations').fill('rumour campaign');
    expect(await snippetRows(bruno).count()).toBe(1);
    await bruno.panel.getByLabel('Search saved translations').fill('biblioteca');
    expect(await snippetRows(bruno).count()).toBe(0);
  });

  it('offers the reviewed translation from memory first, exact, without asking the engine', async () => {
    const before = engine.requests.length;
    await translateSelectionOn(bruno, italian);
    await expect.poll(() => bruno.panel.locator('textarea[name="sourceText"]').inputValue()).toBe(italian);
    // Until the text's language is detected the target is the city's (Italian): wait, as a reader would.
    await expect
      .poll(() => bruno.panel.locator('select[name="sourceLang"] option').first().textContent())
      .toBe('Italian (detected)');
    expect(await bruno.panel.locator('select[name="targetLang"]').inputValue()).toBe('en');
    await bruno.panel.getByRole('button', { name: 'Suggest' }).click();
    await expect.poll(() => suggestions(bruno).count()).toBe(1);
    const first = suggestions(bruno).first();
    expect(await first.getAttribute('data-engine')).toBe('memory');
    expect(await first.getAttribute('data-exact')).toBe('true');
    expect(await first.locator('.suggestion-label').textContent()).toContain(
      'exact match (100%) · reviewed by Ana',
    );
    expect(await first.locator('.suggestion-text').textContent()).toBe(reviewed);
    expect(await bruno.panel.locator('textarea[name="translation"]').inputValue()).toBe(reviewed);
    expect(engine.requests.length).toBe(before);
    await bruno.panel.screenshot({ path: `${shots}/translate-memory.png`, fullPage: true });
  });
});

describe('a viewer', () => {
  let vera: Member;
  afterAll(async () => {
    await vera?.ext.close();
  });

  it('reads the city’s translations and gets suggestions, but is told saving is not for viewers', async () => {
    vera = await connect(await server.member(ana.account.cityId, 'Vera', 'viewer'));
    await syncNow(vera);
    await vera.panel.getByRole('tab', { name: 'Translate' }).click();
    await expect.poll(() => snippetRows(vera).count()).toBe(1);
    await vera.panel.getByLabel('Text to translate').fill('Benvenuti in biblioteca');
    // Too short to detect for sure: the member says which language it is.
    await vera.panel.locator('select[name="sourceLang"]').selectOption('it');
    expect(await vera.panel.locator('select[name="targetLang"]').inputValue()).toBe('en');
    await vera.panel.getByRole('button', { name: 'Suggest' }).click();
    await expect
      .poll(() => suggestions(vera).first().locator('.suggestion-text').textContent(), { timeout: 15_000 })
      .toBe(fakeTranslate('Benvenuti in biblioteca', 'it', 'en').text);
    expect(await vera.panel.getByText('your role (viewer) does not allow saving translations').count()).toBe(
      1,
    );
    expect(await vera.panel.getByRole('button', { name: 'Save translation' }).isDisabled()).toBe(true);
  });
});

describe('bilingual practice cards', () => {
  it('translates a practice’s summary, applies the glossary, and shows it on the practice with who reviewed it', async () => {
    const control = await controlPage(ana.ext);
    const page = await ana.ext.context.newPage();
    await page.goto(site.url('/welcome-desk.html'));
    const popup = await openPopupFor(ana.ext, await tabIdFor(control, page.url()));
    await expect.poll(() => popup.locator('input[name="title"]').inputValue()).toContain('welcome desk');
    const excerpt = await popup.locator('textarea[name="excerpt"]').inputValue();
    await popup.getByRole('button', { name: 'Save to library' }).click();
    await expect.poll(() => popup.locator('[data-tone="ok"]').textContent()).toBe('Saved to your library.');
    await popup.close();

    await ana.panel.getByRole('tab', { name: 'Library' }).click();
    await ana.panel.locator('[data-testid="practice-list"] li button', { hasText: 'welcome desk' }).click();
    expect(await ana.panel.locator('[data-testid="summary-list"]').count()).toBe(0);
    await ana.panel.getByRole('button', { name: 'Translate summary' }).click();
    await expect.poll(() => ana.panel.locator('textarea[name="sourceText"]').inputValue()).toBe(excerpt);
    expect(await ana.panel.locator('.notice', { hasText: 'Translating the summary of' }).count()).toBe(1);
    await ana.panel.locator('select[name="targetLang"]').selectOption('fr');
    await ana.panel.getByRole('button', { name: 'Suggest' }).click();
    await expect
      .poll(() => suggestions(ana).first().locator('.suggestion-text').textContent(), { timeout: 15_000 })
      .toBe(fakeTranslate(excerpt, 'en', 'fr').text);

    // "newcomers" is an ICC term: the engine left it in English, the glossary offers the French one.
    const missing = ana.panel.locator('[data-testid="glossary-hints"] li[data-missing="true"]');
    await expect.poll(() => missing.count()).toBeGreaterThan(0);
    const term = (await missing.first().locator('strong').textContent())!;
    await ana.panel.screenshot({ path: `${shots}/translate-glossary.png`, fullPage: true });
    await missing.first().getByRole('button', { name: 'Apply' }).click();
    // Applied in running text: a heading capital is dropped ("… des nouveaux arrivants" mid-sentence).
    await expect
      .poll(async () => (await ana.panel.locator('textarea[name="translation"]').inputValue()).toLowerCase())
      .toContain(term.toLowerCase());

    await ana.panel.getByRole('button', { name: 'Save translation' }).click();
    await ana.panel
      .locator('[data-tone="ok"]', { hasText: 'Summary in French saved on the practice.' })
      .waitFor();
    // Back on the Library tab, the practice is still open, now with its French summary.
    await ana.panel.getByRole('tab', { name: 'Library' }).click();
    await expect.poll(() => ana.panel.locator('#practice-title').textContent()).toContain('welcome desk');
    const summary = ana.panel.locator('[data-testid="summary-list"] li');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.locator('.field-label').textContent()).toBe('French');
    expect((await summary.locator('p').textContent())!.toLowerCase()).toContain(term.toLowerCase());
    expect(await summary.locator('.provenance').textContent()).toMatch(
      /^Reviewed by Ana, .+ · LibreTranslate$/,
    );
    await ana.panel.screenshot({ path: `${shots}/practice-summaries.png`, fullPage: true });
  });
});

describe('the Translate tab in French', () => {
  let ext: ExtensionBrowser;
  afterAll(async () => {
    await ext?.close();
  });

  it('speaks French and says to connect before asking the server, keeping the text', async () => {
    ext = await launchWithExtension({ lang: 'fr', extensionDir });
    const panel = await openSidePanel(ext);
    await panel.getByRole('tab', { name: 'Traduire' }).click();
    await panel
      .getByLabel('Texte à traduire')
      .fill('Le conseil municipal a lancé une campagne anti-rumeurs.');
    await expect
      .poll(() => panel.locator('select[name="sourceLang"] option').first().textContent())
      .toBe('français (détecté)');
    expect(await panel.locator('select[name="targetLang"] option').first().textContent()).toBe('anglais');
    await panel.getByLabel(/^Traduction en anglais/).fill('Mon brouillon');
    await panel.getByRole('button', { name: 'Suggérer' }).click();
    await expect
      .poll(() => panel.locator('[data-tone="error"], [data-tone="warn"]').first().textContent())
      .toContain('connectez-vous d’abord');
    expect(await panel.getByLabel(/^Traduction en anglais/).inputValue()).toBe('Mon brouillon');
    await panel.screenshot({ path: `${shots}/translate-fr.png`, fullPage: true });

    // A new selection takes the workspace; the unsaved translation is set aside and can be brought back.
    await translateSelectionOn({ ext }, italian);
    await expect.poll(() => panel.getByLabel('Texte à traduire').inputValue()).toBe(italian);
    await panel.getByRole('button', { name: 'La reprendre' }).click();
    expect(await panel.getByLabel('Texte à traduire').inputValue()).toContain('campagne anti-rumeurs');
    expect(await panel.getByLabel(/^Traduction en anglais/).inputValue()).toBe('Mon brouillon');

    // Options: the server's engine first from now on, kept in storage.local.
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 700, height: 900 });
    await options.goto(ext.url('options.html'));
    await options.getByLabel('le moteur du serveur, puis le traducteur intégré de Chrome').check();
    await options.locator('[data-tone="ok"]', { hasText: 'Réglages de traduction enregistrés.' }).waitFor();
    expect(
      await options.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome;
        return (await api.storage.local.get('translatePrefs')).translatePrefs;
      }),
    ).toEqual({ engineOrder: ['server', 'browser'], defaultTarget: null });
    await options.locator('#translate-options').scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${shots}/translate-options-fr.png` });
  });
});
