// Pushing a whole library through the API: 10,000 realistic practices in pushes of 50 (the protocol's
// limit), one member's token, through the real Hono app on a real database file — beside raw @libsql/client
// inserting the very rows the API stored, into the same table in a fresh file, in the same run. The gap is
// what the API costs per row: validation, the merge, idempotency records, the library version, JSON.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InValue } from '@libsql/client';
import { createApp } from '../server/app.ts';
import { openDatabaseFromEnv } from '../server/node-database.ts';
import { intFlag } from './flags.ts';
import type { Bench, BenchReport } from './report.ts';
import { median, percentile } from './statistics.ts';
import { creationMutation } from './sync/practices.ts';
import { openRawDatabase, type RawInsertResult, rawInsert } from './sync/raw-insert.ts';
import { type SqlTimes, timeSql } from './sync/sql-time.ts';
import { cityWithMember } from './sync/tenancy.ts';

const name = 'bulk-push';
const description = '10,000 practices pushed through the API in batches of 50, vs raw libSQL inserts';
const goalRatio = 0.5;
const batchSize = 50;

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** The median round of a raw insert (by time). */
function summarise(results: RawInsertResult[]): RawInsertResult {
  const ms = median(results.map((r) => r.ms));
  const rows = results[0]!.rows;
  return { rows, ms, rowsPerSecond: (rows / ms) * 1000 };
}

interface Round {
  apiMs: number;
  /** CPU time of this process (user + system) over the same spans: less swayed by a busy neighbour. */
  apiCpuMs: number;
  bulkCpuMs: number;
  pushMs: number[];
  /** The API's time inside libSQL, by kind of statement (the rest is the server's own work). */
  sql: SqlTimes;
  bulk: RawInsertResult;
  perPush: RawInsertResult;
}

/**
 * One round: the API run into a fresh database, then the raw inserts of the rows it stored, each into a fresh
 * file. Rounds alternate API and raw, so that a neighbour's load on this shared machine falls on both.
 */
async function round(dir: string, count: number): Promise<Round & { rows: InValue[][]; bodyBytes: number }> {
  mkdirSync(dir, { recursive: true });
  const { db } = await openDatabaseFromEnv({ DATA_DIR: join(dir, 'api') });
  const member = await cityWithMember(db, 'Lisbon');
  const app = createApp({ db, rateLimit: false, log: () => {} });
  const sql = timeSql(db.$client);

  // The bodies a client would send, built before the clock starts: the server's work is what is timed. They
  // are bytes, as the server reads them off a socket (a string body would be encoded by app.request inside
  // the timed span). A real client's POST carries Content-Length (fetch sets it); without it the body limit
  // would read every body twice, which no request through the socket makes it do.
  const clientId = 'bench-client';
  const start = Date.now() - count;
  const requests: { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }[] = [];
  for (let at = 0; at < count; at += batchSize) {
    const mutations = Array.from({ length: Math.min(batchSize, count - at) }, (_, i) =>
      creationMutation(at + i, start + at + i),
    );
    const text = JSON.stringify({ clientId, mutations });
    const body = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
    requests.push({
      body,
      headers: {
        authorization: `Bearer ${member.token}`,
        'content-type': 'application/json',
        'content-length': String(body.byteLength),
      },
    });
  }
  const bodyBytes = requests.reduce((total, r) => total + Number(r.headers['content-length']), 0);

  const pushMs: number[] = [];
  sql.reset();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const { body, headers } of requests) {
    const t = performance.now();
    const response = await app.request('/api/sync/push', { method: 'POST', headers, body });
    if (response.status !== 200)
      throw new Error(`push answered ${response.status}: ${await response.text()}`);
    const answer = (await response.json()) as { results: { status: string }[] };
    if (answer.results.some((r) => r.status !== 'applied')) throw new Error('a creation was not applied');
    pushMs.push(performance.now() - t);
  }
  const apiMs = performance.now() - started;
  const apiCpuMs = cpuMs(process.cpuUsage(cpuBefore));
  const sqlTimes = { ...sql.times };

  // The very rows the API stored, and its table's DDL, for the raw baseline.
  const client = db.$client;
  const stored = await client.execute('SELECT * FROM library_objects');
  const columns = stored.columns;
  const rows = stored.rows.map((r) => columns.map((c) => r[c] as InValue));
  const ddl = (
    await client.execute(
      "SELECT sql FROM sqlite_master WHERE tbl_name = 'library_objects' AND sql IS NOT NULL",
    )
  ).rows.map((r) => String(r.sql));
  client.close();

  const raw = await openRawDatabase(join(dir, 'raw.db'), ddl, member.cityId);
  const rawCpuBefore = process.cpuUsage();
  const bulk = await rawInsert(raw, 'library_objects', columns, rows, {
    perTransaction: 1000,
    perStatement: 500,
  });
  const bulkCpuMs = cpuMs(process.cpuUsage(rawCpuBefore));
  raw.close();
  const raw50 = await openRawDatabase(join(dir, 'raw-50.db'), ddl, member.cityId);
  const perPush = await rawInsert(raw50, 'library_objects', columns, rows, {
    perTransaction: batchSize,
    perStatement: batchSize,
  });
  raw50.close();
  return { apiMs, apiCpuMs, bulkCpuMs, pushMs, sql: sqlTimes, bulk, perPush, rows, bodyBytes };
}

