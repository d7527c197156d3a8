import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserTranslatorError,
  browserTranslatorAvailability,
  browserTranslatorEngine,
  browserTranslatorReason,
  browserTranslatorSupported,
  createBrowserTranslator,
  translateWithBrowser,
} from '../../extension/lib/translate/browser-translator.ts';
import { fakeTranslator } from './translate-fake-chrome-ai.ts';

const enFr = { sourceLanguage: 'en', targetLanguage: 'fr' };
const text = 'The city opened a welcome desk for newcomers.';

async function rejection(promise: Promise<unknown>): Promise<BrowserTranslatorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BrowserTranslatorError);
  return error as BrowserTranslatorError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('built-in Translator availability', () => {
  it('is unsupported without the global (Firefox, older Chrome, the service worker)', async () => {
    expect(browserTranslatorSupported({})).toBe(false);
    expect(await browserTranslatorAvailability(enFr, {})).toBe('unsupported');
    expect(browserTranslatorSupported()).toBe(false);
    expect((await rejection(translateWithBrowser(text, enFr))).reason).toBe('unsupported');
  });

  it('answers the spec’s states per pair, reading the page’s global by default', async () => {
    const fake = fakeTranslator({
      pairs: { 'en>fr': 'available', 'en>it': 'downloadable', 'en>es': 'downloading' },
    });
    vi.stubGlobal('Translator', fake.global);
    expect(browserTranslatorSupported()).toBe(true);
    expect(await browserTranslatorAvailability(enFr)).toBe('available');
    expect(await browserTranslatorAvailability({ sourceLanguage: 'en', targetLanguage: 'it' })).toBe(
      'downloadable',
    );
    expect(await browserTranslatorAvailability({ sourceLanguage: 'en', targetLanguage: 'es' })).toBe(
      'downloading',
    );
    expect(await browserTranslatorAvailability({ sourceLanguage: 'ca', targetLanguage: 'fr' })).toBe(
      'unavailable',
    );
  });

  it('treats an invalid language tag as unavailable', async () => {
    const fake = fakeTranslator({ pairs: {} });
    expect(
      await browserTranslatorAvailability(
        { sourceLanguage: 'x!', targetLanguage: 'fr' },
        { Translator: fake.global },
      ),
    ).toBe('unavailable');
  });
});

