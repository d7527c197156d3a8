// Translation memory lookups against a city library of 10,000 snippets (EN/FR/IT/ES, seeded): the memory as
// shipped (words prepared once per snippet, candidates dropped by word-count and shared-word bounds before
// any edit distance) beside a naive full scan with the same similarity (tokenise and compare every snippet
// on every query), measured in the same run on the same queries. Results must be identical.

import type { Snippet } from '../shared/schemas/snippet.ts';
import { baseLang } from '../shared/translate/languages.ts';
import {
  answerFor,
  bestMatches,
  betterMatch,
  exactKey,
  findMemoryMatches,
  type MemoryMatch,
  memoryMatch,
  snippetSides,
} from '../shared/translate/memory.ts';
import { textSimilarity } from '../shared/translate/memory-similarity.ts';
import { intFlag } from './flags.ts';
import type { Bench, BenchReport, Cell } from './report.ts';
import { median, percentile, sum } from './statistics.ts';
import { type MemoryQuery, memoryQueries, memorySnippets } from './translation-memory/snippets.ts';

const name = 'translation-memory';
const description = 'memory lookup in 10,000 snippets vs a naive full scan with the same similarity';
const goalMs = 5;

/** The baseline: every snippet tokenised and compared on every query, no cache, no prefilter. */
function naiveMatches(
  query: MemoryQuery,
  snippets: readonly Snippet[],
  minSimilarity = 0.7,
  limit = 5,
): MemoryMatch[] {
  const source = baseLang(query.sourceLang);
  const target = baseLang(query.targetLang);
  const key = exactKey(query.text);
  const out: MemoryMatch[] = [];
  for (const snippet of snippets) {
    if (snippet.deletedAt) continue;
    // The memory's own sides and answer rule (shared/translate/memory.ts), built again for every query.
    const p = snippetSides(snippet);
    let best: MemoryMatch | null = null;
    for (const side of p.sides) {
      if (source !== 'und' && side.lang !== 'und' && side.lang !== source) continue;
      const answer = answerFor(snippet, p, side, target);
      if (!answer) continue;
      const exact = exactKey(side.text) === key;
      const similarity = exact ? 1 : textSimilarity(query.text, side.text);
      if (similarity < minSimilarity) continue;
      const match = memoryMatch(snippet, answer, similarity, exact, side);
      if (!best || betterMatch(match, best)) best = match;
    }
    if (best) out.push(best);
  }
  return bestMatches(out, limit);
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

const sameIds = (a: MemoryMatch[], b: MemoryMatch[]) =>
  a.length === b.length &&
  a.every((m, i) => m.snippetId === b[i]!.snippetId && m.similarity === b[i]!.similarity);

async function run(args: string[]): Promise<BenchReport> {
  const size = intFlag(args, 'snippets', 10_000, 1);
  const queryCount = intFlag(args, 'queries', 150, 3);
  const snippets = memorySnippets(size);
  const queries = memoryQueries(snippets, queryCount);

  // Cold: the first lookup prepares every snippet's words (once per snippet object).
  const cold = timed(() =>
    findMemoryMatches(queries[0]!.text, queries[0]!.sourceLang, queries[0]!.targetLang, snippets),
  );

  const rows = new Map<string, { memory: number[]; naive: number[]; found: number[] }>();
  let identical = 0;
  for (const query of queries) {
    const memory = timed(() => findMemoryMatches(query.text, query.sourceLang, query.targetLang, snippets));
    const naive = timed(() => naiveMatches(query, snippets));
    if (sameIds(memory.value, naive.value)) identical++;
    const row = rows.get(query.kind) ?? { memory: [], naive: [], found: [] };
    row.memory.push(memory.ms);
    row.naive.push(naive.ms);
    row.found.push(memory.value.length);
    rows.set(query.kind, row);
  }
  const all = [...rows.values()];
  const memoryAll = all.flatMap((r) => r.memory);
  const naiveAll = all.flatMap((r) => r.naive);

  const tableRows: Cell[][] = [...rows.entries()].map(([kind, r]) => [
    kind,
    r.memory.length,
    median(r.memory),
    percentile(r.memory, 95),
    median(r.naive),
    percentile(r.naive, 95),
    sum(r.found) / r.found.length,
  ]);
  return {
    name,
    description,
    tables: [
      {
        title: `Lookup time per query, ${size.toLocaleString('en-US')} snippets (ms)`,
        columns: ['query', 'queries', 'memory p50', 'memory p95', 'naive p50', 'naive p95', 'matches/query'],
        rows: tableRows,
      },
    ],
    figures: [
      {
        label: 'memory lookup p50 (warm)',
        value: median(memoryAll),
        unit: 'ms',
        baseline: { label: 'naive full scan p50', value: median(naiveAll) },
        goal: { text: `≤ ${goalMs} ms`, met: median(memoryAll) <= goalMs },
      },
      {
        label: 'memory lookup p95 (warm)',
        value: percentile(memoryAll, 95),
        unit: 'ms',
        baseline: { label: 'naive full scan p95', value: percentile(naiveAll, 95) },
      },
      { label: 'first lookup (prepares every snippet)', value: cold.ms, unit: 'ms' },
    ],
    notes: [
      `Results identical to the naive scan for ${identical}/${queries.length} queries (same snippets, same similarity, same order).`,
      'Similarity: word-level Levenshtein ratio, threshold 0.7, limit 5; 90 % of snippets have a reviewed translation.',
      'Flags: --snippets N (default 10,000), --queries N (default 150).',
    ],
    data: { size, queries: queries.length, identical, cold: cold.ms, rows: Object.fromEntries(rows) },
  };
}

export const translationMemory: Bench = { name, description, run };
