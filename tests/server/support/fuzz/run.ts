// Runs the fuzz: for every operation of the app's OpenAPI document, FUZZ_RUNS requests (requests.ts) sent
// one after another to the real server process through its port, then a liveness check (health, a search,
// a pull and a dashboard page must answer 200, so that a bad value one request stored and that breaks
// later reads is caught). A request that ends the process is a failure; the server is restarted on the
// same data, and when it cannot start or dies again it is given fresh data, so one run reports every
// class it meets. Counts every answer by status for the report.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import type { ServerProcess } from '../server-process.ts';
import {
  type Caller,
  type FuzzRequest,
  type Operation,
  operationsToFuzz,
  requestArbitrary,
} from './requests.ts';
import type { FuzzFixture } from './seed.ts';

/** Where the fuzz sends requests: a server on some data, restarted or renewed when it dies. */
export interface FuzzTarget {
  server: ServerProcess;
  fixture: FuzzFixture;
  /** The same data, a new process (after a crash). */
  restart(): Promise<void>;
  /** New data and a new process (when the data itself keeps the server down). */
  renew(): Promise<void>;
}

export interface Failure {
  route: string;
  label: string;
  status: number | 'crash' | 'no restart' | 'not alive';
  detail: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  byStatus: Record<string, number>;
  /** The 5xx answers the document promises (documented5xx), by route and code. */
  documented: Record<string, number>;
  /** Requests whose kept-alive connection the server had closed, answered when sent again, by route. */
  resets: Record<string, number>;
  failures: Failure[];
  ms: number;
}

interface Answer {
  status: number;
  type: string;
  text: string;
  location: string | null;
}

interface Reply {
  status: number;
  header: (name: string) => string | null;
  setCookies: string[];
  text: string;
}

/**
 * One request on a new connection (no agent, `Connection: close`): a kept-alive socket the server closed
 * while this process was busy generating the next batch (its idle timer late) would fail the next request
 * for a reason that is not the server's.
 */
function call(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
    headOnly = false,
  }: {
    method?: string;
    headers?: Record<string, string>;
    body?: Uint8Array | string;
    headOnly?: boolean;
  } = {},
): Promise<Reply> {
  if (body !== undefined && (headOnly || Buffer.byteLength(body) > 64 * 1024))
    return callRaw(url, method, headers, body, headOnly);
  return new Promise((done, fail) => {
    // The length always said: Node's client sends a DELETE's body with neither a length nor chunks.
    const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
    const options = { method, headers: { ...headers, ...length }, agent: false, timeout: 60_000 };
    let answered: { res: IncomingMessage; chunks: Buffer[] } | undefined;
    const reply = (): Reply => {
      const h = answered!.res.headers;
      return {
        status: answered!.res.statusCode ?? 0,
        header: (name) => {
          const v = h[name.toLowerCase()];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
        },
        setCookies: h['set-cookie'] ?? [],
        text: Buffer.concat(answered!.chunks).toString('utf8'),
      };
    };
    const broke = (error: Error) => (answered ? done(reply()) : fail(error));
    const req = httpRequest(url, options, (res) => {
      answered = { res, chunks: [] };
      res.on('data', (c: Buffer) => answered!.chunks.push(c));
      res.on('error', broke);
      res.on('end', () => done(reply()));
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', broke);
    req.end(body);
  });
}

/**
 * A request with a large body, on a plain socket that reads while it writes. A body over a limit gets its
 * 413 at once, and @hono/node-server closes the socket after 500 ms of draining what still comes; Node's
 * HTTP client then reports EPIPE and drops the 413 it had received, so it cannot tell that answer.
 */
function callRaw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: Uint8Array | string,
  headOnly = false,
) {
  const { hostname, port, pathname, search, host } = new URL(url);
  return new Promise<Reply>((done, fail) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (!status || end < 0)
        return fail(new Error(`the connection closed without an answer (${text.length} bytes)`));
      const lines = text.slice(0, end).split('\r\n').slice(1);
      const header = (name: string) =>
        lines.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.replace(/^[^:]*:\s*/, '') ??
        null;
      done({ status: Number(status[1]), header, setCookies: [], text: text.slice(end + 4) });
    });
    const head = Object.entries({
      ...headers,
      Host: host,
      Connection: 'close',
      'Content-Length': String(Buffer.byteLength(body)),
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`${method} ${pathname}${search} HTTP/1.1\r\n${head}\r\n`);
    // `headOnly`: the length is stated but no body follows; whatever the server answers in 3 s is kept.
    if (headOnly) setTimeout(() => socket.destroy(), 3_000);
    // Not ended: a client that half-closes gets no answer from Node's server (it closes on the end).
    else socket.write(body);
  });
}

