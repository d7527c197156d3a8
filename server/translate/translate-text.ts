// POST /api/translate's work: the city's cache first, then the daily limit, then the configured engines in
// order, skipping those that do not translate the pair and falling over to the next when one fails. Only
// an engine call costs daily characters; if every engine fails the reservation is given back and the last
// failure is answered.
import type { TranslateResponse } from '../../shared/api/translate.ts';
import type { AppDeps, Caller } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { cacheKey, purgeCache, readCache, writeCache } from './cache-store.ts';
import { refundCharacters, reserveCharacters, secondsToUtcMidnight, utcDay } from './daily-usage.ts';
import { EngineError, type TranslationEngine } from './engine.ts';
import { type Attempt, engineFailure } from './engine-errors.ts';
import { supportsPair } from './language-codes.ts';
import { configureHint } from './setup.ts';

export interface TranslateInput {
  text: string;
  source: string;
  target: string;
  engine?: string;
}

/** Characters as engines count them: code points, not UTF-16 units. */
export const characterCount = (text: string) => [...text].length;

export async function translateText(
  deps: AppDeps,
  caller: Caller,
  input: TranslateInput,
): Promise<TranslateResponse> {
  const { db, clock, translation } = deps;
  const candidates = chooseEngines(translation.engines, input.engine);
  if (input.source !== 'auto' && input.source === input.target) {
    throw new ApiError(400, 'validation_failed', 'target: must differ from the source language', [
      { path: 'target', message: 'must differ from the source language' },
    ]);
  }
  const characters = characterCount(input.text);
  if (characters > translation.maxCharsPerRequest) {
    throw new ApiError(
      413,
      'text_too_long',
      `the text has ${characters} characters; the maximum per request is ${translation.maxCharsPerRequest}`,
      { characters, maxCharsPerRequest: translation.maxCharsPerRequest },
    );
  }

  const cityId = caller.city.id;
  await purgeNowAndThen(deps);
  const keys = new Map<TranslationEngine, string>();
  for (const engine of candidates) {
    const key = await cacheKey(engine.id, input.source, input.target, input.text);
    keys.set(engine, key);
    const hit = await readCache(db, cityId, key, clock());
    if (hit) {
      return {
        translatedText: hit.translatedText,
        engine: engine.id,
        source: hit.detectedLang ?? input.source,
        cached: true,
      };
    }
  }

  const now = clock();
  const day = utcDay(now);
  const limit = translation.dailyCharsPerMember;
  if (!(await reserveCharacters(db, { cityId, memberId: caller.member.id }, day, characters, limit))) {
    const retryAfter = secondsToUtcMidnight(now);
    throw new ApiError(
      429,
      'daily_limit',
      `you have reached the daily translation limit of ${limit} characters; it resets at midnight UTC`,
      { dailyCharsPerMember: limit, characters },
      { 'Retry-After': String(retryAfter) },
    );
  }

  const attempts: Attempt[] = [];
  let last: EngineError | undefined;
  for (const engine of candidates) {
    try {
      const languages = await translation.languages.get(engine);
      if (!supportsPair(languages, input.source, input.target)) continue;
      const answer = await engine.translate({ text: input.text, source: input.source, target: input.target });
      const detected = input.source === 'auto' ? (answer.detectedSource ?? null) : null;
      await writeCache(
        db,
        {
          cityId,
          key: keys.get(engine)!,
          engine: engine.id,
          sourceLang: input.source,
          targetLang: input.target,
          detectedLang: detected,
          translatedText: answer.translatedText,
        },
        clock(),
      );
      return {
        translatedText: answer.translatedText,
        engine: engine.id,
        source: detected ?? input.source,
        ...(detected && answer.detectedConfidence !== undefined
          ? { detectedConfidence: answer.detectedConfidence }
          : {}),
        cached: false,
      };
    } catch (error) {
      const failure =
        error instanceof EngineError
          ? error
          : new EngineError('engine_failed', `${engine.label} failed unexpectedly`);
      if (!(error instanceof EngineError)) deps.log(`translation engine ${engine.id} threw`, error);
      if (failure.reason === 'unsupported_pair') continue;
      attempts.push({ engine: engine.id, reason: failure.reason, message: failure.message });
      last = failure;
    }
  }

  await refundCharacters(db, caller.member.id, day, characters);
  if (last) throw engineFailure(last, attempts);
  const names = candidates.map((e) => e.label).join(', ');
  throw new ApiError(
    400,
    'unsupported_pair',
    `no configured engine translates ${input.source === 'auto' ? 'into' : `${input.source} →`} ${input.target} (${names})`,
  );
}

function chooseEngines(
  engines: readonly TranslationEngine[],
  wanted: string | undefined,
): TranslationEngine[] {
  if (engines.length === 0) throw new ApiError(503, 'no_engine', configureHint);
  if (!wanted) return [...engines];
  const chosen = engines.filter((e) => e.id === wanted);
  if (chosen.length === 0) {
    const variable = wanted === 'deepl' ? 'DEEPL_API_KEY' : 'LIBRETRANSLATE_URL';
    throw new ApiError(
      503,
      'no_engine',
      `${wanted} is not configured on this server; set ${variable} in the server environment`,
    );
  }
  return chosen;
}

const purgeEveryMs = 3600_000;

/** At most once an hour per process, before reading the cache: old entries go, so none is answered. */
async function purgeNowAndThen(deps: AppDeps): Promise<void> {
  const now = deps.clock();
  const { translation } = deps;
  if (now - translation.lastPurgeAt < purgeEveryMs) return;
  translation.lastPurgeAt = now;
  await purgeCache(deps.db, now, translation.cacheMaxAgeMs);
}
