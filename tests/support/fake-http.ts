// What both fake engines share: a node:http server on 127.0.0.1 at a random port, the request log, reading
// JSON or form bodies, and the failure switches (down, slow, 429, 500, broken answers). Not a mock of our
// code: the adapters and the real server talk HTTP to it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * ok: answer normally. down: drop every connection without answering. slow: answer normally after
 * `delayMs`. rate_limited: 429 (with Retry-After `retryAfter` seconds if given). error: 500. quota: 456 (DeepL).
 * bad_json: 200 with a body that is not JSON. garbage: 200 JSON whose translated text is not a string.
 * huge: 200 with a translated text of `hugeChars` characters (default 2,000,000).
 */
export type FakeEngineMode =
  | 'ok'
  | 'down'
  | 'slow'
  | 'rate_limited'
  | 'error'
  | 'quota'
  | 'bad_json'
  | 'garbage'
  | 'huge';

export interface FakeModeOptions {
  delayMs?: number;
  retryAfter?: number;
  hugeChars?: number;
}

export interface FakeRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** The parsed JSON or form body (form fields that repeat become arrays), or undefined. */
  body: unknown;
}

export interface FakeEngine {
  /** e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  stop(): Promise<void>;
  /** Every request received, oldest first (a live array; clear it with `requests.length = 0`). */
  requests: FakeRequest[];
  setMode(mode: FakeEngineMode, options?: FakeModeOptions): void;
}

export interface FakeState {
  mode: FakeEngineMode;
  options: FakeModeOptions;
}

export type FakeHandler = (
  request: FakeRequest,
  res: ServerResponse,
  state: FakeState,
) => void | Promise<void>;

export async function startFakeServer(handle: FakeHandler): Promise<FakeEngine> {
  const requests: FakeRequest[] = [];
  const state: FakeState = { mode: 'ok', options: {} };
  const server = createServer(async (req, res) => {
    const request = await readRequest(req);
    requests.push(request);
    if (state.mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (state.mode === 'slow') await new Promise((r) => setTimeout(r, state.options.delayMs ?? 2000));
    if (res.destroyed) return;
    try {
      await handle(request, res, state);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setMode(mode, options = {}) {
      state.mode = mode;
      state.options = options;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readRequest(req: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://fake');
  const type = req.headers['content-type'] ?? '';
  let body: unknown;
  if (raw && type.includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
  } else if (raw && type.includes('application/x-www-form-urlencoded')) {
    const form: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(raw)) {
      const prev = form[k];
      form[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    body = form;
  } else if (raw) body = raw;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The failure switches every fake honours the same way; true when it answered. */
export function answeredByMode(res: ServerResponse, state: FakeState, errorField: string): boolean {
  switch (state.mode) {
    case 'rate_limited':
      sendJson(
        res,
        429,
        { [errorField]: 'Too many requests, slow down' },
        state.options.retryAfter ? { 'Retry-After': String(state.options.retryAfter) } : {},
      );
      return true;
    case 'error':
      sendJson(res, 500, { [errorField]: 'Internal server error' });
      return true;
    case 'bad_json':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"translatedText": "unterminated');
      return true;
    default:
      return false;
  }
}
