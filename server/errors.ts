// The one error type of the API. Every error answers `{ error: { code, message, details? } }` (STYLE.md §6);
// handlers throw ApiError and the app's onError (server/on-error.ts) turns it into the response.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 404 for both "does not exist" and "belongs to another city": the answer must not reveal existence. */
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
