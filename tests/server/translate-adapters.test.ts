// The LibreTranslate and DeepL adapters against local servers that speak each engine's documented contract
// (tests/support/fake-*.ts): answers, detection, language lists, and every error mapped to our own reasons.
import { describe, expect, it, onTestFinished } from 'vitest';
import { deeplDefaultUrl, deeplEngine } from '../../server/translate/deepl.ts';
import { EngineError } from '../../server/translate/engine.ts';
import { libreTranslateEngine } from '../../server/translate/libretranslate.ts';
import {
  type FakeDeepLOptions,
  fakeDeepLKey,
  fakeDeepLSources,
  fakeDeepLTargets,
  startFakeDeepL,
} from '../support/fake-deepl.ts';
import {
  type FakeLibreTranslateOptions,
  fakeDetect,
  fakeLibreTranslateLanguages,
  fakeTranslate,
  phrasebook,
  startFakeLibreTranslate,
} from '../support/fake-libretranslate.ts';

async function libre(options: FakeLibreTranslateOptions = {}) {
  const fake = await startFakeLibreTranslate(options);
  onTestFinished(() => fake.stop());
  return fake;
}

async function deepl(options: FakeDeepLOptions = {}) {
  const fake = await startFakeDeepL(options);
  onTestFinished(() => fake.stop());
  return fake;
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected the engine call to fail');
}

const campaign = phrasebook[3]!;

describe('LibreTranslate adapter', () => {
  it('lists languages in our codes, each with the others as targets', async () => {
    const fake = await libre();
    const engine = libreTranslateEngine({ url: fake.url });
    const languages = await engine.languages();
    expect(languages.map((l) => l.code)).toEqual(fakeLibreTranslateLanguages);
    const fr = languages.find((l) => l.code === 'fr')!;
    expect(fr.targets).toEqual(fakeLibreTranslateLanguages.filter((c) => c !== 'fr').sort());
  });

  it('translates with a given source, sending q, source, target, format text and the api key', async () => {
    const fake = await libre({ apiKey: 'secret-key' });
    const engine = libreTranslateEngine({ url: `${fake.url}/`, apiKey: 'secret-key' });
    const answer = await engine.translate({ text: campaign.en, source: 'en', target: 'it' });
    expect(answer.translatedText).toBe(campaign.it);
    expect(answer.detectedSource).toBeUndefined();
    const sent = fake.requests.find((r) => r.path === '/translate')!;
    expect(sent.body).toEqual({
      q: campaign.en,
      source: 'en',
      target: 'it',
      format: 'text',
      api_key: 'secret-key',
    });
  });

  it('detects the source with "auto" and turns the 0–100 confidence into 0–1', async () => {
    const fake = await libre();
    const engine = libreTranslateEngine({ url: fake.url });
    const answer = await engine.translate({ text: campaign.fr, source: 'auto', target: 'es' });
    expect(answer.translatedText).toBe(campaign.es);
    expect(answer.detectedSource).toBe('fr');
    expect(answer.detectedConfidence).toBeCloseTo(fakeDetect(campaign.fr).confidence / 100);
  });

  it('answers text outside the phrase table with the fake’s fallback', async () => {
    const fake = await libre();
    const engine = libreTranslateEngine({ url: fake.url });
    const text = 'A festival of neighbourhoods';
    const answer = await engine.translate({ text, source: 'en', target: 'ca' });
    expect(answer.translatedText).toBe(fakeTranslate(text, 'en', 'ca').text);
  });

  it('maps an unsupported language to unsupported_pair', async () => {
    const fake = await libre();
    const engine = libreTranslateEngine({ url: fake.url });
    const error = await failure(engine.translate({ text: 'Hello', source: 'en', target: 'ja' }));
    expect(error.reason).toBe('unsupported_pair');
    expect(error.message).toContain('ja is not supported');
  });

  it('maps a missing text and a text over the instance’s limit to engine_failed with its words', async () => {
    const fake = await libre({ charLimit: 10 });
    const engine = libreTranslateEngine({ url: fake.url });
    const empty = await failure(engine.translate({ text: '', source: 'en', target: 'fr' }));
    expect(empty.reason).toBe('engine_failed');
    expect(empty.message).toContain('missing q');
    const long = await failure(engine.translate({ text: 'x'.repeat(11), source: 'en', target: 'fr' }));
    expect(long.reason).toBe('engine_failed');
    expect(long.message).toContain('exceeds text limit (10)');
  });

  it('maps a refused api key (403) to engine_auth', async () => {
    const fake = await libre({ apiKey: 'right' });
    const engine = libreTranslateEngine({ url: fake.url, apiKey: 'wrong' });
    const error = await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }));
    expect(error.reason).toBe('engine_auth');
    expect(error.message).toContain('LIBRETRANSLATE_API_KEY');
  });

  it('maps 429 to engine_rate_limited with the engine’s Retry-After', async () => {
    const fake = await libre();
    fake.setMode('rate_limited', { retryAfter: 7 });
    const engine = libreTranslateEngine({ url: fake.url });
    const error = await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }));
    expect(error.reason).toBe('engine_rate_limited');
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('maps 500, a non-JSON answer, a non-string translation and an oversize answer to engine_failed', async () => {
    const fake = await libre();
    const engine = libreTranslateEngine({ url: fake.url, maxAnswerChars: 1000 });
    const call = () => engine.translate({ text: 'Hello', source: 'en', target: 'fr' });
    fake.setMode('error');
    expect((await failure(call())).message).toMatch(/HTTP 500/);
    fake.setMode('bad_json');
    expect((await failure(call())).reason).toBe('engine_failed');
    fake.setMode('garbage');
    expect((await failure(call())).message).toMatch(/no translated text/);
    fake.setMode('huge', { hugeChars: 100_000 });
    expect((await failure(call())).message).toMatch(/over \d+ bytes/);
    fake.setMode('huge', { hugeChars: 1001 });
    expect((await failure(call())).message).toMatch(/over 1000 characters/);
    fake.setMode('ok');
    expect((await call()).translatedText).toBe(phrasebook[0]!.fr);
  });

  it('maps a dropped connection to engine_failed and a slow answer to engine_timeout', async () => {
    const fake = await libre();
    const engine = libreTranslateEngine({ url: fake.url, timeoutMs: 200 });
    fake.setMode('down');
    const down = await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }));
    expect(down.reason).toBe('engine_failed');
    expect(down.message).toMatch(/could not be reached/);
    expect((await failure(engine.languages())).reason).toBe('engine_failed');
    fake.setMode('slow', { delayMs: 1500 });
    const slow = await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }));
    expect(slow.reason).toBe('engine_timeout');
  });

  it('uses an injected fetch', async () => {
    const fake = await libre();
    const seen: string[] = [];
    const engine = libreTranslateEngine({
      url: 'http://libretranslate.invalid',
      fetch: (input, init) => {
        seen.push(input);
        return fetch(input.replace('http://libretranslate.invalid', fake.url), init);
      },
    });
    expect((await engine.translate({ text: 'Hello', source: 'en', target: 'es' })).translatedText).toBe(
      phrasebook[0]!.es,
    );
    expect(seen).toEqual(['http://libretranslate.invalid/translate']);
  });
});

