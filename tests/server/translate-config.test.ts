// The translation settings as server/main.ts reads them from the environment: which engines, in which
// order, and the limits. The engines built here are checked against the fakes, so a wrong address or key
// handling fails.
import { describe, expect, it, onTestFinished } from 'vitest';
import { translationFromEnv } from '../../server/translate/config.ts';
import { fakeDeepLKey, startFakeDeepL } from '../support/fake-deepl.ts';
import { phrasebook, startFakeLibreTranslate } from '../support/fake-libretranslate.ts';

describe('translation settings from the environment', () => {
  it('offers no engine and the default limits when nothing is set', () => {
    expect(translationFromEnv({})).toEqual({
      engines: [],
      maxCharsPerRequest: 5000,
      dailyCharsPerMember: 50_000,
    });
  });

  it('builds LibreTranslate (with its key) then DeepL by default, and follows TRANSLATE_ENGINES', async () => {
    const lt = await startFakeLibreTranslate({ apiKey: 'lt-key' });
    const deepl = await startFakeDeepL();
    onTestFinished(async () => {
      await lt.stop();
      await deepl.stop();
    });
    const env = {
      LIBRETRANSLATE_URL: lt.url,
      LIBRETRANSLATE_API_KEY: 'lt-key',
      DEEPL_API_KEY: fakeDeepLKey,
      DEEPL_API_URL: deepl.url,
      TRANSLATE_MAX_CHARS: '1000',
      TRANSLATE_DAILY_CHARS: '20000',
    };
    const both = translationFromEnv(env);
    expect(both.engines.map((e) => e.id)).toEqual(['libretranslate', 'deepl']);
    expect([both.maxCharsPerRequest, both.dailyCharsPerMember]).toEqual([1000, 20_000]);
    for (const engine of both.engines) {
      expect((await engine.translate({ text: 'Hello', source: 'en', target: 'fr' })).translatedText).toBe(
        phrasebook[0]!.fr,
      );
    }
    expect(
      translationFromEnv({ ...env, TRANSLATE_ENGINES: 'deepl, libretranslate' }).engines.map((e) => e.id),
    ).toEqual(['deepl', 'libretranslate']);
    expect(translationFromEnv({ ...env, TRANSLATE_ENGINES: 'deepl' }).engines.map((e) => e.id)).toEqual([
      'deepl',
    ]);
    expect(translationFromEnv({ DEEPL_API_KEY: 'k:fx' }).engines.map((e) => e.id)).toEqual(['deepl']);
  });

  it('refuses an unknown engine name and a limit that is not a positive whole number', () => {
    expect(() => translationFromEnv({ TRANSLATE_ENGINES: 'google' })).toThrow(/unknown engine "google"/);
    expect(() => translationFromEnv({ TRANSLATE_MAX_CHARS: '0' })).toThrow(/TRANSLATE_MAX_CHARS/);
    expect(() => translationFromEnv({ TRANSLATE_DAILY_CHARS: 'lots' })).toThrow(/TRANSLATE_DAILY_CHARS/);
  });
});
