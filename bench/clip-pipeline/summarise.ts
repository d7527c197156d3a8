// From raw rounds to what the report shows: per-page medians, then medians over pages. The ratio is given
// two ways because they answer different questions: the median of per-page ratios is what a typical page
// costs over Readability; the ratio of sums is weighted by the big pages, where the member actually waits.
import { median, relativeSpread, sum } from '../statistics.ts';
import type { PageMeasurement } from './measure-page.ts';

export interface PageSummary {
  name: string;
  kb: number;
  elements: number;
  pipelineMs: number;
  pipelineReadabilityMs: number;
  readabilityMs: number;
  /** null when Readability alone measured 0 ms (below the page's 0.1 ms timer resolution). */
  ratio: number | null;
  roundTripMs: number;
  /** Spread of the pipeline's in-page rounds, (max − min) / median. */
  spread: number;
  extraction: string;
}

export interface RunSummary {
  pages: PageSummary[];
  failed: { name: string; error: string }[];
  pipelineMs: number;
  readabilityMs: number;
  roundTripMs: number;
  medianRatio: number;
  ratioOfSums: number;
  sumPipelineMs: number;
  sumReadabilityMs: number;
  outcomes: Record<string, number>;
}

function summarisePage(m: PageMeasurement): PageSummary {
  const pipelineMs = median(m.pipeline.map((r) => r.totalMs));
  const readabilityMs = median(m.readability.map((r) => r.ms));
  return {
    name: m.name,
    kb: m.bytes / 1024,
    elements: m.elements,
    pipelineMs,
    pipelineReadabilityMs: median(m.pipeline.map((r) => r.readabilityMs)),
    readabilityMs,
    ratio: readabilityMs > 0 ? pipelineMs / readabilityMs : null,
    roundTripMs: median(m.pipeline.map((r) => r.roundTripMs)),
    spread: relativeSpread(m.pipeline.map((r) => r.totalMs)),
    // The same DOM gives the same outcome every round; the first measured round speaks for all.
    extraction: m.pipeline[0]?.extraction ?? 'none',
  };
}

export function summariseRun(measurements: PageMeasurement[]): RunSummary {
  const measured = measurements.filter((m) => !m.error && m.pipeline.length > 0);
  const pages = measured.map(summarisePage);
  const outcomes: Record<string, number> = { full: 0, 'metadata-only': 0, none: 0 };
  for (const page of pages) outcomes[page.extraction] = (outcomes[page.extraction] ?? 0) + 1;
  const sumPipelineMs = sum(pages.map((p) => p.pipelineMs));
  const sumReadabilityMs = sum(pages.map((p) => p.readabilityMs));
  return {
    pages,
    failed: measurements.filter((m) => m.error).map((m) => ({ name: m.name, error: m.error! })),
    pipelineMs: median(pages.map((p) => p.pipelineMs)),
    readabilityMs: median(pages.map((p) => p.readabilityMs)),
    roundTripMs: median(pages.map((p) => p.roundTripMs)),
    medianRatio: median(pages.flatMap((p) => (p.ratio === null ? [] : [p.ratio]))),
    ratioOfSums: sumReadabilityMs > 0 ? sumPipelineMs / sumReadabilityMs : Number.NaN,
    sumPipelineMs,
    sumReadabilityMs,
    outcomes,
  };
}
