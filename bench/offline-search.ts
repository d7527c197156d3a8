// The extension's offline library search (issue 6: goal p95 ≤ 30 ms on 10,000 practices): the side panel's
// own module, extension/features/library-search.ts (pure logic: indexPractice once, then filterLibrary per
// query), over 10,000 practices built from the same real pages as the server benches
// (bench/library/library-data.ts), with the same kinds of queries as bench/search.ts. Beside it, in the same
// run and on the same queries, a naive baseline: every practice's searchable text folded once, then a plain
// includes() of every query word (substring, no ranking) — what a search without the token index costs.
import { filterLibrary, indexPractice } from '../extension/features/library-search.ts';
import type { Practice } from '../shared/schemas/practice.ts';
import { foldText, searchableContentChars, searchTokens } from '../shared/search/fold.ts';
import type { IndexedDocument } from '../shared/search/match.ts';
import { indexAreaIds } from '../shared/taxonomy/index.ts';
import { flagValue, intFlag } from './flags.ts';
import { defaultFixtures, loadPages, practiceFields } from './library/library-data.ts';
import type { Bench, BenchReport, Cell } from './report.ts';
import { median, percentile } from './statistics.ts';
import { seededRandom } from './sync/practices.ts';

const name = 'offline-search';
const description = "extension's offline library search p95 on 10,000 practices vs a plain includes() scan";
const goalMs = 30;

function practices(count: number, fixtures: string | undefined): { list: Practice[]; words: string[] } {
  const pages = loadPages(fixtures ?? defaultFixtures());
  const list: Practice[] = [];
  for (let n = 0; n < count; n++) {
    const { fields, sets } = practiceFields(n, pages);
    list.push({ id: `p${n}`, ...fields, ...sets } as unknown as Practice);
  }
  const vocabulary = pages.length
    ? pages.flatMap((p) => [...p.title.split(/\s+/), ...p.words.slice(0, 400)])
    : list.slice(0, 200).flatMap((p) => p.title.split(/\s+/));
  const words = vocabulary.filter((w) => searchTokens(w).length === 1 && searchTokens(w)[0]!.length >= 4);
  return { list, words };
}

/** The same kinds of query as the server's bench, with the side panel's filters (one area, one tag). */
function queries(words: readonly string[], count: number) {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const strip = (w: string) => w.normalize('NFKD').replace(/\p{M}/gu, '');
  const accented = words.filter((w) => /[^\p{ASCII}]/u.test(w));
  const out: { label: string; filter: { query: string; area: string | null; tag: string | null } }[] = [];
  for (let i = 0; i < count; i++) {
    const w = pick(words);
    const kind = i % 6;
    const q = (query: string, area: string | null = null) => ({ query, area, tag: null });
    if (kind === 0) out.push({ label: 'one word', filter: q(w) });
    else if (kind === 1) out.push({ label: 'prefix (3 letters)', filter: q(w.slice(0, 3)) });
    else if (kind === 2) out.push({ label: 'two words', filter: q(`${w} ${pick(words)}`) });
    else if (kind === 3)
      out.push({ label: 'typing a second word', filter: q(`${w} ${pick(words).slice(0, 2)}`) });
    else if (kind === 4)
      out.push({ label: 'accent left out', filter: q(strip(accented.length ? pick(accented) : w)) });
    else out.push({ label: 'word + area', filter: q(w, pick(indexAreaIds)) });
  }
  return out;
}

