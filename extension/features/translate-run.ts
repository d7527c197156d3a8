// "Suggest" as the Translate tab runs it: the city's translation memory first (exact, then near matches with
// their similarity), then the member's machine engines in order through lib/translate/suggest.ts. An exact
// memory match spares the machine engines (and the server's daily allowance).
import type { Snippet } from '../../shared/schemas/snippet.ts';
import { type EngineFailure, type Engines, suggestTranslations } from '../lib/translate/suggest.ts';
import { type MemorySuggestion, memorySuggestions } from './translate-memory.ts';
import type { MachineEngine as EngineName } from './translate-prefs.ts';

export interface ShownSuggestion {
  /** What produced it: `memory`, `browser`, `libretranslate`, `deepl` (the engine stored when kept). */
  engine: string;
  text: string;
  memory?: MemorySuggestion;
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
  const remembered = memorySuggestions(input.memory, input);
  const fromMemory: ShownSuggestion[] = remembered.map((m) => ({
    engine: 'memory',
    text: m.text,
    memory: m,
  }));
  if (remembered.some((m) => m.exact)) return { suggestions: fromMemory, failures: [] };
  const machine = await suggestTranslations({
    text: input.text,
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    order: input.order,
    engines: input.engines,
  });
  let detectedLang: string | undefined;
  const fromMachine: ShownSuggestion[] = machine.suggestions.flatMap((s) => {
    if (s.engine === 'memory') return [];
    detectedLang ??= s.detectedLang;
    return [{ engine: s.engine === 'server' ? (s.provider ?? 'server') : 'browser', text: s.text }];
  });
  return {
    suggestions: [...fromMemory, ...fromMachine],
    failures: machine.failures,
    ...(detectedLang ? { detectedLang } : {}),
  };
}