const cookieCache = new WeakMap<FuzzTarget, Partial<Record<string, string>>>();

async function sessionCookie(target: FuzzTarget, role: 'coordinator' | 'contributor' | 'viewer' | 'watcher') {
  const cache = cookieCache.get(target) ?? {};
  cookieCache.set(target, cache);
  const key = `${target.server.pid}:${role}`;
  if (cache[key]) return cache[key];
  const res = await call(`${target.server.origin}/web/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: target.server.origin },
    body: new URLSearchParams({ token: tokenOf(target, role), next: '/web' }).toString(),
  });
  const pair = res.setCookies.map((l) => l.split(';')[0]!).find((p) => p.startsWith('icc_session='));
  if (!pair) throw new Error(`signing in as ${role} answered ${res.status} without a session`);
  cache[key] = pair;
  return pair;
}

const tokenOf = (target: FuzzTarget, role: 'coordinator' | 'contributor' | 'viewer' | 'watcher') =>
  role === 'watcher' ? target.fixture.watcher : target.fixture.tokens[role];

const forget = (target: FuzzTarget) => cookieCache.delete(target);

async function send(target: FuzzTarget, request: FuzzRequest, headOnly = false): Promise<Answer> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers))
    headers[k] = v.replace('{origin}', target.server.origin);
  const web = request.route.includes(' /web') || request.route.includes(' /connect');
  const who: Caller = request.caller;
  if (typeof who === 'object') {
    if (web) headers.Cookie = who.bad;
    else headers.Authorization = who.bad;
  } else if (who !== 'none') {
    if (web) headers.Cookie = await sessionCookie(target, who);
    else headers.Authorization = `Bearer ${target.fixture.tokens[who]}`;
  }
  const res = await call(target.server.origin + request.target, {
    method: request.method,
    headers,
    body: request.body,
    headOnly,
  });
  const text = res.text;
  // A sign-out ends the fuzz's own session: sign in again before the next dashboard request.
  if (request.route === 'POST /web/sign-out') forget(target);
  return {
    status: res.status,
    type: res.header('Content-Type') ?? '',
    text,
    location: res.header('Location'),
  };
}

/** What is wrong with an answer, or null: a 5xx, or an API 4xx whose error body names no code or field. */
export function problemWith(request: FuzzRequest, answer: Answer): string | null {
  if (answer.status >= 500)
    return documented5xx(request, answer) ? null : `${answer.status} ${answer.text.slice(0, 200)}`;
  // Node's HTTP parser refuses a request line or headers over 16 KB itself, before the app: 431, no body.
  if (answer.status === 431 && answer.text === '') return null;
  const api = request.target.startsWith('/api/');
  if (api && answer.status >= 400) {
    if (!answer.type.includes('application/json')) return `${answer.status} is not JSON (${answer.type})`;
    let body: { error?: { code?: unknown; message?: unknown; details?: { path?: unknown }[] } };
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `${answer.status} body is not JSON: ${answer.text.slice(0, 100)}`;
    }
    const error = body.error;
    if (typeof error?.code !== 'string' || !error.code)
      return `${answer.status} error names no code: ${answer.text.slice(0, 200)}`;
    if (typeof error.message !== 'string') return `${answer.status} error has no message`;
    if (error.code === 'validation_failed') {
      const details = error.details;
      if (!Array.isArray(details) || details.length === 0 || details.some((d) => typeof d.path !== 'string'))
        return `400 validation_failed names no field: ${answer.text.slice(0, 200)}`;
    }
  }
  return null;
}

/**
 * A 5xx the route's document promises, with its code: POST /api/translate answers 503 `no_engine` when no
 * translation engine is configured (the fuzz's server has none). Never `internal`, never `busy` (requests
 * are sent one at a time: a busy database then means a transaction left open).
 */
export function documented5xx(request: FuzzRequest, answer: Answer): string | null {
  let code: unknown;
  try {
    code = JSON.parse(answer.text)?.error?.code;
  } catch {
    return null;
  }
  if (typeof code !== 'string' || code === 'internal' || code === 'busy') return null;
  const promised = request.documentedErrors[String(answer.status)] ?? '';
  return promised.split(/[\s|]+/).includes(code) ? `${answer.status} ${code}` : null;
}

/** What a member does right after: each must answer 200, whatever the fuzz stored before. */
async function alive(target: FuzzTarget): Promise<string | null> {
  const { origin } = target.server;
  const auth = { Authorization: `Bearer ${target.fixture.watcher}` };
  const checks: [string, Record<string, string>][] = [
    ['/api/health', {}],
    ['/api/library/search?q=welcome', auth],
    ['/api/library/search', auth],
    ['/api/sync/pull?since=0', auth],
  ];
  for (const [path, headers] of checks) {
    const res = await call(origin + path, { headers });
    const text = res.text;
    if (res.status !== 200) return `GET ${path} answered ${res.status}: ${text.slice(0, 200)}`;
  }
  for (const path of ['/web', `/web/practices/${target.fixture.practiceId}`]) {
    const cookie = await sessionCookie(target, 'watcher');
    const res = await call(origin + path, { headers: { Cookie: cookie } });
    const text = res.text;
    // The seeded practice may have been deleted by a valid push of the fuzz: its page is then a 404.
    if (res.status !== 200 && !(res.status === 404 && path !== '/web'))
      return `GET ${path} answered ${res.status}: ${text.slice(0, 200)}`;
  }
  return null;
}

async function callersUsable(target: FuzzTarget): Promise<boolean> {
  for (const token of Object.values(target.fixture.tokens)) {
    const res = await call(`${target.server.origin}/api/me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) return false;
  }
  return true;
}

