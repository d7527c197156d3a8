// "Suggest" as the Translate tab runs it, through lib/translate/suggest.ts: the city's translation memory
// first (exact, then near matches with their similarity), then the member's machine engines in their order
// until one answers. An exact memory match spares the machine engines (and the server's daily allowance).
import type { Snippet } from '../../shared/schemas/snippet.ts';
import { findMemoryMatches, type MemoryMatch } from '../../shared/translate/memory.ts';
import { type EngineFailure, type Engines, suggestTranslations } from '../lib/translate/suggest.ts';
import type { MachineEngine as EngineName } from './translate-prefs.ts';

export interface ShownSuggestion {
  /** What produced it: `memory`, `browser`, `libretranslate`, `deepl` (the engine stored when kept). */
  engine: string;
  text: string;
  memory?: MemoryMatch;
}

export interface SuggestRun {
  suggestions: ShownSuggestion[];
  failures: EngineFailure[];
  /** The source language a machine engine detected, when none was known. */
  detectedLang?: string;
}

export async function runSuggestions(input: {
  text: string;
  sourceLang: string;
  targetLang: string;
  order: readonly EngineName[];
  memory: readonly Snippet[];
  engines: Pick<Engines, 'browser' | 'server'>;
}): Promise<SuggestRun> {
  const result = await suggestTranslations({
    text: input.text,
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    order: ['memory', ...input.order],
    engines: {
      ...input.engines,
      memory: (request) =>
        findMemoryMatches(request.text, request.sourceLang, request.targetLang, input.memory),
    },
  });
  let detectedLang: string | undefined;
  const suggestions = result.suggestions.map((s): ShownSuggestion => {
    if (s.engine === 'memory') return { engine: 'memory', text: s.text, memory: s.memory };
    detectedLang ??= s.detectedLang;
    return { engine: s.engine === 'server' ? (s.provider ?? 'server') : 'browser', text: s.text };
  });
  return { suggestions, failures: result.failures, ...(detectedLang ? { detectedLang } : {}) };
}
