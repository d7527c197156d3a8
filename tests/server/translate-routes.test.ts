// /api/translate through the real app on a fresh database, with the fake engines behind it: suggestions for
// every role, the city's cache (checked in the fake's request log), the per-request and daily limits,
// unsupported pairs, fallover between engines, engine failures, and the answer when none is configured.
import { describe, expect, it, onTestFinished } from 'vitest';
import { deeplEngine } from '../../server/translate/deepl.ts';
import { libreTranslateEngine } from '../../server/translate/libretranslate.ts';
import type { TranslationOptions } from '../../server/translate/setup.ts';
import { fakeDeepLKey, startFakeDeepL } from '../support/fake-deepl.ts';
import {
  type FakeEngine,
  fakeDetect,
  fakeLibreTranslateLanguages,
  fakeTranslate,
  phrasebook,
  startFakeLibreTranslate,
} from '../support/fake-libretranslate.ts';
import { fileBackend } from './support/backend.ts';
import { makeWorld, startTime } from './support/world.ts';

const campaign = phrasebook[3]!;
const migrants = phrasebook[5]!;

async function fakes() {
  const lt = await startFakeLibreTranslate();
  const deepl = await startFakeDeepL();
  onTestFinished(async () => {
    await lt.stop();
    await deepl.stop();
  });
  return { lt, deepl };
}

const engines = (f: { lt?: FakeEngine; deepl?: FakeEngine }, timeoutMs = 2000) => [
  ...(f.lt ? [libreTranslateEngine({ url: f.lt.url, timeoutMs })] : []),
  ...(f.deepl ? [deeplEngine({ apiKey: fakeDeepLKey, url: f.deepl.url, timeoutMs })] : []),
];

async function world(translation?: TranslationOptions) {
  return makeWorld(fileBackend, { translation });
}

const translateCalls = (fake: FakeEngine) => fake.requests.filter((r) => r.method === 'POST').length;

