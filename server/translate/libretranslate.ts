// The LibreTranslate adapter (self-hostable, AGPL-3.0; REFERENCES.md "Translation engines"):
//   POST {url}/translate { q, source: code | "auto", target, format: "text", api_key? }
//     → { translatedText, detectedLanguage?: { language, confidence 0–100 } }
//   GET  {url}/languages → [{ code, name, targets }]
//   errors: { error } with 400 (missing field, unsupported language, over the character limit), 403 (bad
//   key), 429 (slow down), 500.
// fetch is injected so tests point it at a local server (tests/support/fake-libretranslate.ts).
import type { EngineLanguage } from '../../shared/api/translate.ts';
import { EngineError, type EngineRequest, type EngineTranslation, type TranslationEngine } from './engine.ts';
import {
  type EngineAnswer,
  type EngineHttpOptions,
  engineMessage,
  exchange,
  retryAfterSeconds,
  untrustedText,
} from './engine-http.ts';
import { baseLanguage, engineCodeOrNull } from './language-codes.ts';

export interface LibreTranslateOptions extends EngineHttpOptions {
  /** The instance's base address, e.g. http://127.0.0.1:5000. */
  url: string;
  apiKey?: string;
}

const label = 'LibreTranslate';
const maxLanguages = 500;

export function libreTranslateEngine(options: LibreTranslateOptions): TranslationEngine {
  const base = options.url.replace(/\/+$/, '');
  const maxAnswerChars = options.maxAnswerChars ?? 50_000;
  const http = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    // JSON escapes can take 6 bytes a character (\uXXXX).
    maxAnswerBytes: maxAnswerChars * 6 + 4096,
    label,
  } satisfies Parameters<typeof exchange>[0];
  const clock = options.clock ?? Date.now;
  /** Our code → the instance's own spelling (`zh` → `zh-Hans`), learnt from its language list. */
  const spelling = new Map<string, string>();

  const engineCode = (code: string) =>
    spelling.get(code) ?? spelling.get(baseLanguage(code)) ?? baseLanguage(code);

  return {
    id: 'libretranslate',
    label,
    async languages() {
      const answer = await exchange({ ...http, maxAnswerBytes: 1_000_000 }, `${base}/languages`, {
        method: 'GET',
        headers: { Accept: 'application/json' },
      });
      if (answer.status !== 200) throw failure(answer, clock());
      if (!Array.isArray(answer.json))
        throw new EngineError('engine_failed', `${label} sent no language list`);
      const out = new Map<string, Set<string>>();
      for (const entry of answer.json.slice(0, maxLanguages)) {
        const raw = (entry as { code?: unknown })?.code;
        const code = engineCodeOrNull(raw);
        if (!code || typeof raw !== 'string') continue;
        if (!spelling.has(code) || raw.toLowerCase() === code) spelling.set(code, raw);
        const targets = out.get(code) ?? new Set<string>();
        const listed = (entry as { targets?: unknown }).targets;
        if (Array.isArray(listed)) {
          for (const t of listed.slice(0, maxLanguages)) {
            const target = engineCodeOrNull(t);
            if (target && target !== code) targets.add(target);
          }
        }
        out.set(code, targets);
      }
      return [...out].map(([code, targets]): EngineLanguage => ({ code, targets: [...targets].sort() }));
    },

    async translate({ text, source, target }: EngineRequest): Promise<EngineTranslation> {
      const body: Record<string, string> = {
        q: text,
        source: source === 'auto' ? 'auto' : engineCode(source),
        target: engineCode(target),
        format: 'text',
      };
      if (options.apiKey) body.api_key = options.apiKey;
      const answer = await exchange(http, `${base}/translate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (answer.status !== 200) throw failure(answer, clock());
      const json = answer.json as { translatedText?: unknown; detectedLanguage?: unknown } | undefined;
      const translatedText = untrustedText(json?.translatedText, maxAnswerChars, label);
      const detected = json?.detectedLanguage as { language?: unknown; confidence?: unknown } | undefined;
      const detectedSource = engineCodeOrNull(detected?.language) ?? undefined;
      const confidence = detected?.confidence;
      return {
        translatedText,
        ...(detectedSource ? { detectedSource } : {}),
        ...(detectedSource && typeof confidence === 'number' && Number.isFinite(confidence)
          ? { detectedConfidence: Math.min(1, Math.max(0, confidence / 100)) }
          : {}),
      };
    },
  };
}

function failure(answer: EngineAnswer, now: number): EngineError {
  const said = engineMessage(answer.json, 'error');
  const quoted = said ? `: ${said}` : '';
  switch (true) {
    case answer.status === 400 && /language|not supported|unsupported/i.test(said):
      return new EngineError('unsupported_pair', `${label} does not support this language pair${quoted}`);
    case answer.status === 400:
      return new EngineError('engine_failed', `${label} refused the request${quoted}`);
    case answer.status === 403 || answer.status === 401:
      return new EngineError(
        'engine_auth',
        `${label} refused the server's API key (LIBRETRANSLATE_API_KEY)${quoted}`,
      );
    case answer.status === 429:
      return new EngineError(
        'engine_rate_limited',
        `${label} asks to slow down${quoted}`,
        retryAfterSeconds(answer.headers, now),
      );
    default:
      return new EngineError('engine_failed', `${label} failed with HTTP ${answer.status}${quoted}`);
  }
}
