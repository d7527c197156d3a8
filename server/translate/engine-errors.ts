// An engine's failure as the API answers it: each reason its own status and code, the engine's own words
// in the message, Retry-After when the engine asked us to slow down. When several engines were tried, the
// details list every attempt.
import { ApiError } from '../errors.ts';
import type { EngineError, EngineErrorReason } from './engine.ts';

const statusOf: Record<EngineErrorReason, 400 | 429 | 502 | 503 | 504> = {
  unsupported_pair: 400,
  engine_rate_limited: 429,
  engine_quota: 503,
  engine_auth: 502,
  engine_failed: 502,
  engine_timeout: 504,
};

export interface Attempt {
  engine: string;
  reason: EngineErrorReason;
  message: string;
}

export function engineFailure(last: EngineError, attempts: Attempt[]): ApiError {
  const others = attempts.slice(0, -1).map((a) => `${a.engine}: ${a.message}`);
  const message = others.length ? `${last.message} (also tried ${others.join('; ')})` : last.message;
  const headers =
    last.reason === 'engine_rate_limited'
      ? { 'Retry-After': String(last.retryAfterSeconds ?? 10) }
      : undefined;
  return new ApiError(statusOf[last.reason], last.reason, message, { attempts }, headers);
}