describe('DeepL adapter', () => {
  it('lists source languages in our base codes with the target bases', async () => {
    const fake = await deepl();
    const engine = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url });
    const languages = await engine.languages();
    expect(languages.map((l) => l.code)).toEqual(fakeDeepLSources.map((s) => s.toLowerCase()));
    const targetBases = [...new Set(fakeDeepLTargets.map((t) => t.split('-')[0]!.toLowerCase()))].sort();
    expect(languages.find((l) => l.code === 'fr')!.targets).toEqual(targetBases.filter((t) => t !== 'fr'));
    for (const r of fake.requests) expect(r.headers.authorization).toBe(`DeepL-Auth-Key ${fakeDeepLKey}`);
    expect(fake.requests.map((r) => r.query.type).sort()).toEqual(['source', 'target']);
  });

  it('translates with the key in the header, text as an array and upper-case codes', async () => {
    const fake = await deepl();
    const engine = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url });
    const answer = await engine.translate({ text: campaign.en, source: 'en', target: 'fr' });
    expect(answer.translatedText).toBe(campaign.fr);
    const sent = fake.requests.find((r) => r.path === '/v2/translate')!;
    expect(sent.headers.authorization).toBe(`DeepL-Auth-Key ${fakeDeepLKey}`);
    expect(sent.body).toEqual({ text: [campaign.en], target_lang: 'FR', source_lang: 'EN' });
  });

  it('sends the regional variants DeepL requires for English and Portuguese targets', async () => {
    const fake = await deepl();
    const engine = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url });
    for (const target of ['en', 'en-us', 'pt', 'pt-br']) {
      await engine.translate({ text: campaign.fr, source: 'fr', target });
    }
    expect(fake.requests.map((r) => (r.body as { target_lang: string }).target_lang)).toEqual([
      'EN-GB',
      'EN-US',
      'PT-PT',
      'PT-BR',
    ]);
    expect((await engine.translate({ text: campaign.fr, source: 'fr', target: 'en' })).translatedText).toBe(
      campaign.en,
    );
  });

  it('detects the source when none is given', async () => {
    const fake = await deepl();
    const engine = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url });
    const answer = await engine.translate({ text: campaign.it, source: 'auto', target: 'es' });
    expect(answer).toEqual({ translatedText: campaign.es, detectedSource: 'it' });
    expect(fake.requests[0]!.body).toEqual({ text: [campaign.it], target_lang: 'ES' });
  });

  it('maps 403 to engine_auth, 456 to engine_quota, 429 to engine_rate_limited and 500 to engine_failed', async () => {
    const fake = await deepl({ quotaChars: 10 });
    const wrongKey = deeplEngine({ apiKey: 'nope:fx', url: fake.url });
    const auth = await failure(wrongKey.translate({ text: 'Hello', source: 'en', target: 'fr' }));
    expect(auth.reason).toBe('engine_auth');
    expect(auth.message).toContain('DEEPL_API_KEY');

    const engine = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url });
    expect((await engine.translate({ text: 'Hello', source: 'en', target: 'fr' })).translatedText).toBe(
      'Bonjour',
    );
    const quota = await failure(engine.translate({ text: 'Good morning', source: 'en', target: 'fr' }));
    expect(quota.reason).toBe('engine_quota');

    fake.setMode('rate_limited', { retryAfter: 3 });
    const limited = await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }));
    expect(limited.reason).toBe('engine_rate_limited');
    expect(limited.retryAfterSeconds).toBe(3);
    fake.setMode('error');
    expect((await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }))).reason).toBe(
      'engine_failed',
    );
    fake.setMode('garbage');
    expect((await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }))).reason).toBe(
      'engine_failed',
    );
  });

  it('maps an unsupported target (400 on target_lang) to unsupported_pair', async () => {
    const fake = await deepl();
    const engine = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url });
    const error = await failure(engine.translate({ text: 'Hello', source: 'en', target: 'ko' }));
    expect(error.reason).toBe('unsupported_pair');
    expect(error.message).toContain('target_lang');
  });

  it('maps a slow answer to engine_timeout and a dropped connection to engine_failed', async () => {
    const fake = await deepl();
    const engine = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url, timeoutMs: 200 });
    fake.setMode('slow', { delayMs: 1500 });
    expect((await failure(engine.translate({ text: 'Hello', source: 'en', target: 'fr' }))).reason).toBe(
      'engine_timeout',
    );
    fake.setMode('down');
    expect((await failure(engine.languages())).reason).toBe('engine_failed');
  });

  it('uses the free API for keys ending in :fx and the paid one otherwise', () => {
    expect(deeplDefaultUrl('abc:fx')).toBe('https://api-free.deepl.com');
    expect(deeplDefaultUrl('abc')).toBe('https://api.deepl.com');
  });
});

