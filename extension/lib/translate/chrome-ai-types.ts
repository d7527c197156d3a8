// The shapes of Chrome's built-in Translator and LanguageDetector globals (WICG Translation API, shipped in
// Chrome 138; https://webmachinelearning.github.io/translation-api/), declared here because TypeScript's DOM
// library does not have them yet. Only what the adapters use.

export type AiAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface DownloadProgressEvent extends Event {
  /** 0–1. */
  loaded: number;
}

export interface CreateMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: DownloadProgressEvent) => void): void;
}

export interface TranslatorPair {
  sourceLanguage: string;
  targetLanguage: string;
}

export interface TranslatorInstance {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  measureInputUsage?(input: string, options?: { signal?: AbortSignal }): Promise<number>;
  readonly inputQuota?: number;
  destroy(): void;
}

export interface TranslatorGlobal {
  availability(options: TranslatorPair): Promise<AiAvailability>;
  create(
    options: TranslatorPair & { monitor?: (monitor: CreateMonitor) => void; signal?: AbortSignal },
  ): Promise<TranslatorInstance>;
}

export interface LanguageDetectionResult {
  detectedLanguage: string;
  /** 0–1. */
  confidence: number;
}

export interface LanguageDetectorInstance {
  detect(input: string, options?: { signal?: AbortSignal }): Promise<LanguageDetectionResult[]>;
  destroy(): void;
}

export interface LanguageDetectorGlobal {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<AiAvailability>;
  create(options?: {
    monitor?: (monitor: CreateMonitor) => void;
    signal?: AbortSignal;
  }): Promise<LanguageDetectorInstance>;
}

/** Where the adapters look for the globals: `globalThis` in an extension page, a fake in tests. */
export interface AiScope {
  Translator?: TranslatorGlobal;
  LanguageDetector?: LanguageDetectorGlobal;
}

export function aiScope(): AiScope {
  return globalThis as AiScope;
}
