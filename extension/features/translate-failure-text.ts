// A translation failure in words a coordinator can act on: what to configure, what to wait for, what to do
// instead. The code is the server's (`no_engine`, `daily_limit`…) or the extension's (`offline`,
// `not_connected`); limits come from the error's details or, failing that, the server's announced limits.
import { t } from '../lib/i18n.ts';
import type { ServerFailure } from '../sync/translate-client.ts';

export interface FailureContext {
  sourceName: string;
  targetName: string;
  maxCharsPerRequest?: number;
  dailyCharsPerMember?: number;
}

function numberIn(details: unknown, ...names: string[]): number | undefined {
  if (!details || typeof details !== 'object') return undefined;
  for (const name of names) {
    const value = (details as Record<string, unknown>)[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

export function translateFailureText(failure: ServerFailure, context: FailureContext): string {
  switch (failure.code) {
    case 'not_connected':
      return t('translateNotConnected');
    case 'no_engine':
      return t('translateNoEngine');
    case 'offline':
      return t('translateOffline');
    case 'daily_limit': {
      const limit =
        numberIn(failure.details, 'dailyCharsPerMember', 'limit', 'max') ?? context.dailyCharsPerMember;
      return limit ? t('translateDailyLimit', limit.toLocaleString()) : t('translateDailyLimitNoFigure');
    }
    case 'text_too_long': {
      const limit =
        numberIn(failure.details, 'maxCharsPerRequest', 'limit', 'max') ?? context.maxCharsPerRequest;
      return limit ? t('translateTooLong', limit.toLocaleString()) : t('translateTooLongNoFigure');
    }
    case 'unsupported_pair':
      return t('translateUnsupportedPair', context.sourceName, context.targetName);
    case 'engine_rate_limited':
    case 'rate_limited':
    case 'http_429':
      return t('translateEngineBusy');
    case 'engine_quota':
    case 'engine_auth':
      return t('translateEngineSetup');
    case 'http_401':
    case 'unauthorized':
      return t('failure_unauthorized');
    case 'validation_failed':
      return t('translateRefused', failure.message);
    default:
      return t('translateEngineDown');
  }
}
