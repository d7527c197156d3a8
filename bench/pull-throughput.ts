// The server under concurrent pulls: autocannon against the real server on 127.0.0.1 (its own Node process,
// rate limit off), GET /api/sync/pull for a client that is up to date and for one with a page of changes to
// fetch, beside GET /hello served by the same process (a parent Hono app around the real app), with the same
// connections and duration, one after the other. The server's memory is sampled during each run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabaseFromEnv } from '../server/node-database.ts';
import { intFlag } from './flags.ts';
import type { Bench, BenchReport, Cell } from './report.ts';
import { median } from './statistics.ts';
import { pushNoteEdits, spreadPractices } from './sync/edits.ts';
import { seedPractices } from './sync/seed-library.ts';
import { type ServerProcess, startServerProcess } from './sync/server-process.ts';
import { cityWithMember } from './sync/tenancy.ts';

const name = 'pull-throughput';
const description = 'autocannon: GET pull (up to date, a page of changes) vs GET /hello on the same server';
const goalRatio = 0.25;
const pageChanges = 10;

interface Load {
  label: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  rssMedianMb: number;
  rssMaxMb: number;
  bytesPerRequest: number;
}

async function load(
  server: ServerProcess,
  label: string,
  path: string,
  options: { connections: number; duration: number; token: string },
): Promise<Load> {
  const config = {
    url: `${server.origin}${path}`,
    connections: options.connections,
    headers: { authorization: `Bearer ${options.token}` },
  };
  await autocannon({ ...config, duration: 1 }); // warm-up, discarded
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(server.rssMb()), 250);
  let result: Awaited<ReturnType<typeof autocannon>>;
  try {
    result = await autocannon({ ...config, duration: options.duration });
  } finally {
    clearInterval(sampler);
  }
  return {
    label,
    path,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssMedianMb: median(rss),
    rssMaxMb: Math.max(...rss),
    bytesPerRequest: result['2xx'] > 0 ? result.throughput.total / result['2xx'] : Number.NaN,
  };
}

