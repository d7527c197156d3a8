// The translation settings from environment variables. server/main.ts is the one caller (it alone reads
// the environment); this is a plain function of the variables so it can be tested.
//   LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY: a LibreTranslate instance (and its key, if it wants one).
//   DEEPL_API_KEY, DEEPL_API_URL: DeepL (default address: the free API for keys ending in ":fx").
//   TRANSLATE_ENGINES: order of preference, default "libretranslate,deepl"; an engine not listed is off.
//   TRANSLATE_MAX_CHARS (5000 per request), TRANSLATE_DAILY_CHARS (50000 per member per UTC day).
import { deeplDefaultUrl, deeplEngine } from './deepl.ts';
import type { TranslationEngine } from './engine.ts';
import { libreTranslateEngine } from './libretranslate.ts';
import { defaultDailyCharsPerMember, defaultMaxCharsPerRequest, type TranslationOptions } from './setup.ts';

export type EnvVars = Record<string, string | undefined>;

export function translationFromEnv(env: EnvVars): TranslationOptions {
  const available: Record<string, TranslationEngine | undefined> = {
    libretranslate: env.LIBRETRANSLATE_URL?.trim()
      ? libreTranslateEngine({
          url: env.LIBRETRANSLATE_URL.trim(),
          apiKey: env.LIBRETRANSLATE_API_KEY?.trim() || undefined,
        })
      : undefined,
    deepl: env.DEEPL_API_KEY?.trim()
      ? deeplEngine({
          apiKey: env.DEEPL_API_KEY.trim(),
          url: env.DEEPL_API_URL?.trim() || deeplDefaultUrl(env.DEEPL_API_KEY.trim()),
        })
      : undefined,
  };
  const order = (env.TRANSLATE_ENGINES?.trim() || 'libretranslate,deepl')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const name of order) {
    if (!(name in available))
      throw new Error(`TRANSLATE_ENGINES: unknown engine "${name}" (libretranslate, deepl)`);
  }
  const engines = [...new Set(order)]
    .map((name) => available[name])
    .filter((e): e is TranslationEngine => e !== undefined);
  return {
    engines,
    maxCharsPerRequest: positiveInt(env, 'TRANSLATE_MAX_CHARS', defaultMaxCharsPerRequest),
    dailyCharsPerMember: positiveInt(env, 'TRANSLATE_DAILY_CHARS', defaultDailyCharsPerMember),
  };
}

function positiveInt(env: EnvVars, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return n;
}
