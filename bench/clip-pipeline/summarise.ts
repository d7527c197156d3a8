// From raw rounds to what the report shows: per-page medians, then medians over pages. The ratio is given
// two ways because they answer different questions: the median of per-page ratios is what a typical page
// costs over Readability; the ratio of sums is weighted by the big pages, where the member actually waits.
// Each is given against both baselines: Readability alone as a content script injected afresh (the fair
// one, run the way extract.js runs) and the earlier one, warm in the page's main world.
import { median, relativeSpread, sum } from '../statistics.ts';
import type { PageMeasurement } from './measure-page.ts';
import { stageNames } from './stages-script.ts';

export interface PageSummary {
  name: string;
  kb: number;
  elements: number;
  pipelineMs: number;
  pipelineReadabilityMs: number;
  /** Readability alone, content script injected afresh, same isolated world: the baseline. */
  coldReadabilityMs: number;
  /** Readability alone, warm in the main world: the earlier baseline. */
  warmReadabilityMs: number;
  /** null when the baseline measured 0 ms (below the page's 0.1 ms timer resolution). */
  ratio: number | null;
  ratioToWarm: number | null;
  roundTripMs: number;
  coldRoundTripMs: number;
  /** Spread of the pipeline's in-page rounds, (max − min) / median. */
  spread: number;
  extraction: string;
}

export interface Totals {
  /** Median over pages of the per-page medians. */
  medianMs: number;
  /** Sum over pages of the per-page medians. */
  sumMs: number;
}

export interface RunSummary {
  pages: PageSummary[];
  failed: { name: string; error: string }[];
  pipeline: Totals;
  coldReadability: Totals;
  warmReadability: Totals;
  roundTripMs: number;
  coldRoundTripMs: number;
  medianRatio: number;
  ratioOfSums: number;
  medianRatioToWarm: number;
  ratioOfSumsToWarm: number;
  outcomes: Record<string, number>;
  /** With --stages: each step's per-page medians, summed over pages. */
  stageSums: { stage: string; ms: number }[] | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function summarisePage(m: PageMeasurement): PageSummary {
  const pipelineMs = median(m.pipeline.map((r) => r.totalMs));
  const coldReadabilityMs = median(m.coldReadability.map((r) => r.ms));
  const warmReadabilityMs = median(m.readability.map((r) => r.ms));
  return {
    name: m.name,
    kb: m.bytes / 1024,
    elements: m.elements,
    pipelineMs,
    pipelineReadabilityMs: median(m.pipeline.map((r) => r.readabilityMs)),
    coldReadabilityMs,
    warmReadabilityMs,
    ratio: ratio(pipelineMs, coldReadabilityMs),
    ratioToWarm: ratio(pipelineMs, warmReadabilityMs),
    roundTripMs: median(m.pipeline.map((r) => r.roundTripMs)),
    coldRoundTripMs: median(m.coldReadability.map((r) => r.roundTripMs)),
    spread: relativeSpread(m.pipeline.map((r) => r.totalMs)),
    // The same DOM gives the same outcome every round; the first measured round speaks for all.
    extraction: m.pipeline[0]?.extraction ?? 'none',
  };
}

function totals(values: number[]): Totals {
  return { medianMs: median(values), sumMs: sum(values) };
}

const medianOf = (ratios: (number | null)[]) => median(ratios.filter((r): r is number => r !== null));

export function summariseRun(measurements: PageMeasurement[]): RunSummary {
  const measured = measurements.filter((m) => !m.error && m.pipeline.length > 0);
  const pages = measured.map(summarisePage);
  const outcomes: Record<string, number> = { full: 0, 'metadata-only': 0, none: 0 };
  for (const page of pages) outcomes[page.extraction] = (outcomes[page.extraction] ?? 0) + 1;
  const pipeline = totals(pages.map((p) => p.pipelineMs));
  const coldReadability = totals(pages.map((p) => p.coldReadabilityMs));
  const warmReadability = totals(pages.map((p) => p.warmReadabilityMs));
  return {
    pages,
    failed: measurements.filter((m) => m.error).map((m) => ({ name: m.name, error: m.error! })),
    pipeline,
    coldReadability,
    warmReadability,
    roundTripMs: median(pages.map((p) => p.roundTripMs)),
    coldRoundTripMs: median(pages.map((p) => p.coldRoundTripMs)),
    medianRatio: medianOf(pages.map((p) => p.ratio)),
    ratioOfSums: ratio(pipeline.sumMs, coldReadability.sumMs) ?? Number.NaN,
    medianRatioToWarm: medianOf(pages.map((p) => p.ratioToWarm)),
    ratioOfSumsToWarm: ratio(pipeline.sumMs, warmReadability.sumMs) ?? Number.NaN,
    outcomes,
    stageSums: measured.some((m) => m.stages.length > 0)
      ? stageNames.map((stage) => ({
          stage,
          ms: sum(measured.map((m) => median(m.stages.map((s) => s[stage])))),
        }))
      : null,
  };
}
