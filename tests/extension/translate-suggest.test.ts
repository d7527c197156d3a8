import { describe, expect, it, vi } from 'vitest';
import {
  type EngineResult,
  type MachineEngine,
  suggestTranslations,
  type TranslationRequest,
} from '../../extension/lib/translate/suggest.ts';
import type { MemoryMatch } from '../../shared/translate/memory.ts';

const text = 'The city opened a welcome desk for newcomers.';
const request = { text, sourceLang: 'en', targetLang: 'fr' };

function memoryMatch(translation: string, exact: boolean, similarity = exact ? 1 : 0.8): MemoryMatch {
  return {
    snippetId: `s-${translation}`,
    sourceText: text,
    sourceLang: 'en',
    translation,
    targetLang: 'fr',
    similarity,
    exact,
    reviewedBy: 'member-anna',
    reviewedAt: '2026-11-01T10:00:00Z',
  };
}

const answers = (result: EngineResult): MachineEngine => vi.fn(async () => result);
const ok = (t: string, extra: object = {}) => answers({ ok: true, text: t, ...extra });
const fails = (reason: string, message?: string) =>
  answers(message ? { ok: false, reason, message } : { ok: false, reason });

describe('suggestTranslations', () => {
  it('shows memory matches first, then the first machine engine that succeeds', async () => {
    const server = ok('La ville a ouvert un guichet.', { provider: 'libretranslate' });
    const result = await suggestTranslations({
      ...request,
      order: ['memory', 'browser', 'server'],
      engines: {
        memory: () => [memoryMatch('Proche relu', false)],
        browser: ok('La ville a ouvert un bureau d’accueil pour les nouveaux arrivants.'),
        server,
      },
    });
    expect(result.suggestions.map((s) => [s.engine, s.text])).toEqual([
      ['memory', 'Proche relu'],
      ['browser', 'La ville a ouvert un bureau d’accueil pour les nouveaux arrivants.'],
    ]);
    expect(server).not.toHaveBeenCalled();
    expect(result.failures).toEqual([]);
  });

  it('falls back to the next engine and says why the first failed', async () => {
    const result = await suggestTranslations({
      ...request,
      order: ['browser', 'server'],
      engines: {
        browser: fails('unavailable', 'The built-in Translator cannot translate ca to fr.'),
        server: ok('Traduction du serveur', { provider: 'deepl' }),
      },
    });
    expect(result.suggestions).toEqual([
      { engine: 'server', text: 'Traduction du serveur', provider: 'deepl' },
    ]);
    expect(result.failures).toEqual([
      {
        engine: 'browser',
        reason: 'unavailable',
        message: 'The built-in Translator cannot translate ca to fr.',
      },
    ]);
  });

  it('follows the member’s order (server before browser)', async () => {
    const browser = ok('navigateur');
    const result = await suggestTranslations({
      ...request,
      order: ['server', 'browser'],
      engines: { browser, server: ok('serveur') },
    });
    expect(result.suggestions.map((s) => s.engine)).toEqual(['server']);
    expect(browser).not.toHaveBeenCalled();
  });

  it('reports engines without a function as not configured, and thrown errors with their reason', async () => {
    const thrower: MachineEngine = async () => {
      throw Object.assign(new Error('Pack download needs a click'), { reason: 'needs_gesture' });
    };
    const result = await suggestTranslations({
      ...request,
      order: ['memory', 'browser', 'server'],
      engines: { browser: thrower },
    });
    expect(result.suggestions).toEqual([]);
    expect(result.failures).toEqual([
      { engine: 'memory', reason: 'not_configured' },
      { engine: 'browser', reason: 'needs_gesture', message: 'Pack download needs a click' },
      { engine: 'server', reason: 'not_configured' },
    ]);
  });

  it('reports an engine that throws a plain error as failed', async () => {
    const result = await suggestTranslations({
      ...request,
      order: ['server'],
      engines: {
        server: async () => {
          throw new TypeError('fetch failed');
        },
      },
    });
    expect(result.failures).toEqual([{ engine: 'server', reason: 'failed', message: 'fetch failed' }]);
  });

  it('does not ask machine engines when memory has an exact match, unless told to', async () => {
    const browser = ok('machine');
    const engines = { memory: () => [memoryMatch('Relu exact', true)], browser };
    const skipping = await suggestTranslations({ ...request, order: ['memory', 'browser'], engines });
    expect(skipping.suggestions.map((s) => s.engine)).toEqual(['memory']);
    expect(skipping.skipped).toEqual(['browser']);
    expect(browser).not.toHaveBeenCalled();

    const asking = await suggestTranslations({
      ...request,
      order: ['memory', 'browser'],
      engines,
      skipMachineOnExact: false,
    });
    expect(asking.suggestions.map((s) => s.engine)).toEqual(['memory', 'browser']);
  });

  it('shows memory matches first even when the member lists memory last', async () => {
    const result = await suggestTranslations({
      ...request,
      order: ['browser', 'memory'],
      engines: { memory: async () => [memoryMatch('Relu', false)], browser: ok('machine') },
    });
    expect(result.suggestions.map((s) => s.engine)).toEqual(['memory', 'browser']);
  });

  it('does not consult memory when the member removed it from the order', async () => {
    const memory = vi.fn(() => [memoryMatch('Relu', true)]);
    const result = await suggestTranslations({
      ...request,
      order: ['browser'],
      engines: { memory, browser: ok('m') },
    });
    expect(memory).not.toHaveBeenCalled();
    expect(result.suggestions.map((s) => s.engine)).toEqual(['browser']);
  });

  it('passes the request to each engine and announces each attempt', async () => {
    const seen: TranslationRequest[] = [];
    const attempts: string[] = [];
    await suggestTranslations({
      ...request,
      order: ['memory', 'browser', 'server'],
      engines: {
        memory: (r) => {
          seen.push(r);
          return [];
        },
        browser: async (r) => {
          seen.push(r);
          return { ok: false, reason: 'unsupported' };
        },
        server: async (r) => {
          seen.push(r);
          return { ok: true, text: 'ok' };
        },
      },
      onAttempt: (engine) => attempts.push(engine),
    });
    expect(attempts).toEqual(['memory', 'browser', 'server']);
    expect(seen.map((r) => [r.text, r.sourceLang, r.targetLang])).toEqual(Array(3).fill([text, 'en', 'fr']));
  });

  it('stops when aborted and marks the engines not asked', async () => {
    const controller = new AbortController();
    const server = ok('serveur');
    const result = await suggestTranslations({
      ...request,
      signal: controller.signal,
      order: ['browser', 'server'],
      engines: {
        browser: async () => {
          controller.abort();
          return { ok: false, reason: 'aborted' };
        },
        server,
      },
    });
    expect(server).not.toHaveBeenCalled();
    expect(result.failures).toEqual([
      { engine: 'browser', reason: 'aborted' },
      { engine: 'server', reason: 'aborted' },
    ]);
  });
});
