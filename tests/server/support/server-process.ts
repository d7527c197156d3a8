// The real server (server/main.ts, @hono/node-server on a port) as a child process, for the tests that must
// see the process itself: the fuzz suite (a request that takes the process down must fail the test with
// what it sent, not end the test runner) and the crash-safety test (kill -9 mid-push, restart). The
// database is an embedded file in `dataDir` or a libSQL server at `libsqlUrl`; the rate limit and the
// failed sign-in budget are off (failures are only logged), since every request comes from 127.0.0.1.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  origin: string;
  pid: number;
  /** Whether the process is still running. */
  alive: () => boolean;
  /** What the process wrote on stderr (its unhandled-error log, a native panic), the last 20 KB. */
  stderr: () => string;
  /** How many characters it has written on stderr so far (a mark for stderrSince). */
  stderrLength: () => number;
  /** What it wrote on stderr after a mark (within the last 20 KB). */
  stderrSince: (mark: number) => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<string>;
  /** SIGTERM (the graceful stop), then wait for the exit. */
  stop: () => Promise<void>;
  /** SIGKILL, then wait for the exit. */
  kill9: () => Promise<void>;
}

export interface ServerDatabase {
  dataDir?: string;
  libsqlUrl?: string;
}

const root = resolve(import.meta.dirname, '../../..');

export async function startServerProcess(
  database: ServerDatabase,
  { timeoutMs = 30_000, extraEnv = {} }: { timeoutMs?: number; extraEnv?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LIBSQL_URL', 'LIBSQL_AUTH_TOKEN', 'PUBLIC_URL', 'LIBRETRANSLATE_URL', 'DEEPL_API_KEY'])
    delete env[name];
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_SECOND: '0',
    AUTH_FAILURE_PER_SECOND: '0',
    ...extraEnv,
  });
  if (database.libsqlUrl) env.LIBSQL_URL = database.libsqlUrl;
  else env.DATA_DIR = database.dataDir;
  // `node --import tsx` rather than the tsx CLI: one process, so its pid is the server's (kill -9 hits it).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'server/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let written = 0;
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    written += text.length;
    stderr = (stderr + text).slice(-20_000);
  });
  let running = true;
  const exited = new Promise<string>((done) =>
    child.once('exit', (code, signal) => {
      running = false;
      done(signal ?? String(code));
    }),
  );
  const port = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the server did not listen within ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    exited.then((how) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${how}) before listening\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^ICC Clipper server on http:\/\/[^:]+:(\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        ready(Number(m[1]));
      }
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (running) child.kill(signal);
    await exited;
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    alive: () => running,
    stderr: () => stderr,
    stderrLength: () => written,
    stderrSince: (mark) => {
      const n = Math.min(written - mark, stderr.length);
      return n > 0 ? stderr.slice(stderr.length - n) : '';
    },
    exited,
    stop: () => end('SIGTERM'),
    kill9: () => end('SIGKILL'),
  };
}
