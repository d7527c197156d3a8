// What every server-side translation engine offers the rest of the server, and its one error type. An
// adapter (libretranslate.ts, deepl.ts) speaks its engine's HTTP contract and maps every answer to this:
// languages in our lower-case codes, a translation, or an EngineError with one of our own reasons.
import type { EngineId, EngineLanguage } from '../../shared/api/translate.ts';

export interface EngineTranslation {
  translatedText: string;
  /** Our code of the language the engine detected (when asked with `auto`). */
  detectedSource?: string;
  /** 0–1. */
  detectedConfidence?: number;
}

export interface EngineRequest {
  text: string;
  /** Our code, or `auto`. */
  source: string;
  /** Our code. */
  target: string;
}

export interface TranslationEngine {
  readonly id: EngineId;
  readonly label: string;
  /** Source languages with their targets, in our codes. */
  languages(): Promise<EngineLanguage[]>;
  translate(request: EngineRequest): Promise<EngineTranslation>;
}

export type EngineErrorReason =
  | 'unsupported_pair'
  | 'engine_rate_limited'
  | 'engine_quota'
  | 'engine_auth'
  | 'engine_failed'
  | 'engine_timeout';

export class EngineError extends Error {
  constructor(
    readonly reason: EngineErrorReason,
    message: string,
    /** For `engine_rate_limited`: seconds until the engine takes requests again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
