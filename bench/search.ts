// Library search on the server (issue 6): p95 of searchPractices on a library of 100,000 practices built from
// real pages (bench/library/library-data.ts) — words, prefixes as typed, accents left out, several words,
// with and without filters — beside, in the same run, the raw FTS5 query alone (no filters, ranking, count
// or hits) and a LIKE scan of the stored JSON (what search would cost without the index). Also: building the
// index from nothing (the first search after an upgrade), catching up after one push of 50 practices, the
// route through HTTP, and the server's RSS while it serves searches under autocannon load.
import autocannon from 'autocannon';
import { createApp } from '../server/app.ts';
import { ftsQuery, searchPractices } from '../server/library/search.ts';
import { catchUpSearchIndex } from '../server/library/search-index.ts';
import type { LibraryQuery } from '../shared/api/library.ts';
import { searchTokens } from '../shared/search/fold.ts';
import { indexAreaIds } from '../shared/taxonomy/index.ts';
import { flagValue, intFlag } from './flags.ts';
import {
  addPractices,
  type BenchLibrary,
  openBenchLibrary,
  removeAddedPractices,
} from './library/library-data.ts';
import type { Bench, BenchReport, Cell } from './report.ts';
import { median, percentile } from './statistics.ts';
import { seededRandom } from './sync/practices.ts';
import { startServerProcess } from './sync/server-process.ts';

declare module 'autocannon' {
  interface Options {
    requests?: { path: string }[];
  }
}

const name = 'search';
const description = 'library search p95 on 100,000 practices (FTS5) vs the raw FTS query and a LIKE scan';
const goalMs = 20;

interface Timed {
  label: string;
  query: LibraryQuery;
  ms: number;
  total: number;
}

/** Queries as members type them: drawn from the library's own titles and text. */
function queries(lib: BenchLibrary, count: number): { label: string; query: LibraryQuery }[] {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const vocabulary = lib.pages.length
    ? lib.pages.flatMap((p) => [...p.title.split(/\s+/), ...p.words.slice(0, 400)])
    : ['newcomers', 'welcome', 'intercultural', 'mediators', 'youth', 'budget', 'festival', 'école', 'città'];
  const words = vocabulary.filter((w) => searchTokens(w).length === 1 && searchTokens(w)[0]!.length >= 4);
  const accented = words.filter((w) => /[^\p{ASCII}]/u.test(w));
  const strip = (w: string) => w.normalize('NFKD').replace(/\p{M}/gu, '');
  const out: { label: string; query: LibraryQuery }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 8;
    const w = pick(words);
    if (kind === 0) out.push({ label: 'one word', query: { q: w } });
    else if (kind === 1) out.push({ label: 'prefix (3 letters)', query: { q: w.slice(0, 3) } });
    else if (kind === 2) out.push({ label: 'two words', query: { q: `${w} ${pick(words)}` } });
    else if (kind === 3)
      out.push({ label: 'typing a second word', query: { q: `${w} ${pick(words).slice(0, 2)}` } });
    else if (kind === 4)
      out.push({ label: 'accent left out', query: { q: strip(accented.length ? pick(accented) : w) } });
    else if (kind === 5)
      out.push({
        label: 'word + area + dates',
        query: { q: w, areas: [pick(indexAreaIds)], from: '2024-01-01', to: '2024-12-31' },
      });
    else if (kind === 6)
      out.push({
        label: 'browse, filters only',
        query: { areas: [pick(indexAreaIds)], visibility: 'network', lang: 'en' },
      });
    else out.push({ label: 'word, newest, page 3', query: { q: w, sort: 'newest', page: 3 } });
  }
  return out;
}

/**
 * Each item timed `rounds` times, round after round (so a burst of load on the shared machine hits one round
 * of many items rather than every round of one); an item's time is the median of its rounds.
 */
async function timeAll<T>(
  items: readonly T[],
  run: (item: T) => Promise<number>,
  rounds = 1,
): Promise<{ ms: number[]; totals: number[] }> {
  const perRound: number[][] = [];
  const totals: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const ms: number[] = [];
    for (const item of items) {
      const t = performance.now();
      const total = await run(item);
      ms.push(performance.now() - t);
      if (round === 0) totals.push(total);
    }
    perRound.push(ms);
  }
  return { ms: items.map((_, i) => median(perRound.map((r) => r[i]!))), totals };
}