describe('language codes', () => {
  it('sends Norwegian as nb to both engines and lists it as no', async () => {
    const lt = await libre({ languages: ['en', 'nb', 'pb', 'pt'] });
    const libreEngine = libreTranslateEngine({ url: lt.url });
    expect((await libreEngine.languages()).map((l) => l.code)).toEqual(['en', 'no', 'pt']);
    await libreEngine.translate({ text: 'Hello', source: 'en', target: 'no' });
    await libreEngine.translate({ text: 'Hello', source: 'no', target: 'pt' });
    const sent = lt.requests.filter((r) => r.path === '/translate').map((r) => r.body);
    expect(sent).toMatchObject([
      { source: 'en', target: 'nb' },
      { source: 'nb', target: 'pt' },
    ]);

    const fake = await deepl({ sourceLanguages: ['EN', 'NB'], targetLanguages: ['EN-GB', 'NB'] });
    const deeplAdapter = deeplEngine({ apiKey: fakeDeepLKey, url: fake.url });
    await deeplAdapter.translate({ text: 'Hello', source: 'en', target: 'no' });
    expect(await deeplAdapter.languages()).toEqual([
      { code: 'en', targets: ['no'] },
      { code: 'no', targets: ['en'] },
    ]);
    await deeplAdapter.translate({ text: 'Hei', source: 'no', target: 'en' });
    expect(fake.requests.filter((r) => r.path === '/v2/translate').map((r) => r.body)).toMatchObject([
      { source_lang: 'EN', target_lang: 'NB' },
      { source_lang: 'NB', target_lang: 'EN-GB' },
    ]);
  });
});