describe('translating with the built-in Translator', () => {
  it('translates with an available pair and destroys the translator afterwards', async () => {
    const fake = fakeTranslator({ pairs: { 'en>fr': 'available' } });
    expect(await translateWithBrowser(text, enFr, { Translator: fake.global })).toBe(`[fr] ${text}`);
    expect(fake.destroyed).toEqual([enFr]);
  });

  it('downloads a downloadable pair inside a user gesture, reporting progress 0–1', async () => {
    const fake = fakeTranslator({
      pairs: { 'en>it': 'downloadable' },
      userActivation: true,
      progress: [0, 0.25, 0.5, 1.2, 1],
    });
    const progress: number[] = [];
    const pair = { sourceLanguage: 'en', targetLanguage: 'it' };
    const translated = await translateWithBrowser(
      text,
      { ...pair, onProgress: (loaded) => progress.push(loaded) },
      { Translator: fake.global },
    );
    expect(translated).toBe(`[it] ${text}`);
    expect(progress).toEqual([0, 0.25, 0.5, 1, 1]);
    expect(await browserTranslatorAvailability(pair, { Translator: fake.global })).toBe('available');
  });

  it('needs a user gesture for the first download (NotAllowedError → needs_gesture)', async () => {
    const fake = fakeTranslator({ pairs: { 'en>it': 'downloadable' }, userActivation: false });
    const error = await rejection(
      translateWithBrowser(text, { sourceLanguage: 'en', targetLanguage: 'it' }, { Translator: fake.global }),
    );
    expect(error.reason).toBe('needs_gesture');
  });

  it('reports a failed download (NetworkError → download_failed) and the pair stays downloadable', async () => {
    const fake = fakeTranslator({
      pairs: { 'en>it': 'downloadable' },
      userActivation: true,
      networkDown: true,
    });
    const progress: number[] = [];
    const error = await rejection(
      createBrowserTranslator(
        { sourceLanguage: 'en', targetLanguage: 'it', onProgress: (p) => progress.push(p) },
        { Translator: fake.global },
      ),
    );
    expect(error.reason).toBe('download_failed');
    expect(progress).toEqual([0, 1]);
    expect(fake.state['en>it']).toBe('downloadable');
  });

  it('does not call create for an unavailable pair', async () => {
    const fake = fakeTranslator({ pairs: {} });
    const error = await rejection(
      translateWithBrowser(text, { sourceLanguage: 'ca', targetLanguage: 'fr' }, { Translator: fake.global }),
    );
    expect(error.reason).toBe('unavailable');
    expect(fake.created).toEqual([]);
  });

  it('maps NotSupportedError from create to unavailable', async () => {
    const fake = fakeTranslator({ pairs: {} });
    const error = await rejection(
      createBrowserTranslator({ sourceLanguage: 'eu', targetLanguage: 'fr' }, { Translator: fake.global }),
    );
    expect(error.reason).toBe('unavailable');
  });

  it('refuses text over the input quota (too_long), checked before translating', async () => {
    const translate = vi.fn((t: string) => t);
    const fake = fakeTranslator({ pairs: { 'en>fr': 'available' }, inputQuota: 20, translate });
    const error = await rejection(translateWithBrowser(text, enFr, { Translator: fake.global }));
    expect(error.reason).toBe('too_long');
    expect(translate).not.toHaveBeenCalled();
    expect(fake.destroyed).toEqual([enFr]);
  });

  it('maps QuotaExceededError from translate() to too_long when the quota is not exposed', async () => {
    const fake = fakeTranslator({ pairs: { 'en>fr': 'available' } });
    const quotaless = {
      ...fake.global,
      async create(options: Parameters<typeof fake.global.create>[0]) {
        const instance = await fake.global.create(options);
        return {
          destroy: () => instance.destroy(),
          translate: async () => {
            throw new DOMException('Input too large', 'QuotaExceededError');
          },
        };
      },
    };
    expect((await rejection(translateWithBrowser(text, enFr, { Translator: quotaless }))).reason).toBe(
      'too_long',
    );
  });

  it('reports an aborted translation as aborted', async () => {
    const fake = fakeTranslator({ pairs: { 'en>fr': 'available' } });
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      translateWithBrowser(text, { ...enFr, signal: controller.signal }, { Translator: fake.global }),
    );
    expect(error.reason).toBe('aborted');
  });

  it('maps unknown errors to failed', () => {
    expect(browserTranslatorReason(new DOMException('Document not active', 'InvalidStateError'))).toBe(
      'failed',
    );
    expect(browserTranslatorReason('boom')).toBe('failed');
  });
});

describe('the built-in Translator as an engine of the chain', () => {
  it('answers ok with the translation', async () => {
    const fake = fakeTranslator({ pairs: { 'en>fr': 'available' } });
    const engine = browserTranslatorEngine({ scope: { Translator: fake.global } });
    expect(await engine({ text, sourceLang: 'en', targetLang: 'fr' })).toEqual({
      ok: true,
      text: `[fr] ${text}`,
      provider: 'browser',
    });
  });

  it('answers failures as results with their reason', async () => {
    const fake = fakeTranslator({ pairs: { 'en>it': 'downloadable' } });
    const engine = browserTranslatorEngine({ scope: { Translator: fake.global } });
    expect(await engine({ text, sourceLang: 'en', targetLang: 'it' })).toMatchObject({
      ok: false,
      reason: 'needs_gesture',
    });
    expect(await engine({ text, sourceLang: 'ca', targetLang: 'fr' })).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    expect(
      await browserTranslatorEngine({ scope: {} })({ text, sourceLang: 'en', targetLang: 'fr' }),
    ).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
  });

  it('needs a known source language', async () => {
    const fake = fakeTranslator({ pairs: { 'en>fr': 'available' } });
    const engine = browserTranslatorEngine({ scope: { Translator: fake.global } });
    expect(await engine({ text, sourceLang: 'und', targetLang: 'fr' })).toMatchObject({
      ok: false,
      reason: 'source_unknown',
    });
    expect(fake.created).toEqual([]);
  });

  it('passes download progress through', async () => {
    const fake = fakeTranslator({
      pairs: { 'en>it': 'downloadable' },
      userActivation: true,
      progress: [0, 0.5, 1],
    });
    const progress: number[] = [];
    const engine = browserTranslatorEngine({
      scope: { Translator: fake.global },
      onProgress: (p) => progress.push(p),
    });
    expect(await engine({ text, sourceLang: 'en', targetLang: 'it' })).toMatchObject({ ok: true });
    expect(progress).toEqual([0, 0.5, 1]);
  });
});
