// The engine chain behind the translation view: the city's translation memory first (its matches are always
// shown when there are any), then the machine engines in the member's order until one succeeds, with every
// engine that failed and why — so the view can say "Browser translator: this language pair is not available;
// used the server engine". Engines are injected functions: this module does no I/O and is tested with fakes.
import type { MemoryMatch } from '../../../shared/translate/memory.ts';

export type EngineId = 'memory' | 'browser' | 'server';

export interface TranslationRequest {
  text: string;
  /** `und` when unknown. */
  sourceLang: string;
  targetLang: string;
  signal?: AbortSignal;
}

export type EngineResult =
  | {
      ok: true;
      text: string;
      /** The engine that actually answered, when the adapter knows better (`libretranslate`, `deepl`). */
      provider?: string;
      /** The source language the engine detected, when it was asked with `und`/`auto`. */
      detectedLang?: string;
    }
  | { ok: false; reason: string; message?: string };

export type MachineEngine = (request: TranslationRequest) => Promise<EngineResult>;
export type MemoryEngine = (request: TranslationRequest) => MemoryMatch[] | Promise<MemoryMatch[]>;

export interface Engines {
  memory?: MemoryEngine;
  browser?: MachineEngine;
  server?: MachineEngine;
}

export type Suggestion =
  | { engine: 'memory'; text: string; memory: MemoryMatch }
  | { engine: 'browser' | 'server'; text: string; provider?: string; detectedLang?: string };

export interface EngineFailure {
  engine: EngineId;
  /**
   * Why: the adapter's reason (browser: `unsupported`, `unavailable`, `needs_gesture`, `download_failed`,
   * `too_long`, `aborted`; server: its error code), `not_configured` when no engine function was given,
   * `failed` when the engine threw without one.
   */
  reason: string;
  message?: string;
}

export interface SuggestResult {
  /** Memory matches first (exact, then by similarity), then the first machine engine that succeeded. */
  suggestions: Suggestion[];
  failures: EngineFailure[];
  /** Machine engines not asked because memory had an exact match (see `skipMachineOnExact`). */
  skipped: EngineId[];
}

export interface SuggestOptions extends TranslationRequest {
  /** The member's engine order, e.g. `['memory', 'browser', 'server']`; an engine left out is not asked. */
  order: readonly EngineId[];
  engines: Engines;
  /** Do not ask machine engines when memory has an exact match (saves the server's daily quota). Default true. */
  skipMachineOnExact?: boolean;
  /** Called before each engine is asked (for a "trying the browser translator…" line). */
  onAttempt?: (engine: EngineId) => void;
}

function failureOf(engine: EngineId, error: unknown): EngineFailure {
  const reason =
    error && typeof error === 'object' && 'reason' in error && typeof error.reason === 'string'
      ? error.reason
      : error instanceof DOMException && error.name === 'AbortError'
        ? 'aborted'
        : 'failed';
  const message = error instanceof Error ? error.message : undefined;
  return message ? { engine, reason, message } : { engine, reason };
}

export async function suggestTranslations(options: SuggestOptions): Promise<SuggestResult> {
  const { order, engines, onAttempt } = options;
  const request: TranslationRequest = {
    text: options.text,
    sourceLang: options.sourceLang,
    targetLang: options.targetLang,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const suggestions: Suggestion[] = [];
  const failures: EngineFailure[] = [];
  const skipped: EngineId[] = [];
  const machineOrder = [...new Set(order)].filter((id): id is 'browser' | 'server' => id !== 'memory');

  if (order.includes('memory')) {
    if (!engines.memory) {
      failures.push({ engine: 'memory', reason: 'not_configured' });
    } else {
      onAttempt?.('memory');
      try {
        for (const memory of await engines.memory(request)) {
          suggestions.push({ engine: 'memory', text: memory.translation, memory });
        }
      } catch (error) {
        failures.push(failureOf('memory', error));
      }
    }
  }

  const exact = suggestions.some((s) => s.engine === 'memory' && s.memory.exact);
  if (exact && options.skipMachineOnExact !== false) {
    return { suggestions, failures, skipped: machineOrder };
  }

  for (const [index, id] of machineOrder.entries()) {
    if (options.signal?.aborted) {
      for (const rest of machineOrder.slice(index)) failures.push({ engine: rest, reason: 'aborted' });
      break;
    }
    const engine = engines[id];
    if (!engine) {
      failures.push({ engine: id, reason: 'not_configured' });
      continue;
    }
    onAttempt?.(id);
    let result: EngineResult;
    try {
      result = await engine(request);
    } catch (error) {
      failures.push(failureOf(id, error));
      continue;
    }
    if (!result.ok) {
      failures.push(
        result.message
          ? { engine: id, reason: result.reason, message: result.message }
          : { engine: id, reason: result.reason },
      );
      continue;
    }
    suggestions.push({
      engine: id,
      text: result.text,
      ...(result.provider ? { provider: result.provider } : {}),
      ...(result.detectedLang ? { detectedLang: result.detectedLang } : {}),
    });
    break;
  }
  return { suggestions, failures, skipped };
}
