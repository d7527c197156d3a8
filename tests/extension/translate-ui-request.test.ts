// "Translate selection" hand-over and the server client: the request the side panel receives (text, page,
// the practice clipped from it), taken once; a selection that cannot be read said why; the server's error
// code kept (not flattened as sync does), offline and Retry-After told apart.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeTranslateRequest, translateSelection } from '../../extension/features/translate-selection.ts';
import { requestSchema } from '../../extension/lib/messages.ts';
import { useLibraryDatabase } from '../../extension/store/db.ts';
import { createPractice } from '../../extension/store/practices.ts';
import { callServer, translateOnServer } from '../../extension/sync/translate-client.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { newPractice } from '../support/new-practice.ts';

const pageUrl = 'https://www.comune.bari.it/antirumours';

beforeEach(async () => {
  fakeBrowser.reset();
  await useLibraryDatabase(`test-${uuidv7()}`);
  fakeBrowser.tabs.get = (async (id: number) => ({
    id,
    url: pageUrl,
    title: 'Campagna anti-dicerie',
  })) as never;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('translate selection', () => {
  it('hands the menu’s selected text, the page and its practice to the side panel, once', async () => {
    const practice = await createPractice(
      newPractice({ url: pageUrl, title: 'Campagna anti-dicerie', lang: 'it' }),
    );
    const executeScript = vi.fn();
    fakeBrowser.scripting.executeScript = executeScript as never;
    const reply = await translateSelection(7, '  Il consiglio comunale ha lanciato una campagna. ');
    expect(executeScript).not.toHaveBeenCalled();
    expect(reply).toMatchObject({
      ok: true,
      request: { text: 'Il consiglio comunale ha lanciato una campagna.', pageUrl, practiceId: practice.id },
    });
    expect(await takeTranslateRequest()).toEqual(reply);
    expect(await takeTranslateRequest()).toBeNull();
  });

  it('reads the selection with a one-off script for the shortcut, and says when there is none or no access', async () => {
    fakeBrowser.scripting.executeScript = (async () => [{ result: 'Benvenuti in biblioteca' }]) as never;
    expect(await translateSelection(7)).toMatchObject({
      ok: true,
      request: { text: 'Benvenuti in biblioteca', practiceId: null },
    });
    fakeBrowser.scripting.executeScript = (async () => [{ result: '   ' }]) as never;
    expect(await translateSelection(7)).toMatchObject({ ok: false, reason: 'no-selection' });
    fakeBrowser.scripting.executeScript = (async () => {
      throw new Error('Cannot access contents of url "chrome://settings/"');
    }) as never;
    expect(await translateSelection(7)).toMatchObject({ ok: false, reason: 'restricted' });
    expect(await takeTranslateRequest()).toMatchObject({ ok: false, reason: 'restricted' });
  });

  it('accepts a translate request only with text and languages', () => {
    expect(
      requestSchema.safeParse({ type: 'translate', text: 'Ciao', source: 'it', target: 'en' }).success,
    ).toBe(true);
    expect(requestSchema.safeParse({ type: 'translate', text: '', source: 'it', target: 'en' }).success).toBe(
      false,
    );
    expect(
      requestSchema.safeParse({
        type: 'translate',
        text: 'Ciao',
        source: 'it',
        target: 'en',
        engine: 'google',
      }).success,
    ).toBe(false);
  });
});

describe('the translation server client', () => {
  const connection = { server: 'http://127.0.0.1:9', token: 'secret' };

  it('keeps the server’s error code, message, details and Retry-After', async () => {
    const body = {
      error: { code: 'daily_limit', message: 'Daily limit reached', details: { limit: 50000 } },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () => new Response(JSON.stringify(body), { status: 429, headers: { 'retry-after': '120' } }),
      ),
    );
    expect(
      await translateOnServer({ ...connection } as never, { text: 'Ciao', source: 'it', target: 'en' }),
    ).toEqual({
      ok: false,
      failure: {
        code: 'daily_limit',
        message: 'Daily limit reached',
        details: { limit: 50000 },
        retryAfterSeconds: 120,
      },
    });
  });

  it('sends the token and the request, and parses the answer', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ translatedText: 'Hello', engine: 'libretranslate', source: 'it', cached: false }),
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const reply = await translateOnServer({ ...connection } as never, {
      text: 'Ciao',
      source: 'it',
      target: 'en',
    });
    expect(reply).toEqual({
      ok: true,
      value: { translatedText: 'Hello', engine: 'libretranslate', source: 'it', cached: false },
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:9/api/translate');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer secret');
    expect(JSON.parse(init.body as string)).toEqual({ text: 'Ciao', source: 'it', target: 'en' });
  });

  it('says offline when the server cannot be reached, and names a bare status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await callServer(connection, '/api/translate/engines', (b) => b)).toMatchObject({
      ok: false,
      failure: { code: 'offline' },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' })),
    );
    expect(await callServer(connection, '/api/translate/engines', (b) => b)).toMatchObject({
      ok: false,
      failure: { code: 'http_502', message: '502 Bad Gateway' },
    });
  });
});
