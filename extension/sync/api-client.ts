// Requests to the city library's server, with the member's token, and every failure named in the few ways
// a coordinator can act on: unreachable, access revoked, not allowed, refused, slow down, server trouble.
import type { Connection } from './connection.ts';

export type SyncFailure =
  | { reason: 'unreachable'; detail: string }
  | { reason: 'unauthorized'; detail: string }
  | { reason: 'forbidden'; detail: string }
  | { reason: 'rejected'; detail: string; code?: string }
  | { reason: 'rate-limited'; detail: string; retryAfterMs: number }
  | { reason: 'server'; detail: string };

export class SyncError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(`${failure.reason}: ${failure.detail}`);
  }
}

const requestTimeoutMs = 30_000;

/** A request to the city's server with the member's token, a JSON body and a timeout; rejects without an answer. */
export function requestServer(
  connection: Pick<Connection, 'server' | 'token'>,
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<Response> {
  return fetch(`${connection.server}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${connection.token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
}

export async function callApi<T>(
  connection: Pick<Connection, 'server' | 'token'>,
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown } = {},
): Promise<T> {
  return readAnswer<T>(await answerOf(connection, path, init));
}

/** The body of a yes from the server; a connection lost while it arrives is the server unreachable. */
export async function readAnswer<T>(response: Response): Promise<T> {
  return parseAnswer<T>(await readAnswerText(response));
}

/** The body's text (readAnswer's first half: a caller that keeps the text parses it with parseAnswer). */
export async function readAnswerText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw new SyncError({
      reason: 'unreachable',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

export function parseAnswer<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SyncError({ reason: 'server', detail: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The server's answer once it says yes, its headers read and its body not yet (readAnswer reads it), or a
 * SyncError naming why not.
 */
export async function answerOf(
  connection: Pick<Connection, 'server' | 'token'>,
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await requestServer(connection, path, init);
  } catch (error) {
    throw new SyncError({
      reason: 'unreachable',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (response.ok) return response;
  const { detail, code } = await errorMessage(response);
  switch (response.status) {
    case 401:
      throw new SyncError({ reason: 'unauthorized', detail });
    case 403:
      throw new SyncError({ reason: 'forbidden', detail });
    case 429: {
      const seconds = Number(response.headers.get('retry-after'));
      const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
      throw new SyncError({ reason: 'rate-limited', detail, retryAfterMs });
    }
    default:
      throw new SyncError(
        response.status >= 500 ? { reason: 'server', detail } : { reason: 'rejected', detail, code },
      );
  }
}

/** The server's `{ error: { code, message, details } }` in one line, or the status text; and its code. */
async function errorMessage(response: Response): Promise<{ detail: string; code?: string }> {
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: string; details?: unknown };
    };
    const details = body.error?.details ? ` ${JSON.stringify(body.error.details).slice(0, 300)}` : '';
    const code = typeof body.error?.code === 'string' ? body.error.code : undefined;
    return { detail: `${response.status} ${body.error?.message ?? response.statusText}${details}`, code };
  } catch {
    return { detail: `${response.status} ${response.statusText}` };
  }
}