describe('POST /api/translate', () => {
  it('gives a viewer the engine’s suggestion with the detected language and its confidence', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }) });
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: campaign.fr, source: 'auto', target: 'en' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      translatedText: campaign.en,
      engine: 'libretranslate',
      source: 'fr',
      detectedConfidence: fakeDetect(campaign.fr).confidence / 100,
      cached: false,
    });
  });

  it('answers the same text again from the city’s cache, without calling the engine or counting characters', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }) });
    const ask = (token: string) =>
      w.call('POST', '/api/translate', { token, json: { text: campaign.en, source: 'en', target: 'it' } });
    const first = await ask(w.a.contributor.token);
    expect(first.body).toMatchObject({ translatedText: campaign.it, cached: false, source: 'en' });
    expect(translateCalls(lt)).toBe(1);

    const again = await ask(w.a.viewer.token);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      translatedText: campaign.it,
      engine: 'libretranslate',
      source: 'en',
      cached: true,
    });
    expect(translateCalls(lt)).toBe(1);
    const viewerLimits = await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    expect(viewerLimits.body.limits.usedToday).toBe(0);
    const contributorLimits = await w.call('GET', '/api/translate/engines', { token: w.a.contributor.token });
    expect(contributorLimits.body.limits.usedToday).toBe([...campaign.en].length);

    // Another city has its own cache.
    const other = await ask(w.b.viewer.token);
    expect(other.body.cached).toBe(false);
    expect(translateCalls(lt)).toBe(2);
  });

  it('keeps the detected language with a cached "auto" answer', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }) });
    const ask = () =>
      w.call('POST', '/api/translate', {
        token: w.a.viewer.token,
        json: { text: migrants.es, target: 'fr' },
      });
    await ask();
    const cached = await ask();
    expect(cached.body).toEqual({
      translatedText: migrants.fr,
      engine: 'libretranslate',
      source: 'es',
      cached: true,
    });
  });

  it('refuses a text over the per-request maximum with 413 naming the maximum, before any engine call', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }), maxCharsPerRequest: 20 });
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'é'.repeat(21), source: 'fr', target: 'en' },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('text_too_long');
    expect(res.body.error.message).toContain('20');
    expect(lt.requests).toHaveLength(0);
    const ok = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: '🙂'.repeat(20), source: 'fr', target: 'en' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a body far over the maximum before reading it, with the same 413', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }), maxCharsPerRequest: 20 });
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'x'.repeat(20 * 12 + 4096), source: 'fr', target: 'en' },
    });
    expect([res.status, res.body.error.code]).toEqual([413, 'text_too_long']);
    expect(res.body.error.message).toContain('20');
    expect(lt.requests).toHaveLength(0);
  });

  it('purges cached answers unused for longer than the maximum age', async () => {
    const { lt } = await fakes();
    const day = 24 * 3600_000;
    const w = await world({ engines: engines({ lt }), cacheMaxAgeMs: 30 * day });
    const ask = (text: string) =>
      w.call('POST', '/api/translate', {
        token: w.a.viewer.token,
        json: { text, source: 'en', target: 'fr' },
      });
    await ask('Hello');
    await ask('good practice');
    w.clock.now += 20 * day;
    expect((await ask('good practice')).body.cached).toBe(true); // used again: kept
    w.clock.now += 15 * day;
    expect((await ask('good practice')).body.cached).toBe(true);
    expect((await ask('Hello')).body.cached).toBe(false); // unused for 35 days: purged, asked again
    expect(translateCalls(lt)).toBe(3);
  });

  it('answers 429 daily_limit with Retry-After until the next UTC midnight; cached answers and other members still work', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }), dailyCharsPerMember: 30 });
    const ask = (token: string, text: string) =>
      w.call('POST', '/api/translate', { token, json: { text, source: 'en', target: 'fr' } });
    expect((await ask(w.a.viewer.token, 'Intercultural Cities')).status).toBe(200); // 20 characters
    const over = await ask(w.a.viewer.token, 'good practice'); // 13 more: 33 > 30
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('daily_limit');
    expect(over.body.error.message).toContain('30');
    const midnight = Date.parse('2025-03-02T00:00:00.000Z');
    expect(over.headers.get('Retry-After')).toBe(String((midnight - startTime) / 1000));
    expect(translateCalls(lt)).toBe(1);

    expect((await ask(w.a.viewer.token, 'Intercultural Cities')).body.cached).toBe(true);
    expect((await ask(w.a.contributor.token, 'good practice')).status).toBe(200);
    const engines1 = await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    expect(engines1.body.limits).toEqual({
      maxCharsPerRequest: 5000,
      dailyCharsPerMember: 30,
      usedToday: 20,
    });

    w.clock.now = midnight + 1000;
    const nextDay = await ask(w.a.viewer.token, 'good practice');
    expect(nextDay.status).toBe(200);
    expect(nextDay.body.cached).toBe(true); // the contributor's answer, from the city's cache
    expect((await ask(w.a.viewer.token, 'Welcome to the library')).status).toBe(200);
  });

  it('counts concurrent requests without losing an update or passing the daily limit', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }), dailyCharsPerMember: 100 });
    const texts = Array.from({ length: 10 }, (_, i) => `text number ${String(i).padStart(8, '0')}`);
    expect(texts.every((t) => t.length === 20)).toBe(true);
    const answers = await Promise.all(
      texts.map((text) =>
        w.call('POST', '/api/translate', {
          token: w.a.viewer.token,
          json: { text, source: 'en', target: 'fr' },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
    const limits = await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    expect(limits.body.limits.usedToday).toBe(100);
    expect(translateCalls(lt)).toBe(5);
  });

  it('answers 400 unsupported_pair for a pair no configured engine offers, without a translate call', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }) });
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'Hello', source: 'en', target: 'ja' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unsupported_pair');
    expect(res.body.error.message).toContain('ja');
    expect(translateCalls(lt)).toBe(0);
    const limits = await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    expect(limits.body.limits.usedToday).toBe(0);
  });

  it('skips an engine without the pair and uses the next one that has it', async () => {
    const f = await fakes();
    const w = await world({ engines: engines(f) });
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'Hello', source: 'en', target: 'ja' },
    });
    expect(res.body).toMatchObject({
      engine: 'deepl',
      translatedText: fakeTranslate('Hello', 'en', 'ja').text,
    });
    expect(translateCalls(f.lt)).toBe(0);
  });

  it('falls over to the second engine when the first is down or rate limited', async () => {
    const f = await fakes();
    const w = await world({ engines: engines(f) });
    const ask = (text: string) =>
      w.call('POST', '/api/translate', {
        token: w.a.viewer.token,
        json: { text, source: 'en', target: 'fr' },
      });
    f.lt.setMode('down');
    const down = await ask(campaign.en);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ engine: 'deepl', translatedText: campaign.fr, cached: false });
    f.lt.setMode('rate_limited', { retryAfter: 5 });
    const limited = await ask(migrants.en);
    expect(limited.body).toMatchObject({ engine: 'deepl', translatedText: migrants.fr });
    expect(translateCalls(f.deepl)).toBe(2);
  });

  it('reports the last failure when every engine fails, and gives the characters back', async () => {
    const f = await fakes();
    const w = await world({ engines: engines(f) });
    f.lt.setMode('error');
    f.deepl.setMode('rate_limited', { retryAfter: 7 });
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'Hello', source: 'en', target: 'fr' },
    });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('engine_rate_limited');
    expect(res.headers.get('Retry-After')).toBe('7');
    expect(res.body.error.message).toMatch(/DeepL/);
    expect(res.body.error.message).toMatch(/libretranslate: .*HTTP 500/);
    expect(res.body.error.details.attempts.map((a: { engine: string }) => a.engine)).toEqual([
      'libretranslate',
      'deepl',
    ]);
    const limits = await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    expect(limits.body.limits.usedToday).toBe(0);
  });

  it('answers 502 engine_failed, 504 engine_timeout and 503 engine_quota with the engine named', async () => {
    const f = await fakes();
    const w = await world({ engines: engines(f, 300) });
    const ask = (engine: string) =>
      w.call('POST', '/api/translate', {
        token: w.a.viewer.token,
        json: { text: 'Hello', source: 'en', target: 'fr', engine },
      });
    await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token }); // language lists cached
    f.lt.setMode('error');
    const failed = await ask('libretranslate');
    expect([failed.status, failed.body.error.code]).toEqual([502, 'engine_failed']);
    expect(failed.body.error.message).toContain('LibreTranslate');
    f.lt.setMode('slow', { delayMs: 1500 });
    const slow = await ask('libretranslate');
    expect([slow.status, slow.body.error.code]).toEqual([504, 'engine_timeout']);
    f.deepl.setMode('quota');
    const quota = await ask('deepl');
    expect([quota.status, quota.body.error.code]).toEqual([503, 'engine_quota']);
  });

  it('uses only the asked engine, and says what to set when it is not configured', async () => {
    const f = await fakes();
    const w = await world({ engines: engines({ lt: f.lt }) });
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'Hello', source: 'en', target: 'fr', engine: 'deepl' },
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('no_engine');
    expect(res.body.error.message).toContain('DEEPL_API_KEY');

    const both = await world({ engines: engines(f) });
    const deepl = await both.call('POST', '/api/translate', {
      token: both.a.viewer.token,
      json: { text: 'Hello', source: 'en', target: 'fr', engine: 'deepl' },
    });
    expect(deepl.body).toMatchObject({ engine: 'deepl', translatedText: 'Bonjour' });
    expect(translateCalls(f.lt)).toBe(0);
  });

  it('answers 503 no_engine with what to configure when no engine is set up', async () => {
    const w = await world();
    const res = await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'Hello', source: 'en', target: 'fr' },
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('no_engine');
    expect(res.body.error.message).toContain('LIBRETRANSLATE_URL');
    expect(res.body.error.message).toContain('DEEPL_API_KEY');
    const list = await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    expect(list.status).toBe(200);
    expect(list.body.engines).toEqual([]);
    expect(list.body.configureHint).toContain('LIBRETRANSLATE_URL');
  });

  it('names the failing field on bad input', async () => {
    const { lt } = await fakes();
    const w = await world({ engines: engines({ lt }) });
    const ask = (json: unknown) => w.call('POST', '/api/translate', { token: w.a.viewer.token, json });
    const empty = await ask({ text: '   ', source: 'en', target: 'fr' });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'validation_failed']);
    expect(empty.body.error.message).toMatch(/^text: /);
    const badTarget = await ask({ text: 'Hello', source: 'en', target: 'French!' });
    expect(badTarget.body.error.message).toMatch(/^target: /);
    const badSource = await ask({ text: 'Hello', source: 'e', target: 'fr' });
    expect(badSource.body.error.message).toMatch(/^source/);
    const badEngine = await ask({ text: 'Hello', target: 'fr', engine: 'google' });
    expect(badEngine.body.error.message).toMatch(/^engine: /);
    const same = await ask({ text: 'Hello', source: 'fr', target: 'FR' });
    expect(same.body.error.message).toMatch(/^target: /);
    expect(lt.requests).toHaveLength(0);
  });

  it('needs a token', async () => {
    const w = await world();
    const res = await w.call('POST', '/api/translate', { json: { text: 'Hello', target: 'fr' } });
    expect(res.status).toBe(401);
    expect((await w.call('GET', '/api/translate/engines')).status).toBe(401);
  });
});

