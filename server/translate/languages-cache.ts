// Each engine's language list, kept in memory for a few minutes: the list changes only when an instance is
// upgraded, and asking for it before every translation would double the engine traffic. Concurrent callers
// share one request; a failure is not kept, so the next caller asks again.
import type { EngineLanguage } from '../../shared/api/translate.ts';
import type { TranslationEngine } from './engine.ts';

interface Entry {
  at: number;
  languages: Promise<EngineLanguage[]>;
}

export class LanguagesCache {
  private readonly entries = new Map<TranslationEngine, Entry>();

  constructor(
    private readonly clock: () => number,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  get(engine: TranslationEngine): Promise<EngineLanguage[]> {
    const now = this.clock();
    const entry = this.entries.get(engine);
    if (entry && now - entry.at < this.ttlMs) return entry.languages;
    const languages = engine.languages();
    const fresh = { at: now, languages };
    this.entries.set(engine, fresh);
    languages.catch(() => {
      if (this.entries.get(engine) === fresh) this.entries.delete(engine);
    });
    return languages;
  }
}
