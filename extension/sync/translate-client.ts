// The city library's machine translation (POST /api/translate, GET /api/translate/engines): the server holds
// the engines' keys, the extension asks for a suggestion. Unlike sync, the error code matters here (no engine,
// daily limit, text too long, pair unsupported, engine down each get their own words), so every failure keeps
// the server's `{ error: { code, message, details } }` code.
import { errorBodySchema } from '../../shared/api/errors.ts';
import { meSchema } from '../../shared/api/tenancy.ts';
import {
  type EnginesResponse,
  enginesResponseSchema,
  type TranslateRequest,
  type TranslateResponse,
  translateResponseSchema,
} from '../../shared/api/translate.ts';
import { requestServer } from './api-client.ts';
import type { Connection } from './connection.ts';

/** The server's error code, or what went wrong before an answer: offline, not connected, no access. */
export interface ServerFailure {
  code: string;
  message: string;
  details?: unknown;
  retryAfterSeconds?: number;
}

export type ServerReply<T> = { ok: true; value: T } | { ok: false; failure: ServerFailure };

/** One JSON request to the city's server with the member's token; every failure answered, never thrown. */
export async function callServer<T>(
  connection: Pick<Connection, 'server' | 'token'>,
  path: string,
  parse: (body: unknown) => T,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<ServerReply<T>> {
  let response: Response;
  try {
    response = await requestServer(connection, path, init);
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      ok: false,
      failure: { code: timedOut ? 'engine_timeout' : 'offline', message: String(error) },
    };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // An empty or non-JSON body: the status says enough.
  }
  if (response.ok) {
    try {
      return { ok: true, value: parse(body) };
    } catch (error) {
      return { ok: false, failure: { code: 'bad_answer', message: String(error) } };
    }
  }
  const parsed = errorBodySchema.safeParse(body);
  const seconds = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    failure: {
      code: parsed.success ? parsed.data.error.code : `http_${response.status}`,
      message: parsed.success ? parsed.data.error.message : `${response.status} ${response.statusText}`,
      ...(parsed.success && parsed.data.error.details !== undefined
        ? { details: parsed.data.error.details }
        : {}),
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: seconds } : {}),
    },
  };
}

export function translateOnServer(
  connection: Connection,
  request: TranslateRequest,
): Promise<ServerReply<TranslateResponse>> {
  return callServer(connection, '/api/translate', (b) => translateResponseSchema.parse(b), {
    method: 'POST',
    body: request,
  });
}

export interface EnginesInfo extends EnginesResponse {
  /** The city's language (from /api/me): the first target offered. */
  cityLang: string | null;
}

export async function enginesOnServer(connection: Connection): Promise<ServerReply<EnginesInfo>> {
  const [engines, me] = await Promise.all([
    callServer(connection, '/api/translate/engines', (b) => enginesResponseSchema.parse(b)),
    callServer(connection, '/api/me', (b) => meSchema.parse(b)),
  ]);
  if (!engines.ok) return engines;
  return { ok: true, value: { ...engines.value, cityLang: me.ok ? me.value.city.lang : null } };
}
