// City aggregates and Index coverage (issue 6) on a library of 100,000 practices (bench/library): the
// per-area, per-contributor and per-month counts with and without a period, and the coverage view, each
// timed over repeated calls — beside, in the same run, a raw COUNT(*) of the city's live practices (the least
// any count costs) and the same per-area count computed from the stored JSON with json_each (what the
// aggregates would cost without the search index's area table).
import { cityAggregates, indexCoverage } from '../server/library/aggregates.ts';
import { catchUpSearchIndex } from '../server/library/search-index.ts';
import { flagValue, intFlag } from './flags.ts';
import { openBenchLibrary } from './library/library-data.ts';
import type { Bench, BenchReport, Cell } from './report.ts';
import { median, percentile } from './statistics.ts';

const name = 'aggregates';
const description = 'city aggregates and Index coverage on 100,000 practices vs a raw COUNT(*)';
const goalMs = 100;

async function repeat(times: number, f: () => Promise<unknown>): Promise<number[]> {
  await f(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return ms;
}

async function run(args: string[]): Promise<BenchReport> {
  const practices = intFlag(args, 'library', 100_000, 100);
  const times = intFlag(args, 'repeat', 30, 3);
  const lib = await openBenchLibrary(practices, flagValue(args, 'fixtures'));
  const { db, cityId } = lib;
  try {
    const indexStarted = performance.now();
    await catchUpSearchIndex(db, cityId);
    const indexMs = performance.now() - indexStarted;

    const all = await repeat(times, () => cityAggregates(db, cityId));
    const year = await repeat(times, () =>
      cityAggregates(db, cityId, { from: '2024-01-01', to: '2024-12-31' }),
    );
    const coverage = await repeat(times, () => indexCoverage(db, cityId));
    const count = await repeat(times, () =>
      db.$client.execute({
        sql: "SELECT count(*) FROM library_objects WHERE city_id = ? AND kind = 'practice' AND deleted_at IS NULL",
        args: [cityId],
      }),
    );
    const fromJson = await repeat(3, () =>
      db.$client.execute({
        sql: `SELECT a.value AS area, count(*) AS n, max(json_extract(o.data, '$.clippedAt')) AS last
              FROM library_objects o, json_each(o.data, '$.areas') a
              WHERE o.city_id = ? AND o.kind = 'practice' AND o.deleted_at IS NULL GROUP BY a.value`,
        args: [cityId],
      }),
    );
    const sample = await cityAggregates(db, cityId);
    const both = all.map((ms, i) => ms + coverage[i]!);
    const rows: Cell[][] = [
      ['cityAggregates, whole library', median(all), percentile(all, 95), Math.max(...all)],
      ['cityAggregates, one year', median(year), percentile(year, 95), Math.max(...year)],
      ['indexCoverage', median(coverage), percentile(coverage, 95), Math.max(...coverage)],
      ['aggregates + coverage (a dashboard page)', median(both), percentile(both, 95), Math.max(...both)],
      ['baseline: raw COUNT(*) of live practices', median(count), percentile(count, 95), Math.max(...count)],
      [
        'reference: per-area count from the JSON (json_each)',
        median(fromJson),
        percentile(fromJson, 95),
        Math.max(...fromJson),
      ],
    ];
    const p95 = percentile(both, 95);
    return {
      name,
      description,
      figures: [
        {
          label: `aggregates + coverage p95, ${practices.toLocaleString('en-US')} practices`,
          value: p95,
          unit: 'ms',
          baseline: { label: 'raw COUNT(*) of live practices, p95', value: percentile(count, 95) },
          goal: { text: `≤ ${goalMs} ms`, met: p95 <= goalMs },
        },
        { label: 'cityAggregates for one year, p95', value: percentile(year, 95), unit: 'ms' },
        { label: 'per-area count from the JSON instead, median', value: median(fromJson), unit: 'ms' },
      ],
      tables: [
        {
          title: `${times} calls each after one warm-up (the JSON reference: 3)`,
          columns: ['what', 'median ms', 'p95 ms', 'max ms'],
          rows,
        },
      ],
      notes: [
        `Library: ${practices.toLocaleString('en-US')} practices (${sample.total.toLocaleString('en-US')} live), ${sample.byContributor.length} contributors, ${sample.byMonth.length} months; ${lib.source === 'fixtures' ? 'built from the Readability fixture pages' : 'synthetic (no fixtures found)'}.${lib.seedMs !== null ? ` Built in ${(lib.seedMs / 1000).toFixed(1)} s this run.` : ' Reused from an earlier run (temp folder).'}`,
        indexMs > 1000
          ? `The search index (which the aggregates count from) was built in this run: ${(indexMs / 1000).toFixed(1)} s.`
          : 'The search index was already up to date.',
        'Each call first checks that the index has caught up with the library version (two indexed reads), as the routes do.',
      ],
      data: { practices, all, year, coverage, count, fromJson, indexMs },
    };
  } finally {
    db.$client.close();
  }
}

export const aggregatesBench: Bench = { name, description, run };
