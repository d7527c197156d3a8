// One HTTP exchange with a translation engine, treating the engine as untrusted: a timeout (AbortSignal) on
// the whole exchange, the answer read up to a byte cap, JSON parsed defensively. Network failures and
// timeouts become EngineErrors; statuses are left to the adapter, which knows its engine's contract.
import { EngineError } from './engine.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What every engine adapter takes besides its address and key (tests inject fetch and the clock). */
export interface EngineHttpOptions {
  fetch?: Fetch;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
  /** The longest translated text accepted. Default 50,000 characters. */
  maxAnswerChars?: number;
  clock?: () => number;
}

export interface ExchangeOptions {
  fetch: Fetch;
  timeoutMs: number;
  maxAnswerBytes: number;
  /** The engine's name, for messages. */
  label: string;
}

export interface EngineAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when it was not JSON. */
  json: unknown;
}

export async function exchange(
  options: ExchangeOptions,
  url: string,
  init: RequestInit,
): Promise<EngineAnswer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const res = await options.fetch(url, { ...init, signal });
    const text = await readCapped(res, options.maxAnswerBytes, options.label);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json };
  } catch (error) {
    if (error instanceof EngineError) throw error;
    if (signal.aborted) {
      throw new EngineError(
        'engine_timeout',
        `${options.label} did not answer within ${Math.round(options.timeoutMs / 100) / 10} s`,
      );
    }
    throw new EngineError('engine_failed', `${options.label} could not be reached (${describe(error)})`);
  }
}

async function readCapped(res: Response, maxBytes: number, label: string): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new EngineError('engine_failed', `${label} sent an answer over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof cause === 'string') return cause;
  return error instanceof Error ? error.message.slice(0, 100) : 'network error';
}

/** Seconds from a Retry-After header (seconds or HTTP date), clamped to 1 s – 1 h; `fallback` if absent. */
export function retryAfterSeconds(headers: Headers, now: number, fallback = 10): number {
  const value = headers.get('Retry-After');
  if (!value) return fallback;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - now) / 1000;
  if (!Number.isFinite(seconds)) return fallback;
  return Math.min(3600, Math.max(1, Math.ceil(seconds)));
}

/** An engine's own error text, shortened and stripped of control characters before we repeat it. */
export function engineMessage(json: unknown, field: string): string {
  const raw = (json as Record<string, unknown> | null | undefined)?.[field];
  if (typeof raw !== 'string') return '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return raw.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
}

/** The translated text an engine sent, accepted only if it is a non-empty string within the cap. */
export function untrustedText(value: unknown, maxChars: number, label: string): string {
  if (typeof value !== 'string') throw new EngineError('engine_failed', `${label} sent no translated text`);
  if (value.length === 0) throw new EngineError('engine_failed', `${label} sent an empty translation`);
  if (value.length > maxChars) {
    throw new EngineError('engine_failed', `${label} sent a translation over ${maxChars} characters`);
  }
  return value;
}
