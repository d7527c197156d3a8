// A fake of Chrome's Translator and LanguageDetector globals that follows the Translation API spec's states:
// availability per pair; create() on a `downloadable` pair needs a user gesture (NotAllowedError), then
// downloads (progress events 0…1, NetworkError when the download fails) and the pair becomes `available`;
// `unavailable` pairs reject with NotSupportedError; translate() rejects input over the quota with
// QuotaExceededError and honours abort signals (AbortError).
import type {
  AiAvailability,
  CreateMonitor,
  LanguageDetectionResult,
  LanguageDetectorGlobal,
  TranslatorGlobal,
  TranslatorInstance,
  TranslatorPair,
} from '../../extension/lib/translate/chrome-ai-types.ts';

class ProgressEvent extends Event {
  constructor(readonly loaded: number) {
    super('downloadprogress');
  }
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

export interface FakeTranslatorOptions {
  pairs: Record<string, AiAvailability>;
  /** Whether create() runs inside a user gesture (transient activation). */
  userActivation?: boolean;
  /** The download fails with NetworkError. */
  networkDown?: boolean;
  /** Progress values reported while downloading. */
  progress?: number[];
  inputQuota?: number;
  translate?: (text: string, pair: TranslatorPair) => string;
}

export function fakeTranslator(options: FakeTranslatorOptions) {
  const state = { ...options.pairs };
  const created: TranslatorPair[] = [];
  const destroyed: TranslatorPair[] = [];
  const key = (p: TranslatorPair) => `${p.sourceLanguage}>${p.targetLanguage}`;
  const global: TranslatorGlobal = {
    async availability(pair) {
      if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(pair.sourceLanguage))
        throw new RangeError('Invalid language tag');
      return state[key(pair)] ?? 'unavailable';
    },
    async create({ monitor, signal, ...pair }) {
      if (signal?.aborted) throw abortError();
      const availability = state[key(pair)] ?? 'unavailable';
      if (availability === 'unavailable')
        throw new DOMException('Unable to create translator', 'NotSupportedError');
      if (availability !== 'available') {
        if (!options.userActivation) throw new DOMException('Requires a user gesture', 'NotAllowedError');
        const target = new EventTarget();
        monitor?.(target as CreateMonitor);
        state[key(pair)] = 'downloading';
        for (const loaded of options.progress ?? [0, 1]) {
          await Promise.resolve();
          target.dispatchEvent(new ProgressEvent(loaded));
        }
        if (options.networkDown) {
          state[key(pair)] = 'downloadable';
          throw new DOMException('Download failed', 'NetworkError');
        }
        state[key(pair)] = 'available';
      }
      created.push(pair);
      const inputQuota = options.inputQuota ?? Number.POSITIVE_INFINITY;
      const instance: TranslatorInstance = {
        inputQuota,
        async measureInputUsage(input) {
          return input.length;
        },
        async translate(input, opts) {
          if (opts?.signal?.aborted) throw abortError();
          if (input.length > inputQuota) throw new DOMException('Input too large', 'QuotaExceededError');
          return (options.translate ?? ((t) => `[${pair.targetLanguage}] ${t}`))(input, pair);
        },
        destroy() {
          destroyed.push(pair);
        },
      };
      return instance;
    },
  };
  return { global, state, created, destroyed };
}

export function fakeLanguageDetector(
  availability: AiAvailability,
  detect: (text: string) => LanguageDetectionResult[],
) {
  const calls: string[] = [];
  const global: LanguageDetectorGlobal = {
    async availability() {
      return availability;
    },
    async create() {
      if (availability !== 'available') throw new DOMException('Requires a user gesture', 'NotAllowedError');
      return {
        async detect(text) {
          calls.push(text);
          return detect(text);
        },
        destroy() {},
      };
    },
  };
  return { global, calls };
}
