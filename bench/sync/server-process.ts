// Starts bench/sync/server-main.ts as a child Node process and reads its memory from /proc while it runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromRoot } from '../repo-paths.ts';

/** A request the server answered, with wall-clock times (Date.now()), when started with `logRequests`. */
export interface LoggedRequest {
  path: string;
  query: string;
  status: number;
  start: number;
  end: number;
}

export interface ServerProcess {
  origin: string;
  requests: LoggedRequest[];
  pid: number;
  /** Resident set size now, in MB (Linux /proc); NaN elsewhere. */
  rssMb: () => number;
  stop: () => Promise<void>;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

export async function startServerProcess(dataDir: string, logRequests = false): Promise<ServerProcess> {
  // `node --import tsx` rather than the tsx CLI: one process, so its pid is the server's.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fromRoot('bench/sync/server-main.ts')],
    {
      cwd: fromRoot('.'),
      env: { ...process.env, BENCH_DATA_DIR: dataDir, BENCH_REQUEST_LOG: logRequests ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const requests: LoggedRequest[] = [];
  const port = await new Promise<number>((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`the bench server exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { port?: number; request?: LoggedRequest };
      if (message.port) ready(message.port);
      if (message.request) requests.push(message.request);
    });
  });
  const pid = child.pid!;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    pid,
    rssMb: () => rssOf(pid),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
