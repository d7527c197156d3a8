// A LibreTranslate-compatible test server: a real node:http server on 127.0.0.1 at a random port that
// follows LibreTranslate's documented contract (REFERENCES.md "Translation engines"), errors included, and
// "translates" with the phrase table of fake-phrasebook.ts. Used by the server tests and by the browser
// tests (which start it and hand its URL to the real server as LIBRETRANSLATE_URL / a libreTranslateEngine).
//
// Stable API:
//   const lt = await startFakeLibreTranslate({ apiKey?, charLimit?, languages? });
//   lt.url                      e.g. "http://127.0.0.1:40123"
//   lt.requests                 every request: { method, path, query, headers, body } (live array)
//   lt.setMode(mode, options?)  'ok' | 'down' | 'slow' ({ delayMs }) | 'rate_limited' ({ retryAfter })
//                               | 'error' (500) | 'bad_json' | 'garbage' | 'huge' ({ hugeChars }); see fake-http.ts
//   await lt.stop()
//   fakeTranslate(text, source | 'auto', target) / phrasebook: the expected answers (re-exported).
//
// Contract:
//   GET  /languages → [{ code, name, targets }]
//   POST /translate { q: string | string[], source: code | "auto", target, format?, api_key? }
//        → { translatedText, detectedLanguage?: { language, confidence 0–100 } } (arrays for an array q;
//          detectedLanguage only when source is "auto")
//   POST /detect { q, api_key? } → [{ language, confidence }]
//   Errors, body { error }: 400 missing q / target / source, unsupported language, text over `charLimit`
//   characters; 403 wrong or missing api_key when `apiKey` is set; 429 and 500 through setMode.
import { answeredByMode, type FakeEngine, type FakeRequest, sendJson, startFakeServer } from './fake-http.ts';
import { fakeDetect, fakeTranslate } from './fake-phrasebook.ts';

export type { FakeEngine, FakeEngineMode, FakeModeOptions, FakeRequest } from './fake-http.ts';
export { fakeDetect, fakeTranslate, phrasebook } from './fake-phrasebook.ts';

export interface FakeLibreTranslateOptions {
  /** When set, every call must carry this api_key (else 403). */
  apiKey?: string;
  /** Characters per request (else 400). Default 5,000. */
  charLimit?: number;
  /** Language codes offered, each a target of every other. Default en, fr, it, es, de, pt, ca, eu. */
  languages?: string[];
}

const names: Record<string, string> = {
  en: 'English',
  fr: 'French',
  it: 'Italian',
  es: 'Spanish',
  de: 'German',
  pt: 'Portuguese',
  ca: 'Catalan',
  eu: 'Basque',
};

export const fakeLibreTranslateLanguages = ['en', 'fr', 'it', 'es', 'de', 'pt', 'ca', 'eu'];

export function startFakeLibreTranslate(options: FakeLibreTranslateOptions = {}): Promise<FakeEngine> {
  const languages = options.languages ?? fakeLibreTranslateLanguages;
  const charLimit = options.charLimit ?? 5000;

  const keyRefused = (req: FakeRequest) => {
    if (!options.apiKey) return false;
    const key = (req.body as { api_key?: unknown } | undefined)?.api_key;
    return key !== options.apiKey;
  };

  return startFakeServer((req, res, state) => {
    if (answeredByMode(res, state, 'error')) return;
    if (req.method === 'GET' && req.path === '/languages') {
      sendJson(
        res,
        200,
        languages.map((code) => ({ code, name: names[code] ?? code, targets: languages })),
      );
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (req.method === 'POST' && (req.path === '/translate' || req.path === '/detect')) {
      if (keyRefused(req)) {
        sendJson(res, 403, { error: 'Invalid API key' });
        return;
      }
      const q = body.q;
      if (q === undefined || q === '' || (Array.isArray(q) && q.length === 0)) {
        sendJson(res, 400, { error: 'Invalid request: missing q parameter' });
        return;
      }
      const texts = (Array.isArray(q) ? q : [q]).map(String);
      const size = texts.reduce((n, t) => n + [...t].length, 0);
      if (size > charLimit) {
        sendJson(res, 400, { error: `Invalid request: request (${size}) exceeds text limit (${charLimit})` });
        return;
      }
      if (req.path === '/detect') {
        const d = fakeDetect(texts[0]!);
        sendJson(res, 200, [d]);
        return;
      }
      const source = body.source;
      const target = body.target;
      if (typeof source !== 'string' || !source) {
        sendJson(res, 400, { error: 'Invalid request: missing source parameter' });
        return;
      }
      if (typeof target !== 'string' || !target) {
        sendJson(res, 400, { error: 'Invalid request: missing target parameter' });
        return;
      }
      if (source !== 'auto' && !languages.includes(source)) {
        sendJson(res, 400, { error: `${source} is not supported` });
        return;
      }
      if (!languages.includes(target)) {
        sendJson(res, 400, { error: `${target} is not supported` });
        return;
      }
      const answers = texts.map((t) => fakeTranslate(t, source, target));
      const text = (i: number) => {
        if (state.mode === 'garbage') return 42;
        if (state.mode === 'huge') return 'x'.repeat(state.options.hugeChars ?? 2_000_000);
        return answers[i]!.text;
      };
      const translatedText = Array.isArray(q) ? answers.map((_, i) => text(i)) : text(0);
      const first = answers[0]!;
      sendJson(res, 200, {
        translatedText,
        ...(source === 'auto'
          ? { detectedLanguage: { language: first.detected, confidence: first.confidence } }
          : {}),
      });
      return;
    }
    sendJson(res, 404, { error: 'Not Found' });
  });
}
