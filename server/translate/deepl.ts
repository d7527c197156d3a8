// The DeepL API adapter (REFERENCES.md "Translation engines"):
//   POST {url}/v2/translate, header `Authorization: DeepL-Auth-Key <key>`, JSON { text: [..], target_lang,
//     source_lang? } → { translations: [{ detected_source_language, text }] }
//   GET {url}/v2/languages?type=source|target → [{ language, name }]
//   errors: 403 (bad key), 429 (too many requests), 456 (character quota used up), 400 (bad request), 5xx.
// Target codes carry variants DeepL insists on (EN-GB / EN-US, PT-PT / PT-BR): our `en` becomes EN-GB (the
// Council of Europe writes British English), `en-us` EN-US, `pt` PT-PT, `pt-br` PT-BR.
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

export interface DeepLOptions extends EngineHttpOptions {
  apiKey: string;
  /** Default: the free API for keys ending in `:fx`, else the paid one (deeplDefaultUrl). */
  url?: string;
}

const label = 'DeepL';
const preferredVariant: Record<string, string> = { en: 'EN-GB', pt: 'PT-PT', zh: 'ZH-HANS' };

export const deeplDefaultUrl = (apiKey: string) =>
  apiKey.trim().endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';

/** DeepL's code for our base language where they differ (before its list is known). */
const deeplSpelling: Record<string, string> = { no: 'NB' };

/** Our target code → DeepL's: `en` → EN-GB, `en-us` → EN-US, `pt-br` → PT-BR, `no` → NB, `fr` → FR. */
export function deeplTargetCode(code: string, knownTargets?: ReadonlySet<string>): string {
  const full = code.toUpperCase();
  if (full.includes('-') && (!knownTargets || knownTargets.has(full))) return full;
  const base = baseLanguage(code);
  const variant = preferredVariant[base];
  if (variant && (!knownTargets || knownTargets.has(variant))) return variant;
  if (knownTargets) {
    const listed = [...knownTargets].find((t) => baseLanguage(t) === base);
    if (listed) return listed;
  }
  return deeplSpelling[base] ?? base.toUpperCase();
}

/** Our source code → DeepL's (source codes carry no variants): `pt-br` → PT, `no` → NB. */
export const deeplSourceCode = (code: string) => {
  const base = baseLanguage(code);
  return deeplSpelling[base] ?? base.toUpperCase();
};

export function deeplEngine(options: DeepLOptions): TranslationEngine {
  const base = (options.url ?? deeplDefaultUrl(options.apiKey)).replace(/\/+$/, '');
  const maxAnswerChars = options.maxAnswerChars ?? 50_000;
  const http = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxAnswerBytes: maxAnswerChars * 6 + 4096,
    label,
  } satisfies Parameters<typeof exchange>[0];
  const clock = options.clock ?? Date.now;
  const auth = { Authorization: `DeepL-Auth-Key ${options.apiKey}`, Accept: 'application/json' };
  /** DeepL's target spellings (EN-GB, PT-BR, …), learnt from its list. */
  let knownTargets: Set<string> | undefined;

  async function list(type: 'source' | 'target'): Promise<string[]> {
    const answer = await exchange(
      { ...http, maxAnswerBytes: 1_000_000 },
      `${base}/v2/languages?type=${type}`,
      {
        method: 'GET',
        headers: auth,
      },
    );
    if (answer.status !== 200) throw failure(answer, clock());
    if (!Array.isArray(answer.json)) throw new EngineError('engine_failed', `${label} sent no language list`);
    return answer.json
      .slice(0, 500)
      .map((l) => (l as { language?: unknown })?.language)
      .filter((l): l is string => typeof l === 'string' && engineCodeOrNull(l) !== null);
  }

  return {
    id: 'deepl',
    label,
    async languages() {
      const [sources, targets] = await Promise.all([list('source'), list('target')]);
      knownTargets = new Set(targets.map((t) => t.toUpperCase()));
      const targetBases = [...new Set(targets.map(baseLanguage))].sort();
      const sourceBases = [...new Set(sources.map(baseLanguage))];
      return sourceBases.map(
        (code): EngineLanguage => ({ code, targets: targetBases.filter((t) => t !== code) }),
      );
    },

    async translate({ text, source, target }: EngineRequest): Promise<EngineTranslation> {
      const body: Record<string, unknown> = {
        text: [text],
        target_lang: deeplTargetCode(target, knownTargets),
      };
      if (source !== 'auto') body.source_lang = deeplSourceCode(source);
      const answer = await exchange(http, `${base}/v2/translate`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (answer.status !== 200) throw failure(answer, clock());
      const translations = (answer.json as { translations?: unknown } | undefined)?.translations;
      const first = Array.isArray(translations) ? (translations[0] as Record<string, unknown>) : undefined;
      const translatedText = untrustedText(first?.text, maxAnswerChars, label);
      const detectedSource = engineCodeOrNull(first?.detected_source_language) ?? undefined;
      return { translatedText, ...(detectedSource ? { detectedSource } : {}) };
    },
  };
}

function failure(answer: EngineAnswer, now: number): EngineError {
  const said = engineMessage(answer.json, 'message');
  const quoted = said ? `: ${said}` : '';
  switch (true) {
    case answer.status === 400 && /lang/i.test(said):
      return new EngineError('unsupported_pair', `${label} does not support this language pair${quoted}`);
    case answer.status === 403 || answer.status === 401:
      return new EngineError('engine_auth', `${label} refused the server's key (DEEPL_API_KEY)${quoted}`);
    case answer.status === 456:
      return new EngineError(
        'engine_quota',
        `the DeepL account's character quota is used up for this billing period${quoted}`,
      );
    case answer.status === 429 || answer.status === 529:
      return new EngineError(
        'engine_rate_limited',
        `${label} received too many requests${quoted}`,
        retryAfterSeconds(answer.headers, now),
      );
    case answer.status === 400:
      return new EngineError('engine_failed', `${label} refused the request${quoted}`);
    default:
      return new EngineError('engine_failed', `${label} failed with HTTP ${answer.status}${quoted}`);
  }
}
