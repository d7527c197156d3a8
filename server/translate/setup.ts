// The translation part of the app's options and dependencies: the configured engines in order of
// preference, the character limits, and the in-memory language lists. server/main.ts builds the engines
// from the environment (config.ts); tests hand in adapters pointed at local fake engines.
import type { TranslationEngine } from './engine.ts';
import { LanguagesCache } from './languages-cache.ts';

export interface TranslationOptions {
  /** Tried in this order. Empty: translation answers 503 no_engine with what to configure. */
  engines: TranslationEngine[];
  /** Characters per request; more answers 413. Default 5,000. */
  maxCharsPerRequest?: number;
  /** Characters each member may send to engines per UTC day; more answers 429. Default 50,000. */
  dailyCharsPerMember?: number;
  /** How long an engine's language list is kept. Default 10 minutes. */
  languagesTtlMs?: number;
  /** Cached answers unused for this long are purged (checked at most once an hour). Default 90 days. */
  cacheMaxAgeMs?: number;
}

export interface TranslationDeps {
  engines: readonly TranslationEngine[];
  maxCharsPerRequest: number;
  dailyCharsPerMember: number;
  languages: LanguagesCache;
  cacheMaxAgeMs: number;
  /** When this process last purged old cache entries (epoch ms). */
  lastPurgeAt: number;
}

export const defaultMaxCharsPerRequest = 5000;
export const defaultDailyCharsPerMember = 50_000;

export function translationDeps(
  options: TranslationOptions | undefined,
  clock: () => number,
): TranslationDeps {
  return {
    engines: options?.engines ?? [],
    maxCharsPerRequest: options?.maxCharsPerRequest ?? defaultMaxCharsPerRequest,
    dailyCharsPerMember: options?.dailyCharsPerMember ?? defaultDailyCharsPerMember,
    languages: new LanguagesCache(clock, options?.languagesTtlMs),
    cacheMaxAgeMs: options?.cacheMaxAgeMs ?? 90 * 24 * 3600_000,
    lastPurgeAt: 0,
  };
}

export const configureHint =
  'No translation engine is configured on the server. Set LIBRETRANSLATE_URL (and LIBRETRANSLATE_API_KEY if the instance needs one) and/or DEEPL_API_KEY in the server environment, then restart it.';