describe('GET /api/translate/engines', () => {
  it('lists the engines in order with their languages, kept in memory for some minutes', async () => {
    const f = await fakes();
    const w = await world({ engines: engines(f), languagesTtlMs: 5 * 60_000 });
    const list = () => w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.engines.map((e: { id: string }) => e.id)).toEqual(['libretranslate', 'deepl']);
    const lt = res.body.engines[0];
    expect(lt.available).toBe(true);
    expect(lt.languages.map((l: { code: string }) => l.code)).toEqual(fakeLibreTranslateLanguages);
    expect(res.body.engines[1].languages.find((l: { code: string }) => l.code === 'en').targets).toContain(
      'pt',
    );
    expect(res.body.limits).toEqual({ maxCharsPerRequest: 5000, dailyCharsPerMember: 50_000, usedToday: 0 });
    expect(res.body.configureHint).toBeUndefined();

    await list();
    await w.call('POST', '/api/translate', {
      token: w.a.viewer.token,
      json: { text: 'Hello', target: 'fr' },
    });
    expect(f.lt.requests.filter((r) => r.path === '/languages')).toHaveLength(1);
    w.clock.now += 5 * 60_000;
    await list();
    expect(f.lt.requests.filter((r) => r.path === '/languages')).toHaveLength(2);
  });

  it('lists an unreachable engine as unavailable with the reason', async () => {
    const f = await fakes();
    f.deepl.setMode('down');
    const w = await world({ engines: engines(f) });
    const res = await w.call('GET', '/api/translate/engines', { token: w.a.viewer.token });
    expect(res.body.engines[0].available).toBe(true);
    expect(res.body.engines[1]).toMatchObject({ id: 'deepl', available: false, languages: [] });
    expect(res.body.engines[1].problem).toMatch(/DeepL could not be reached/);
  });
});

describe('API reference', () => {
  it('documents the translation and glossary routes', async () => {
    const w = await world();
    const doc = await (await w.app.request('/api/openapi.json')).json();
    const post = doc.paths['/api/translate'].post;
    expect(JSON.stringify(post.requestBody)).toContain('target');
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '413', '429', '502', '503', '504']),
    );
    expect(doc.paths['/api/translate/engines'].get).toBeDefined();
    expect(doc.paths['/api/glossary/{id}'].put.description).toContain('coordinator or contributor');
    expect(doc.paths['/api/glossary/{id}'].delete).toBeDefined();
  });
});
