// GET /api/translate/engines: the configured engines in order with their languages (from the in-memory
// list), the caller's limits and today's use. An engine that cannot be reached is listed as unavailable
// rather than failing the whole answer. No engine: a hint saying what the administrator must set.
import type { EnginesResponse } from '../../shared/api/translate.ts';
import type { AppDeps, Caller } from '../app-env.ts';
import { usedToday } from './daily-usage.ts';
import { EngineError } from './engine.ts';
import { configureHint } from './setup.ts';

export async function listEngines(deps: AppDeps, caller: Caller): Promise<EnginesResponse> {
  const { translation } = deps;
  const engines = await Promise.all(
    translation.engines.map(async (engine) => {
      try {
        const languages = await translation.languages.get(engine);
        return { id: engine.id, label: engine.label, languages, available: true };
      } catch (error) {
        const problem = error instanceof EngineError ? error.message : `${engine.label} failed`;
        return { id: engine.id, label: engine.label, languages: [], available: false, problem };
      }
    }),
  );
  return {
    engines,
    limits: {
      maxCharsPerRequest: translation.maxCharsPerRequest,
      dailyCharsPerMember: translation.dailyCharsPerMember,
      usedToday: await usedToday(deps.db, caller.member.id, deps.clock()),
    },
    ...(engines.length === 0 ? { configureHint } : {}),
  };
}