/** The server's body limit (MAX_BODY_BYTES unset: 10 MB). */
const maxBodyBytes = 10 * 1024 * 1024;

const lastLines = (text: string) => text.trim().split('\n').slice(-6).join('\n');

export async function runFuzz(
  target: FuzzTarget,
  { runs, seed, log = () => {} }: { runs: number; seed: number; log?: (line: string) => void },
): Promise<FuzzReport> {
  const started = Date.now();
  const byStatus: Record<string, number> = {};
  const failures: Failure[] = [];
  const documented: Record<string, number> = {};
  const resets: Record<string, number> = {};
  let requests = 0;
  let previous: FuzzRequest | undefined;
  const count = (status: string) => {
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };
  const operations = operationsToFuzz(target.fixture);

  /** After the process died: back on the same data, or on fresh data when that cannot stay up. */
  const recover = async (route: string, label: string) => {
    forget(target);
    try {
      await target.restart();
      const still = await alive(target);
      if (!still) return;
      failures.push({
        route,
        label,
        status: 'no restart',
        detail: `after a restart on the same data: ${still}`,
      });
    } catch (error) {
      failures.push({
        route,
        label,
        status: 'no restart',
        detail: `restarting on the same data: ${lastLines(String(error))}`,
      });
    }
    forget(target);
    await target.renew();
  };

  for (const [index, operation] of operations.entries()) {
    const routeStarted = Date.now();
    const ctx = { root: target.fixture.openapi, knownIds: target.fixture.knownIds };
    // Routes that store a body get three times the runs: that is where a bad value gets in.
    const stores = Boolean(operation.op.requestBody);
    const batch = fc.sample(requestArbitrary(operation as Operation, ctx), {
      numRuns: stores ? runs * 3 : runs,
      seed: seed + index,
    });
    const stored: string[] = [];
    const routeStatuses: Record<string, number> = {};
    for (const request of batch) {
      requests++;
      let answer: Answer;
      const mark = target.server.stderrLength();
      try {
        answer = await send(target, request);
      } catch {
        if (target.server.alive() && (request.body?.length ?? 0) > maxBodyBytes) {
          // Over the server's body limit: the app answers 413 on the stated length at once, and
          // @hono/node-server closes the socket after 500 ms of draining; a client still sending may get a
          // reset that drops the 413 (tests/server/node-adapter.test.ts). The liveness check follows.
          count('reset (body over the limit)');
          previous = request;
          continue;
        }
        if (target.server.alive()) {
          // The server is up but the connection broke under this request (e.g. it answered a body over a
          // limit early and closed while the body was still being sent): send it once more, and count it.
          try {
            answer = await send(target, request);
            const key = `${request.route} after ${previous?.label ?? 'nothing'}`;
            resets[key] = (resets[key] ?? 0) + 1;
          } catch (again) {
            // A large body the server refuses before reading it (a role, a route's own limit): its answer
            // comes at once, then @hono/node-server drains for 500 ms and closes, and the reset can drop the
            // answer at a client still sending. Asked again with the length stated and no body, the server
            // must answer below 500 at once; then the lost answer was that one.
            const early =
              (request.body?.length ?? 0) > 64 * 1024
                ? await send(target, request, true).catch(() => null)
                : null;
            if (early && early.status < 500) {
              count(`reset after an early ${early.status}`);
              previous = request;
              continue;
            }
            count('fetch error');
            failures.push({
              route: request.route,
              label: request.label,
              status: 'crash',
              detail: `the request failed twice with the server up: ${String(again)} (${String((again as Error).cause)}); the request before: ${previous?.route} ${previous?.label}`,
            });
            previous = request;
            continue;
          }
        } else {
          count('crash');
          failures.push({
            route: request.route,
            label: request.label,
            status: 'crash',
            detail: `the server process ended (${await target.server.exited}) on ${request.method} ${request.target.slice(0, 200)}: ${lastLines(target.server.stderrSince(mark))}`,
          });
          await recover(request.route, request.label);
          continue;
        }
      }
      previous = request;
      count(String(answer.status));
      routeStatuses[answer.status] = (routeStatuses[answer.status] ?? 0) + 1;
      const promised = answer.status >= 500 ? documented5xx(request, answer) : null;
      if (promised)
        documented[`${request.route} → ${promised}`] =
          (documented[`${request.route} → ${promised}`] ?? 0) + 1;
      if (answer.status < 300 && request.label !== 'valid') stored.push(request.label);
      const problem = problemWith(request, answer);
      if (problem) {
        // The server logs an unhandled error's cause on stderr: give its last lines with the failure.
        if (answer.status >= 500) await new Promise((r) => setTimeout(r, 20));
        const log = answer.status >= 500 ? `\n${lastLines(target.server.stderrSince(mark))}` : '';
        failures.push({
          route: request.route,
          label: request.label,
          status: answer.status,
          detail: problem + log,
        });
      }
    }
    // The route's batch is over: everything it stored must leave the server answering.
    let problem: string | null;
    try {
      problem = await alive(target);
    } catch (error) {
      problem = target.server.alive()
        ? `the liveness check failed: ${String(error)}`
        : `the server process ended (${await target.server.exited}): ${lastLines(target.server.stderr())}`;
    }
    if (problem) {
      if (target.server.alive()) problem += `\n${lastLines(target.server.stderr())}`;
      const accepted = [...new Set(stored)].slice(0, 8).join(' | ') || 'valid requests only';
      failures.push({
        route: `${operation.method} ${operation.path}`,
        label: `after the batch (accepted: ${accepted})`,
        status: 'not alive',
        detail: problem,
      });
      if (!target.server.alive()) await recover(`${operation.method} ${operation.path}`, 'after the batch');
      else {
        forget(target);
        await target.renew();
      }
    }
    // A batch may have signed one of the fuzz's own callers out everywhere, or disabled it (valid requests
    // do that): start the next batch on fresh data rather than as a caller that only gets 401s.
    if (target.server.alive() && !(await callersUsable(target))) {
      forget(target);
      await target.renew();
      count('renewed');
    }
    log(
      `${operation.method} ${operation.path}: ${batch.length} requests, ${Date.now() - routeStarted} ms, ${JSON.stringify(routeStatuses)}${stored.length ? `; accepted: ${[...new Set(stored)].slice(0, 6).join(' | ')}` : ''}`,
    );
  }
  return { seed, requests, byStatus, documented, resets, failures, ms: Date.now() - started };
}

