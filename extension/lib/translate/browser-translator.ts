// Chrome's built-in, on-device Translator as a translation engine: availability per language pair, creating a
// translator (which may download a language pack, reporting progress), translating, and every failure mapped
// to a reason the translation view can explain.
//
// Call it only from extension pages (side panel, popup, options): the Translator global exists in windows,
// not in the service worker (REFERENCES.md, "Translation engines"); there it reports `unsupported`.
// A pair may report `downloadable` until this extension has created a translator for it (privacy masking):
// offer a "download" button, not an error. The first create() that downloads needs a user gesture, so call
// `translateWithBrowser` from the click handler (before any other await) when availability is not `available`.
import { baseLang } from '../../../shared/translate/languages.ts';
import { type AiScope, aiScope, type TranslatorInstance, type TranslatorPair } from './chrome-ai-types.ts';
import type { MachineEngine } from './suggest.ts';

export type BrowserTranslatorAvailability =
  | 'unsupported'
  | 'unavailable'
  | 'downloadable'
  | 'downloading'
  | 'available';

export type BrowserTranslatorReason =
  | 'unsupported'
  | 'unavailable'
  | 'needs_gesture'
  | 'download_failed'
  | 'too_long'
  | 'aborted'
  | 'source_unknown'
  | 'failed';

export class BrowserTranslatorError extends Error {
  override readonly name = 'BrowserTranslatorError';
  constructor(
    readonly reason: BrowserTranslatorReason,
    message: string,
  ) {
    super(message);
  }
}

const reasonByErrorName: Record<string, BrowserTranslatorReason> = {
  NotAllowedError: 'needs_gesture',
  NetworkError: 'download_failed',
  QuotaExceededError: 'too_long',
  NotSupportedError: 'unavailable',
  AbortError: 'aborted',
};

/** The spec's DOMException names mapped to reasons; anything else is `failed`. */
export function browserTranslatorReason(error: unknown): BrowserTranslatorReason {
  if (error instanceof BrowserTranslatorError) return error.reason;
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
  return reasonByErrorName[name] ?? 'failed';
}

function asError(error: unknown): BrowserTranslatorError {
  if (error instanceof BrowserTranslatorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BrowserTranslatorError(browserTranslatorReason(error), message);
}

export function browserTranslatorSupported(scope: AiScope = aiScope()): boolean {
  return (
    typeof scope.Translator?.availability === 'function' && typeof scope.Translator.create === 'function'
  );
}

export async function browserTranslatorAvailability(
  pair: TranslatorPair,
  scope: AiScope = aiScope(),
): Promise<BrowserTranslatorAvailability> {
  if (!browserTranslatorSupported(scope)) return 'unsupported';
  try {
    return await scope.Translator!.availability(pair);
  } catch {
    // An invalid language tag rejects; for the view that pair is simply not available.
    return 'unavailable';
  }
}

export interface CreateOptions extends TranslatorPair {
  /** Language-pack download progress, 0–1 (Chrome reports at least 0 and 1). */
  onProgress?: (loaded: number) => void;
  signal?: AbortSignal;
}

/** A translator for the pair; rejects with a BrowserTranslatorError. Destroy it when done. */
export async function createBrowserTranslator(
  options: CreateOptions,
  scope: AiScope = aiScope(),
): Promise<TranslatorInstance> {
  const { sourceLanguage, targetLanguage, onProgress, signal } = options;
  if (!browserTranslatorSupported(scope)) {
    throw new BrowserTranslatorError('unsupported', 'This browser has no built-in Translator.');
  }
  try {
    return await scope.Translator!.create({
      sourceLanguage,
      targetLanguage,
      ...(signal ? { signal } : {}),
      monitor(monitor) {
        monitor.addEventListener('downloadprogress', (event) => {
          onProgress?.(Math.min(1, Math.max(0, Number(event.loaded) || 0)));
        });
      },
    });
  } catch (error) {
    throw asError(error);
  }
}

/**
 * Translate `text` with a fresh translator for the pair: checks availability first (`unavailable` pairs fail
 * without calling create), and the input quota when the browser exposes it (`too_long`).
 */
export async function translateWithBrowser(
  text: string,
  options: CreateOptions,
  scope: AiScope = aiScope(),
): Promise<string> {
  const availability = await browserTranslatorAvailability(options, scope);
  if (availability === 'unsupported') {
    throw new BrowserTranslatorError('unsupported', 'This browser has no built-in Translator.');
  }
  if (availability === 'unavailable') {
    throw new BrowserTranslatorError(
      'unavailable',
      `The built-in Translator cannot translate ${options.sourceLanguage} to ${options.targetLanguage}.`,
    );
  }
  const translator = await createBrowserTranslator(options, scope);
  try {
    if (translator.measureInputUsage && Number.isFinite(translator.inputQuota)) {
      const usage = await translator.measureInputUsage(
        text,
        options.signal ? { signal: options.signal } : {},
      );
      if (usage > translator.inputQuota!) {
        throw new BrowserTranslatorError('too_long', 'The text is too long for the built-in Translator.');
      }
    }
    return await translator.translate(text, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    throw asError(error);
  } finally {
    translator.destroy();
  }
}

/**
 * The built-in Translator as an engine of the suggestion chain (suggest.ts): failures come back as results
 * with their reason instead of exceptions. The browser needs a known source language (`source_unknown`).
 */
export function browserTranslatorEngine(
  options: { onProgress?: (loaded: number) => void; scope?: AiScope } = {},
): MachineEngine {
  return async ({ text, sourceLang, targetLang, signal }) => {
    if (baseLang(sourceLang) === 'und') {
      return {
        ok: false,
        reason: 'source_unknown',
        message: 'The built-in Translator needs the source language.',
      };
    }
    try {
      const translated = await translateWithBrowser(
        text,
        {
          sourceLanguage: sourceLang,
          targetLanguage: targetLang,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(signal ? { signal } : {}),
        },
        options.scope ?? aiScope(),
      );
      return { ok: true, text: translated, provider: 'browser' };
    } catch (error) {
      const failure = asError(error);
      return { ok: false, reason: failure.reason, message: failure.message };
    }
  };
}