async function run(args: string[]): Promise<BenchReport> {
  const count = intFlag(args, 'offline-library', 10_000, 10);
  const queryCount = intFlag(args, 'queries', 300, 6);
  const rounds = intFlag(args, 'rounds', 3, 1);
  const { list, words } = practices(count, flagValue(args, 'fixtures'));

  // The index, as the side panel builds it on the first query (no highlights in this library): the documents,
  // then the inverted index filterLibrary builds on its first query over them.
  const built = performance.now();
  const index = new Map<string, IndexedDocument>(list.map((p) => [p.id, indexPractice(p, [])]));
  filterLibrary(list, index, { query: 'a', area: null, tag: null });
  const indexMs = performance.now() - built;
  // The baseline's one-off preparation: each practice's searchable text, folded.
  const prepared = performance.now();
  const folded = list.map((p) =>
    foldText(
      [p.title, p.tags.join(' '), p.excerpt, p.note, p.siteName ?? '', p.byline ?? '']
        .concat(p.contentMarkdown.slice(0, searchableContentChars))
        .join(' '),
    ),
  );
  const prepareMs = performance.now() - prepared;

  const set = queries(words, queryCount);
  const scan = (f: (typeof set)[number]['filter']) => {
    const tokens = searchTokens(f.query);
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) {
      if (f.area && !list[i]!.areas.includes(f.area)) continue;
      if (tokens.every((t) => folded[i]!.includes(t))) out.push(list[i]!.id);
    }
    return out.length;
  };
  const search = (f: (typeof set)[number]['filter']) => filterLibrary(list, index, f).length;
  for (const q of set.slice(0, 20)) search(q.filter); // warm-up (JIT)
  for (const q of set.slice(0, 20)) scan(q.filter);

  const time = (fn: (f: (typeof set)[number]['filter']) => number) => {
    const perRound: number[][] = [];
    const hits: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const ms: number[] = [];
      for (const q of set) {
        const t = performance.now();
        const n = fn(q.filter);
        ms.push(performance.now() - t);
        if (round === 0) hits.push(n);
      }
      perRound.push(ms);
    }
    return { ms: set.map((_, i) => median(perRound.map((r) => r[i]!))), hits };
  };
  const offline = time(search);
  const naive = time(scan);

  const p95 = percentile(offline.ms, 95);
  const labels = [...new Set(set.map((q) => q.label))];
  const rows = labels.map((label): Cell[] => {
    const at = set.flatMap((q, i) => (q.label === label ? [i] : []));
    const of = (ms: number[]) => at.map((i) => ms[i]!);
    return [
      label,
      at.length,
      median(of(offline.ms)),
      percentile(of(offline.ms), 95),
      percentile(of(naive.ms), 95),
      median(at.map((i) => offline.hits[i]!)),
    ];
  });
  return {
    name,
    description,
    figures: [
      {
        label: `offline search p95, ${count.toLocaleString('en-US')} practices`,
        value: p95,
        unit: 'ms',
        baseline: { label: 'plain includes() scan, p95', value: percentile(naive.ms, 95) },
        goal: { text: `≤ ${goalMs} ms`, met: p95 <= goalMs },
      },
      {
        label: 'offline search median',
        value: median(offline.ms),
        unit: 'ms',
        baseline: { label: 'plain includes() scan, median', value: median(naive.ms) },
      },
      {
        label: 'building the offline index (first query)',
        value: indexMs,
        unit: 'ms',
        baseline: { label: 'folding the texts for the scan', value: prepareMs },
      },
    ],
    tables: [
      {
        title: `filterLibrary by kind of query (${set.length} queries after 20 warm-ups; each query's time is the median of ${rounds} rounds)`,
        columns: ['query', 'n', 'median ms', 'p95 ms', 'includes() p95 ms', 'median hits'],
        rows,
      },
    ],
    notes: [
      `Library: ${count.toLocaleString('en-US')} practices built like the server benches' (bench/library/library-data.ts), in memory; no highlights.`,
      'Offline search: extension/features/library-search.ts filterLibrary with the index built once (the side panel keeps it while the library is unchanged): prefix match of every query word, ranked by field weight. Baseline: the same queries as substrings of each practice folded text, unranked (it also finds words inside words, so its hit counts are higher).',
      'Runs in Node (tsx), not in the browser: the side panel runs the same code in V8.',
    ],
    data: { count, indexMs, prepareMs, offline, naive, queries: set },
  };
}

export const offlineSearch: Bench = { name, description, run };
