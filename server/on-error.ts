// Turns any thrown error into the one error body. Unknown errors become a 500 without internals; the cause
// goes to the log the app was given.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './errors.ts';

export type Logger = (message: string, error?: unknown) => void;

export function errorHandler(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) {
      const body = { error: { code: err.code, message: err.message, ...detailsOf(err.details) } };
      return c.json(body, err.status, err.headers);
    }
    if (err instanceof HTTPException) {
      return c.json(
        { error: { code: codeFor(err.status), message: err.message || 'request failed' } },
        err.status,
      );
    }
    if (isBusy(err)) {
      // Another writer held the database longer than busy_timeout: a retry will very likely succeed.
      return c.json({ error: { code: 'busy', message: 'the database is busy, retry shortly' } }, 503, {
        'Retry-After': '1',
      });
    }
    log(`unhandled error on ${c.req.method} ${c.req.path}`, err);
    return c.json({ error: { code: 'internal', message: 'internal server error' } }, 500);
  };
}

const detailsOf = (details: unknown) => (details === undefined ? {} : { details });

function codeFor(status: number): string {
  if (status === 413) return 'payload_too_large';
  if (status === 401) return 'unauthorized';
  return status >= 500 ? 'internal' : 'bad_request';
}

function isBusy(err: Error): boolean {
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
