// Which language a selected text is in, offline: Chrome's LanguageDetector when it is ready (confidence 0–1),
// otherwise the extension API `i18n.detectLanguage` (CLD, in Chrome and Firefox extension pages; percentage
// 0–100). Texts too short to tell answer null rather than a guess. Like the Translator, LanguageDetector
// exists in extension pages only, not in the service worker.
import { browser } from 'wxt/browser';
import { normaliseLang } from '../../../shared/translate/languages.ts';
import { type AiScope, aiScope } from './chrome-ai-types.ts';

export interface DetectedLanguage {
  /** Canonical code (`pt-BR`, `zh-Hant`, `he`…). */
  lang: string;
  /** 0–1. */
  confidence: number;
  /** Whether the detector vouches for it: CLD's `isReliable`, or a LanguageDetector confidence ≥ 0.7. */
  reliable: boolean;
  detector: 'language-detector' | 'i18n';
}

/** What `browser.i18n.detectLanguage` answers (a subset). */
export interface I18nDetection {
  isReliable: boolean;
  languages: { language: string; percentage: number }[];
}

export interface DetectOptions {
  /** Fewer letters than this answer null (default 12). */
  minLetters?: number;
  scope?: AiScope;
  /** Defaults to `browser.i18n.detectLanguage`. */
  i18nDetect?: (text: string) => Promise<I18nDetection>;
}

const reliableConfidence = 0.7;

async function withLanguageDetector(
  text: string,
  scope: AiScope,
): Promise<DetectedLanguage | null | undefined> {
  const detector = scope.LanguageDetector;
  if (typeof detector?.availability !== 'function') return undefined;
  try {
    // Only a ready model: a download would need a user gesture, and CLD answers at once meanwhile.
    if ((await detector.availability()) !== 'available') return undefined;
    const instance = await detector.create();
    try {
      const best = (await instance.detect(text)).find((r) => r.detectedLanguage !== 'und');
      if (!best) return undefined;
      const confidence = Math.min(1, Math.max(0, best.confidence));
      return {
        lang: normaliseLang(best.detectedLanguage),
        confidence,
        reliable: confidence >= reliableConfidence,
        detector: 'language-detector',
      };
    } finally {
      instance.destroy();
    }
  } catch {
    return undefined;
  }
}

async function withI18n(
  text: string,
  detect: (text: string) => Promise<I18nDetection>,
): Promise<DetectedLanguage | null> {
  try {
    const result = await detect(text);
    const best = result.languages.find((l) => normaliseLang(l.language) !== 'und');
    if (!best) return null;
    return {
      lang: normaliseLang(best.language),
      confidence: Math.min(1, Math.max(0, best.percentage / 100)),
      reliable: result.isReliable,
      detector: 'i18n',
    };
  } catch {
    return null;
  }
}

/** The text's language, or null when the text is too short or no detector can tell. */
export async function detectLanguage(
  text: string,
  options: DetectOptions = {},
): Promise<DetectedLanguage | null> {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < (options.minLetters ?? 12)) return null;
  const fromDetector = await withLanguageDetector(text, options.scope ?? aiScope());
  if (fromDetector !== undefined) return fromDetector;
  const i18nDetect =
    options.i18nDetect ?? ((t: string) => browser.i18n.detectLanguage(t) as Promise<I18nDetection>);
  return withI18n(text, i18nDetect);
}