async function run(args: string[]): Promise<BenchReport> {
  const practices = intFlag(args, 'library', 100_000, 100);
  const count = intFlag(args, 'queries', 400, 8);
  const connections = intFlag(args, 'connections', 10, 1);
  const duration = intFlag(args, 'duration', 5, 1);
  const rounds = intFlag(args, 'rounds', 3, 1);
  const lib = await openBenchLibrary(practices, flagValue(args, 'fixtures'));
  const { db, cityId } = lib;
  const client = db.$client;
  try {
    // The index from nothing, as the first search after the upgrade builds it (skipped when cached).
    const indexStarted = performance.now();
    await catchUpSearchIndex(db, cityId);
    const indexMs = performance.now() - indexStarted;
    const built = indexMs > 1000;

    // How many b-tree segments the FTS index reads (migration 0007 merged it into one; each catch-up since
    // adds small ones, which FTS5 merges as they pile up).
    const segments = Number(
      (await client.execute('SELECT count(DISTINCT segid) AS n FROM search_fts_idx')).rows[0]!.n,
    );

    const set = queries(lib, count);
    for (const q of set.slice(0, 20)) await searchPractices(db, cityId, q.query); // warm-up
    const search = await timeAll(
      set,
      async (q) => (await searchPractices(db, cityId, q.query)).total,
      rounds,
    );
    const timed: Timed[] = set.map((q, i) => ({ ...q, ms: search.ms[i]!, total: search.totals[i]! }));

    // Baselines, same queries, same database: the bare FTS query, and a LIKE scan (on 20 queries: it is slow).
    const texts = set.filter((q) => q.query.q).map((q) => searchTokens(q.query.q!));
    const fts = await timeAll(
      texts,
      async (tokens) => {
        const r = await client.execute({
          sql: 'SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 20',
          args: [ftsQuery(tokens)],
        });
        return r.rows.length;
      },
      rounds,
    );
    const like = await timeAll(texts.slice(0, 20), async (tokens) => {
      const r = await client.execute({
        sql: `SELECT id FROM library_objects WHERE city_id = ? AND kind = 'practice' AND deleted_at IS NULL
              AND ${tokens.map(() => 'data LIKE ?').join(' AND ')} LIMIT 20`,
        args: [cityId, ...tokens.map((t) => `%${t}%`)],
      });
      return r.rows.length;
    });

    // Through the route (auth, validation, JSON), in process.
    const app = createApp({ db, rateLimit: false, log: () => {} });
    const paths = set.slice(0, 100).map((q) => `/api/library/search?${toParams(q.query)}`);
    const headers = { authorization: `Bearer ${lib.token}` };
    const route = await timeAll(paths, async (path) => {
      const response = await app.request(path, { headers });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      await response.text();
      return 1;
    });

    // One push of 50 practices, then the next search (which indexes them first).
    const added = await addPractices(lib, practices, 50);
    const t = performance.now();
    await searchPractices(db, cityId, { q: set[0]!.query.q });
    const afterPushMs = performance.now() - t;
    await removeAddedPractices(lib, added);
    await catchUpSearchIndex(db, cityId);

    // Under load: a server process on the same database, autocannon cycling through 50 searches.
    const server = await startServerProcess(lib.dir);
    let loads: {
      label: string;
      rps: number;
      p50: number;
      p99: number;
      rssMedian: number;
      rssMax: number;
      non2xx: number;
    }[] = [];
    const rssIdle = server.rssMb();
    try {
      const load = async (label: string, requests: { path: string }[]) => {
        const config = { url: `${server.origin}${requests[0]!.path}`, connections, headers, requests };
        await autocannon({ ...config, duration: 1 });
        const rss: number[] = [];
        const sampler = setInterval(() => rss.push(server.rssMb()), 250);
        try {
          const r = await autocannon({ ...config, duration });
          return {
            label,
            rps: r.requests.average,
            p50: r.latency.p50,
            p99: r.latency.p99,
            rssMedian: median(rss),
            rssMax: Math.max(...rss),
            non2xx: r.non2xx + r.errors,
          };
        } finally {
          clearInterval(sampler);
        }
      };
      loads = [
        await load('GET /hello (same process)', [{ path: '/hello' }]),
        await load(
          'GET /api/library/search (50 queries in turn)',
          paths.slice(0, 50).map((path) => ({ path })),
        ),
      ];
    } finally {
      await server.stop();
    }

    const p95 = percentile(search.ms, 95);
    const byLabel = [...new Set(timed.map((x) => x.label))].map((label): Cell[] => {
      const of = timed.filter((x) => x.label === label);
      return [
        label,
        of.length,
        median(of.map((x) => x.ms)),
        percentile(
          of.map((x) => x.ms),
          95,
        ),
        Math.max(...of.map((x) => x.ms)),
        median(of.map((x) => x.total)),
      ];
    });
    return {
      name,
      description,
      figures: [
        {
          label: `search p95, ${practices.toLocaleString('en-US')} practices`,
          value: p95,
          unit: 'ms',
          baseline: { label: 'raw FTS5 MATCH … LIMIT 20, p95', value: percentile(fts.ms, 95) },
          goal: { text: `≤ ${goalMs} ms`, met: p95 <= goalMs },
        },
        {
          label: 'search median',
          value: median(search.ms),
          unit: 'ms',
          baseline: { label: 'LIKE scan of the JSON, median', value: median(like.ms) },
        },
        { label: 'GET /api/library/search p95 (in process)', value: percentile(route.ms, 95), unit: 'ms' },
        { label: 'first search after one push of 50', value: afterPushMs, unit: 'ms' },
        {
          label: 'server RSS under search load, max',
          value: loads[1]?.rssMax ?? Number.NaN,
          unit: 'MB',
          baseline: { label: 'same server under /hello', value: loads[0]?.rssMax ?? Number.NaN },
        },
      ],
      tables: [
        {
          title: `searchPractices by kind of query (${count} queries after 20 warm-ups; each query's time is the median of ${rounds} rounds)`,
          columns: ['query', 'n', 'median ms', 'p95 ms', 'max ms', 'median hits'],
          rows: byLabel,
        },
        {
          title: `Under load: ${connections} connections, ${duration} s after a 1 s warm-up`,
          columns: ['route', 'req/s', 'p50 ms', 'p99 ms', 'RSS MB median', 'RSS MB max', 'non-2xx/errors'],
          rows: loads.map((l) => [l.label, l.rps, l.p50, l.p99, l.rssMedian, l.rssMax, l.non2xx]),
        },
      ],
      notes: [
        `Library: ${practices.toLocaleString('en-US')} practices from ${lib.source === 'fixtures' ? `${lib.pages.length} real pages (Readability fixtures; ~200 consecutive words of a page each)` : 'the synthetic generator (no fixtures found)'}, six contributors, three years.${lib.seedMs !== null ? ` Built in ${(lib.seedMs / 1000).toFixed(1)} s this run.` : ' Reused from an earlier run (temp folder).'}`,
        built
          ? `Index built from nothing in ${(indexMs / 1000).toFixed(1)} s (what the server's start-up catch-up does in the background after the upgrade; later searches catch up only what changed).`
          : `Index already built (cached library); catch-up with nothing new took ${indexMs.toFixed(1)} ms.`,
        `FTS index: prefix indexes for 2 to 6 letters (migration 0007), ${segments} segment${segments === 1 ? '' : 's'} when timed.`,
        'Server-side time: searchPractices called in process (catch-up check, count, page of ids, hits with marks). The raw FTS baseline is the index alone: no city, filters, ranking, count or hits. The LIKE baseline scans the stored JSON (20 queries).',
        `Server under load: its own Node process; RSS sampled every 250 ms; idle before the load ${rssIdle.toFixed(0)} MB.`,
        'Pushes pay nothing for the index (no triggers): the push benchmarks are unchanged by it; the cost moves to the first search after a change (row above).',
      ],
      data: {
        practices,
        indexMs,
        afterPushMs,
        search: timed,
        fts: fts.ms,
        like: like.ms,
        route: route.ms,
        loads,
      },
    };
  } finally {
    client.close();
  }
}

function toParams(q: LibraryQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) p.append(k, String(one));
  }
  return p.toString();
}

export const searchBench: Bench = { name, description, run };