async function run(args: string[]): Promise<BenchReport> {
  const count = intFlag(args, 'practices', 10_000, batchSize);
  // Five rounds: on this shared 2-core machine one round's ratio swings by ±0.05–0.1 with the neighbours'
  // load (0.40–0.61 in one series of seven), so the median of five is a steadier figure than of three.
  const roundCount = intFlag(args, 'rounds', 5, 1);
  const dir = mkdtempSync(join(tmpdir(), 'icc-bench-push-'));
  try {
    const rounds: Round[] = [];
    let rows: InValue[][] = [];
    let bodyBytes = 0;
    for (let i = 0; i < roundCount; i++) {
      const roundDir = join(dir, `round-${i + 1}`);
      const r = await round(roundDir, count);
      // Each round writes ~250 MB of database files: removed at once, so that the kernel writing them back
      // does not slow the next round's checkpoints (seen: the fifth round's raw insert ~30 % slower).
      rmSync(roundDir, { recursive: true, force: true });
      rows = r.rows;
      bodyBytes = r.bodyBytes;
      rounds.push({
        apiMs: r.apiMs,
        apiCpuMs: r.apiCpuMs,
        bulkCpuMs: r.bulkCpuMs,
        pushMs: r.pushMs,
        sql: r.sql,
        bulk: r.bulk,
        perPush: r.perPush,
      });
    }
    const rowBytes = rows.reduce(
      (total, r) => total + r.reduce<number>((n, v) => n + String(v ?? '').length, 0),
      0,
    );
    // Each round's ratio is API against the raw insert right after it; the figure is their median.
    const ratios = rounds.map((r) => (r.bulk.ms > 0 ? r.bulk.ms / r.apiMs : Number.NaN));
    const ratio = median(ratios);
    const cpuRatios = rounds.map((r) => r.bulkCpuMs / r.apiCpuMs);
    const cpuRatio = median(cpuRatios);
    const apiMs = median(rounds.map((r) => r.apiMs));
    const apiRowsPerSecond = (count / apiMs) * 1000;
    const bulk = summarise(rounds.map((r) => r.bulk));
    const perPush = summarise(rounds.map((r) => r.perPush));
    const pushMs = rounds.flatMap((r) => r.pushMs);
    const medianRound = [...rounds].sort((a, b) => a.apiMs - b.apiMs)[Math.floor(rounds.length / 2)]!;
    const sqlMs = (t: SqlTimes) => t.begin + t.reads + t.writes + t.commit;
    const share = (ms: number) => ms / medianRound.apiMs;
    const breakdown: [string, number][] = [
      [
        'COMMIT (writing the WAL; every ~1,000 pages SQLite also checkpoints it into the file)',
        medianRound.sql.commit,
      ],
      [
        'writes: library version (UPDATE … RETURNING), objects (INSERT … VALUES ×50), processed-mutation records',
        medianRound.sql.writes,
      ],
      [
        'reads: none for new practices (a push that finds something of its batch stored reads it first)',
        medianRound.sql.reads,
      ],
      ['BEGIN IMMEDIATE', medianRound.sql.begin],
      [
        'outside libSQL: HTTP, body read and UTF-8 decode, JSON, validation, merge, row serialisation, GC',
        medianRound.apiMs - sqlMs(medianRound.sql),
      ],
    ];
    return {
      name,
      description,
      tables: [
        {
          title: `${count.toLocaleString('en-US')} practices, ${(rowBytes / count / 1024).toFixed(1)} KB stored per row on average`,
          columns: ['path', 'rows', 'ms', 'rows/s', 'vs raw'],
          rows: [
            [
              `API: ${Math.ceil(count / batchSize)} pushes of ${batchSize} (app.request, real app + file db), median round`,
              count,
              apiMs,
              apiRowsPerSecond,
              ratio,
            ],
            [
              'raw libSQL: 1,000 rows per transaction, INSERT … VALUES ×500, median round',
              bulk.rows,
              bulk.ms,
              bulk.rowsPerSecond,
              1,
            ],
            [
              `raw libSQL: ${batchSize} rows per transaction, one INSERT each, median round`,
              perPush.rows,
              perPush.ms,
              perPush.rowsPerSecond,
              perPush.rowsPerSecond / bulk.rowsPerSecond,
            ],
          ],
        },
        {
          title: `Each round: the API, then raw inserts of the rows it stored (ratio = raw bulk ms / API ms)`,
          columns: [
            'round',
            'API ms',
            'raw bulk ms',
            'raw 50/tx ms',
            'API / raw',
            'API CPU ms',
            'raw CPU ms',
            'by CPU',
          ],
          rows: rounds.map((r, i) => [
            i + 1,
            r.apiMs,
            r.bulk.ms,
            r.perPush.ms,
            ratios[i]!,
            r.apiCpuMs,
            r.bulkCpuMs,
            cpuRatios[i]!,
          ]),
        },
        {
          title: `Where the API's time went (median round: ${(medianRound.sql.statements / Math.ceil(count / batchSize)).toFixed(1)} statements per push besides BEGIN)`,
          columns: ['part', 'ms', 'share of API ms', 'ms per push'],
          rows: breakdown.map(([part, ms]) => [part, ms, share(ms), ms / Math.ceil(count / batchSize)]),
        },
        {
          title: 'One push of 50 through the API, ms (all rounds)',
          columns: ['median', 'p95', 'max', 'request body KB (avg)'],
          rows: [
            [
              median(pushMs),
              percentile(pushMs, 95),
              Math.max(...pushMs),
              bodyBytes / Math.ceil(count / batchSize) / 1024,
            ],
          ],
        },
      ],
      figures: [
        {
          label: 'API push throughput',
          value: apiRowsPerSecond,
          unit: 'rows/s',
          baseline: { label: 'raw libSQL batched insert', value: bulk.rowsPerSecond },
        },
        {
          label: `API / raw libSQL (median of ${roundCount} rounds)`,
          value: ratio,
          unit: '×',
          goal: { text: `≥ ${goalRatio}×`, met: ratio >= goalRatio },
        },
        {
          label: `API / raw libSQL by CPU time (median of ${roundCount} rounds; context, not the goal)`,
          value: cpuRatio,
          unit: '×',
        },
        {
          label: "API push throughput vs raw at the protocol's batch size",
          value: apiRowsPerSecond,
          unit: 'rows/s',
          baseline: { label: `raw libSQL, ${batchSize} rows per transaction`, value: perPush.rowsPerSecond },
        },
      ],
      notes: [
        `API = POST /api/sync/push through createApp (auth, body limit, zod validation, merge, idempotency records, library version) on a fresh file database (WAL, synchronous=NORMAL); in-process app.request(), so no socket; request bodies serialised and encoded to UTF-8 bytes (what the server reads off a socket), with their Content-Length as fetch sends it, before timing (until this session they were handed over as strings, which app.request encoded inside the timed span: 3–5 % of the API's time). ${roundCount} rounds (--rounds N), each API then raw on fresh files, so that a busy neighbour weighs on both sides of each ratio.`,
        'Raw = the rows the API stored (SELECT * after the push), inserted with @libsql/client into the same table (DDL copied from the server database) in a fresh file, WAL, synchronous=NORMAL. The raw path writes no processed-mutation records and no library version.',
        "Breakdown: the API database client's transactions are wrapped (bench/sync/sql-time.ts) to time BEGIN, reads, writes and COMMIT apart in the same run; what is left of the API time is the server's own work. The raw path pays the same kind of COMMIT and checkpoints, 10 times instead of 200.",
        'Practices: title, excerpt, metadata, ~3 KB of Markdown, 1–3 Index areas, 1–2 tags, a note (bench/sync/practices.ts).',
        'Context (STACK.md, not the baseline): raw multi-row insert of 1 KB rows measured 128–162k rows/s on this kind of machine.',
      ],
      data: { count, apiMs, apiRowsPerSecond, ratios, cpuRatios, rounds, bodyBytes, rowBytes },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bulkPush: Bench = { name, description, run };