async function run(args: string[]): Promise<BenchReport> {
  const connections = intFlag(args, 'connections', 10, 1);
  const duration = intFlag(args, 'duration', 5, 1);
  const practices = intFlag(args, 'library', 10_000, 100);
  const dir = mkdtempSync(join(tmpdir(), 'icc-bench-throughput-'));
  const { db } = await openDatabaseFromEnv({ DATA_DIR: dir });
  const member = await cityWithMember(db, 'Lisbon');
  const seeded = await seedPractices({ db, cityId: member.cityId, memberId: member.memberId }, practices);
  const server = await startServerProcess(dir);
  try {
    // A page of changes: the last push holds `pageChanges` edits, so since=version−1 returns exactly them.
    const version = await pushNoteEdits(
      server.origin,
      member.token,
      await spreadPractices(db, member.cityId, pageChanges),
      pageChanges,
    );
    if (version !== seeded + 1)
      throw new Error(`expected one push on top of version ${seeded}, got ${version}`);
    const rssIdle = server.rssMb();
    const options = { connections, duration, token: member.token };
    const loads: Load[] = [];
    loads.push(await load(server, 'hello world (same process)', '/hello', options));
    loads.push(await load(server, 'pull, up to date', `/api/sync/pull?since=${version}`, options));
    loads.push(
      await load(
        server,
        `pull, a page of ${pageChanges} changes`,
        `/api/sync/pull?since=${version - 1}`,
        options,
      ),
    );
    // The same number of bytes as the page's answer, from the same process without the app or the database:
    // how much of the page's cost is only moving its bytes.
    const pageBytes = (
      await (
        await fetch(`${server.origin}/api/sync/pull?since=${version - 1}`, {
          headers: { authorization: `Bearer ${member.token}` },
        })
      ).arrayBuffer()
    ).byteLength;
    loads.push(
      await load(
        server,
        'constant answer of the same size (same process, no app, no database)',
        `/constant?bytes=${pageBytes}`,
        options,
      ),
    );
    const [hello, upToDate, page, constant] = loads as [Load, Load, Load, Load];
    const ratioUpToDate = upToDate.requestsPerSecond / hello.requestsPerSecond;
    const ratioPage = page.requestsPerSecond / hello.requestsPerSecond;
    const bad = loads.filter((l) => l.non2xx > 0 || l.errors > 0);
    return {
      name,
      description,
      tables: [
        {
          title: `${connections} connections, ${duration} s each after a 1 s warm-up; library of ${practices.toLocaleString('en-US')} practices`,
          columns: [
            'route',
            'req/s',
            'vs hello',
            'p50 ms',
            'p99 ms',
            'KB/answer',
            'RSS MB median',
            'RSS MB max',
            'non-2xx',
            'errors',
          ],
          rows: loads.map((l): Cell[] => [
            l.label,
            l.requestsPerSecond,
            l.requestsPerSecond / hello.requestsPerSecond,
            l.p50,
            l.p99,
            l.bytesPerRequest / 1024,
            l.rssMedianMb,
            l.rssMaxMb,
            l.non2xx,
            l.errors,
          ]),
        },
      ],
      figures: [
        {
          label: 'pull, up to date',
          value: upToDate.requestsPerSecond,
          unit: 'req/s',
          baseline: { label: 'GET /hello, same process', value: hello.requestsPerSecond },
        },
        {
          label: 'pull up to date / hello',
          value: ratioUpToDate,
          unit: '×',
          goal: { text: `≥ ${goalRatio}×`, met: ratioUpToDate >= goalRatio },
        },
        {
          label: `pull, a page of ${pageChanges} changes`,
          value: page.requestsPerSecond,
          unit: 'req/s',
          baseline: { label: 'GET /hello, same process', value: hello.requestsPerSecond },
        },
        {
          label: `pull of ${pageChanges} changes / hello (our own line, stricter than the issue's)`,
          value: ratioPage,
          unit: '×',
          goal: { text: `≥ ${goalRatio}×`, met: ratioPage >= goalRatio },
        },
        {
          label: `pull of ${pageChanges} changes / a constant answer of its size (context)`,
          value: page.requestsPerSecond / constant.requestsPerSecond,
          unit: '×',
        },
        {
          label: 'server RSS under pull load, max',
          value: Math.max(upToDate.rssMaxMb, page.rssMaxMb),
          unit: 'MB',
        },
      ],
      notes: [
        `Server: real app (createApp, rate limit off) mounted in a parent Hono app with GET /hello, in its own Node process (one of the 2 cores; autocannon runs in the bench process on the other). RSS ${rssIdle.toFixed(0)} MB before the load, sampled every 250 ms from /proc during each run.`,
        `Which pull the goal is on: nearly every pull a client makes finds it up to date (each browser pulls at start-up, every minute and after each local change; a push is pulled as a page once by each other member), so the issue's goal is read on the up-to-date pull. A pull with a page of ${pageChanges} changes is held to the same line too, by us: its SQL (two statements through @libsql/client, rows read with their page texts) is most of its cost, and it does not meet that line.`,
        `Every pull carries the member's token, so each request also authenticates it (SHA-256 of the token, then the caller from this process's cache, which a revocation clears: server/auth/caller-cache.ts). Up to date = since is the library version: answered without an object query. Page = since=version−1: the ${pageChanges} practices of the last push, in two statements (the library version, then the (city_id, version) range).`,
        `The constant answer is a JSON string of the page answer's size (${(pageBytes / 1024).toFixed(1)} KB) from a route of the parent app: it shows what moving that many bytes through Node's HTTP server and the loopback socket costs by itself, next to /hello's ${(hello.bytesPerRequest / 1024).toFixed(2)} KB.`,
        ...(bad.length > 0
          ? [
              `Not all answers were 2xx: ${bad.map((l) => `${l.label}: ${l.non2xx} non-2xx, ${l.errors} errors`).join('; ')}.`,
            ]
          : []),
        'Context (STACK.md, not the baseline): Hono hello-world on Node measured ~76k req/s on this kind of machine, a POST writing one row ~5.3k req/s (p99 23 ms).',
      ],
      data: { connections, duration, practices, loads, rssIdle },
    };
  } finally {
    await server.stop();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pullThroughput: Bench = { name, description, run };