/** The report's lines: counts by status, then each failure class once (route, status, input class). */
export function describeReport(name: string, report: FuzzReport): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  const lines = [
    `fuzz on ${name}, seed ${report.seed}: ${report.requests} requests in ${(report.ms / 1000).toFixed(1)} s; by status: ${statuses}; ${report.failures.length} failures`,
  ];
  const promised = Object.entries(report.documented).map(([k, n]) => `${n}× ${k}`);
  if (promised.length) lines.push(`  documented 5xx answers (not failures): ${promised.join(', ')}`);
  const resets = Object.entries(report.resets).map(([k, n]) => `${n}× ${k}`);
  if (resets.length)
    lines.push(`  connection closed under a request, answered when sent again: ${resets.join(', ')}`);
  const classes = new Map<string, { n: number; first: Failure }>();
  for (const f of report.failures) {
    const kind = f.label.replace(/ at [\w.]+/g, '').replace(/ in (path|query) \w+/g, '');
    const key = `${f.route} → ${f.status} (${kind})`;
    const entry = classes.get(key);
    if (entry) entry.n++;
    else classes.set(key, { n: 1, first: f });
  }
  for (const [key, { n, first }] of classes)
    lines.push(
      `  ${n}× ${key}\n      e.g. ${first.label}: ${first.detail.replace(/\n/g, '\n      ').slice(0, 600)}`,
    );
  return lines.join('\n');
}
