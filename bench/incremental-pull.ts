// The everyday pull: a client that is nearly up to date asks for what changed since its cursor. A city of
// 100,000 practices and one of 1,000, each with 10 fresh changes after a known cursor, on the same server
// process and database; GET /api/sync/pull?since=cursor timed from Node over keep-alive HTTP, the two cities
// interleaved request by request so that both see the same machine. The small city is the baseline: a pull
// of 10 changes should cost the same however big the library is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabaseFromEnv } from '../server/node-database.ts';
import { pullResponseSchema } from '../shared/api/sync.ts';
import { intFlag } from './flags.ts';
import type { Bench, BenchReport } from './report.ts';
import { median, percentile } from './statistics.ts';
import { pushNoteEdits, spreadPractices } from './sync/edits.ts';
import { seedManyPractices } from './sync/seed-library.ts';
import { startServerProcess } from './sync/server-process.ts';
import { type BenchMember, cityWithMember } from './sync/tenancy.ts';

const name = 'incremental-pull';
const description = 'pull of 10 fresh changes: a city of 100,000 practices vs one of 1,000';
const goalRatio = 1.5;
const freshChanges = 10;

interface City {
  label: string;
  size: number;
  member: BenchMember;
  cursor: number;
  version: number;
  latencies: number[];
  bytes: number;
}

async function pullOnce(origin: string, city: City): Promise<{ ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(`${origin}/api/sync/pull?since=${city.cursor}`, {
    headers: { authorization: `Bearer ${city.member.token}` },
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`pull answered ${response.status}: ${text.slice(0, 200)}`);
  return { ms, text };
}

async function run(args: string[]): Promise<BenchReport> {
  const bigSize = intFlag(args, 'big', 100_000, 1000);
  const smallSize = intFlag(args, 'small', 1_000, 10);
  const requests = intFlag(args, 'requests', 300, 10);
  const dir = mkdtempSync(join(tmpdir(), 'icc-bench-incremental-'));
  const { db } = await openDatabaseFromEnv({ DATA_DIR: dir });
  try {
    const cities: City[] = [];
    const seedStarted = performance.now();
    for (const [label, size] of [
      ['big', bigSize],
      ['small', smallSize],
    ] as const) {
      const member = await cityWithMember(db, label === 'big' ? 'Barcelona' : 'Lisbon');
      const cursor = await seedManyPractices({ db, cityId: member.cityId, memberId: member.memberId }, size);
      cities.push({ label, size, member, cursor, version: cursor, latencies: [], bytes: 0 });
    }
    const seedMs = performance.now() - seedStarted;

    const server = await startServerProcess(dir);
    try {
      for (const city of cities) {
        const targets = await spreadPractices(db, city.member.cityId, freshChanges);
        city.version = await pushNoteEdits(server.origin, city.member.token, targets);
        // The seeded rows must read back as the push route's would: the whole answer is parsed with the
        // protocol's own schema, and it must hold exactly the fresh changes.
        const page = pullResponseSchema.parse(JSON.parse((await pullOnce(server.origin, city)).text));
        if (page.changes.length !== freshChanges || page.hasMore || page.version !== city.version) {
          throw new Error(`${city.label}: pull since ${city.cursor} gave ${page.changes.length} changes`);
        }
        const first = pullResponseSchema.parse(
          await // The newest seeded versions: for the big city, rows copied inside SQLite (seedManyPractices).
          (
            await fetch(`${server.origin}/api/sync/pull?since=${city.cursor - 2}&limit=200`, {
              headers: { authorization: `Bearer ${city.member.token}` },
            })
          ).json(),
        );
        if (first.changes.length === 0 || first.changes.some((c) => c.deleted || c.kind !== 'practice')) {
          throw new Error(`${city.label}: the seeded library does not read back`);
        }
      }
      // Warm-up, then the timed requests, alternating cities.
      for (let i = 0; i < 20; i++) for (const city of cities) await pullOnce(server.origin, city);
      for (let i = 0; i < requests; i++) {
        for (const city of i % 2 ? [...cities].reverse() : cities) {
          const { ms, text } = await pullOnce(server.origin, city);
          city.latencies.push(ms);
          city.bytes = text.length;
        }
      }
    } finally {
      await server.stop();
    }

    const [big, small] = cities as [City, City];
    const ratio = median(big.latencies) / median(small.latencies);
    return {
      name,
      description,
      tables: [
        {
          title: `GET /api/sync/pull?since=cursor, ${freshChanges} changes after the cursor; ${requests} requests per city, ms (client side, keep-alive)`,
          columns: ['city', 'practices', 'median', 'p90', 'p99', 'min', 'answer KB'],
          rows: cities.map((c) => [
            `${c.member.cityId.slice(0, 8)}… (${c.label})`,
            c.size,
            median(c.latencies),
            percentile(c.latencies, 90),
            percentile(c.latencies, 99),
            Math.min(...c.latencies),
            c.bytes / 1024,
          ]),
        },
      ],
      figures: [
        {
          label: `pull of ${freshChanges} changes, ${bigSize.toLocaleString('en-US')}-practice city, median`,
          value: median(big.latencies),
          unit: 'ms',
          baseline: {
            label: `${smallSize.toLocaleString('en-US')}-practice city`,
            value: median(small.latencies),
          },
        },
        {
          label: 'big city / small city',
          value: ratio,
          unit: '×',
          goal: { text: `≤ ${goalRatio}×`, met: ratio <= goalRatio },
        },
      ],
      notes: [
        `Both cities in one database file served by one server process (real app, rate limit off, own Node process on 127.0.0.1). Libraries written in the push route's row format (bench/sync/seed-library.ts), 50 practices per version; the big one is 2,000 generated practices copied inside SQLite with new ids and versions; seeding took ${(seedMs / 1000).toFixed(1)} s, untimed.`,
        `The ${freshChanges} fresh changes: note edits of practices spread evenly over each library, one push each through the API. Verified: the pull answer parses with pullResponseSchema and holds exactly those changes; the newest seeded versions (copied rows, for the big city) parse too.`,
        'Times include auth (token hash lookup), the library-version read, the (city_id, version) index range and JSON, as a client sees them.',
        'Context (STACK.md, not the baseline): a "changes since" query took 0.4 ms embedded on this kind of machine.',
      ],
      data: cities.map(({ member, ...c }) => ({ cityId: member.cityId, ...c })),
    };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const incrementalPull: Bench = { name, description, run };
