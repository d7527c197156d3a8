// A DeepL-API-compatible test server: a real node:http server on 127.0.0.1 at a random port that follows
// the DeepL API v2 contract as REFERENCES.md describes it, errors included, and "translates" with the phrase
// table of fake-phrasebook.ts.
//
// Stable API:
//   const deepl = await startFakeDeepL({ authKey?, quotaChars?, sourceLanguages?, targetLanguages? });
//   deepl.url, deepl.requests, deepl.setMode(mode, options?), await deepl.stop() — as fake-libretranslate.ts;
//   mode 'quota' answers 456.
//
// Contract:
//   Every call needs `Authorization: DeepL-Auth-Key <authKey>` (else 403 { message }).
//   POST /v2/translate JSON { text: string[], target_lang, source_lang? }
//        → { translations: [{ detected_source_language, text }] }
//   GET  /v2/languages?type=source|target → [{ language, name, supports_formality? }]
//   GET  /v2/usage → { character_count, character_limit }
//   Errors, body { message }: 400 missing text / target_lang, unsupported source_lang / target_lang, and the
//   deprecated targets "EN" and "PT" (DeepL wants EN-GB/EN-US, PT-PT/PT-BR); 456 once `quotaChars` is used
//   up (or in mode 'quota'); 429 and 500 through setMode.
import { answeredByMode, type FakeEngine, sendJson, startFakeServer } from './fake-http.ts';
import { fakeTranslate } from './fake-phrasebook.ts';

export type { FakeEngine, FakeEngineMode, FakeModeOptions, FakeRequest } from './fake-http.ts';
export { fakeTranslate, phrasebook } from './fake-phrasebook.ts';

export interface FakeDeepLOptions {
  /** Default "fake-deepl-key:fx". */
  authKey?: string;
  /** Characters the account may translate; past it 456. Default unlimited. */
  quotaChars?: number;
  sourceLanguages?: string[];
  targetLanguages?: string[];
}

export const fakeDeepLKey = 'fake-deepl-key:fx';
export const fakeDeepLSources = ['EN', 'FR', 'IT', 'ES', 'DE', 'PT', 'JA'];
export const fakeDeepLTargets = ['EN-GB', 'EN-US', 'FR', 'IT', 'ES', 'DE', 'PT-PT', 'PT-BR', 'JA'];

export function startFakeDeepL(options: FakeDeepLOptions = {}): Promise<FakeEngine> {
  const authKey = options.authKey ?? fakeDeepLKey;
  const sources = options.sourceLanguages ?? fakeDeepLSources;
  const targets = options.targetLanguages ?? fakeDeepLTargets;
  let used = 0;

  return startFakeServer((req, res, state) => {
    if (req.headers.authorization !== `DeepL-Auth-Key ${authKey}`) {
      sendJson(res, 403, { message: 'Authorization failure, check auth_key' });
      return;
    }
    if (state.mode === 'quota') {
      sendJson(res, 456, { message: 'Quota exceeded. The character limit has been reached.' });
      return;
    }
    if (answeredByMode(res, state, 'message')) return;
    if (req.method === 'GET' && req.path === '/v2/languages') {
      const list = req.query.type === 'target' ? targets : sources;
      sendJson(
        res,
        200,
        list.map((language) => ({
          language,
          name: language,
          ...(req.query.type === 'target' ? { supports_formality: false } : {}),
        })),
      );
      return;
    }
    if (req.method === 'GET' && req.path === '/v2/usage') {
      sendJson(res, 200, { character_count: used, character_limit: options.quotaChars ?? 500_000 });
      return;
    }
    if (req.method === 'POST' && req.path === '/v2/translate') {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const texts = Array.isArray(body.text)
        ? body.text.map(String)
        : typeof body.text === 'string'
          ? [body.text]
          : [];
      if (texts.length === 0) {
        sendJson(res, 400, { message: "Parameter 'text' not specified." });
        return;
      }
      const target = typeof body.target_lang === 'string' ? body.target_lang.toUpperCase() : '';
      if (!target) {
        sendJson(res, 400, { message: "Parameter 'target_lang' not specified." });
        return;
      }
      if (target === 'EN' || target === 'PT') {
        sendJson(res, 400, {
          message: `Value for 'target_lang' not supported: '${target}' is deprecated, use a regional variant.`,
        });
        return;
      }
      if (!targets.includes(target)) {
        sendJson(res, 400, { message: "Value for 'target_lang' not supported." });
        return;
      }
      const source = typeof body.source_lang === 'string' ? body.source_lang.toUpperCase() : null;
      if (source && !sources.includes(source)) {
        sendJson(res, 400, { message: "Value for 'source_lang' not supported." });
        return;
      }
      const size = texts.reduce((n, t) => n + [...t].length, 0);
      if (options.quotaChars !== undefined && used + size > options.quotaChars) {
        sendJson(res, 456, { message: 'Quota exceeded. The character limit has been reached.' });
        return;
      }
      used += size;
      const targetBase = target.split('-')[0]!.toLowerCase();
      sendJson(res, 200, {
        translations: texts.map((t) => {
          const answer = fakeTranslate(t, source ? source.toLowerCase() : 'auto', targetBase);
          const text =
            state.mode === 'garbage'
              ? null
              : state.mode === 'huge'
                ? 'x'.repeat(state.options.hugeChars ?? 2_000_000)
                : answer.text;
          return { detected_source_language: answer.detected.toUpperCase(), text };
        }),
      });
      return;
    }
    sendJson(res, 404, { message: 'Not found' });
  });
}
