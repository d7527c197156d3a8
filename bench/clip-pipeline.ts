// How long clipping a page takes in real Chromium, beside what Readability alone takes on the same DOM in
// the same tab: the pipeline adds metadata, the readerable check, sanitising and Markdown on top of
// Readability, and this shows what that costs. Real pages: Mozilla Readability's test fixtures.
// The baseline runs as an extension would run "Readability alone": its own content script, injected afresh
// on every run into the same isolated world as extract.js, with the options the pipeline gives Readability.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath } from '../tests/browser/harness/chromium.ts';
import { copyExtension } from './browser/extension-copy.ts';
import { launchExtension } from './browser/launch.ts';
import { measurePages, type PageMeasurement, warmRounds } from './clip-pipeline/measure-page.ts';
import {
  buildReadabilityAloneScript,
  readabilityAloneFile,
} from './clip-pipeline/readability-alone-script.ts';
import { fixtureNames, serveFixtures } from './clip-pipeline/serve-fixtures.ts';
import { buildStagesScript, stagesFile } from './clip-pipeline/stages-script.ts';
import { type RunSummary, summariseRun } from './clip-pipeline/summarise.ts';
import { describeBuild, ensureBuild } from './ensure-build.ts';
import { flagValue, hasFlag, intFlag } from './flags.ts';
import { fromRoot } from './repo-paths.ts';
import type { Bench, BenchReport, Table } from './report.ts';
import { skippedReport } from './report.ts';
import { sum } from './statistics.ts';

const name = 'clip-pipeline';
const description = 'in-page extraction vs Readability alone, real pages in Chromium';
const goalRatio = 1.3;

function fixturesDir(args: string[]): { dir: string } | { missing: string } {
  const given = flagValue(args, 'fixtures');
  const dir = given
    ? resolve(process.env.INIT_CWD ?? process.cwd(), given)
    : fromRoot('..', 'shared', 'fixtures', 'readability');
  if (existsSync(dir)) return { dir };
  return given
    ? { missing: `--fixtures ${dir} does not exist.` }
    : {
        missing: `no fixtures at ${dir}: pass --fixtures DIR (a folder of NAME/source.html pages, e.g. Mozilla Readability's test-pages).`,
      };
}

async function measureAll(
  buildDir: string,
  dir: string,
  names: string[],
  rounds: number,
  stages: boolean,
): Promise<PageMeasurement[]> {
  const copy = copyExtension(buildDir, name, {
    [readabilityAloneFile]: await buildReadabilityAloneScript(),
    ...(stages ? { [stagesFile]: await buildStagesScript() } : {}),
  });
  const site = await serveFixtures(dir, names);
  const ext = await launchExtension(copy.dir);
  try {
    // Fixtures link images, fonts and trackers on the internet, which this machine refuses anyway: failing
    // them at once keeps page loads short and the same on every machine.
    await ext.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    // An extension page kept open: chrome.scripting is called from there, as the background would.
    const control = await ext.context.newPage();
    await control.goto(ext.url('options.html'));
    const readabilitySource = readFileSync(
      fromRoot('node_modules/@mozilla/readability/Readability.js'),
      'utf8',
    );
    const progress = process.stderr.isTTY
      ? (i: number, page: string) => process.stderr.write(`\r\x1b[K${name}: ${i + 1}/${names.length} ${page}`)
      : undefined;
    const measurements = await measurePages(site.pages, {
      ext,
      control,
      rounds,
      readabilitySource,
      readabilityAloneFile,
      stagesFile: stages ? stagesFile : undefined,
      onPage: progress,
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    return measurements;
  } finally {
    await ext.close();
    await site.close();
    copy.remove();
  }
}

function stagesTable(run: RunSummary): Table[] {
  if (!run.stageSums) return [];
  const total = sum(run.stageSums.map((s) => s.ms));
  return [
    {
      title: `Where the pipeline's time goes (--stages: ${stagesFile}, each step's per-page medians summed over pages)`,
      columns: ['step', 'ms', 'share'],
      rows: [
        ...run.stageSums.map((s) => [s.stage, s.ms, `${Math.round((s.ms / total) * 100)}%`]),
        ['total', total, '100%'],
      ],
    },
  ];
}

function toReport(run: RunSummary, rounds: number, notes: string[], data: unknown): BenchReport {
  const { pages } = run;
  const fair = 'Readability alone (content script, fresh)';
  const warm = 'Readability warm in main world (earlier baseline)';
  return {
    name,
    description,
    tables: [
      {
        title: `Per page: medians of ${rounds} rounds, ms measured inside the page (round trips: in the extension page)`,
        columns: [
          'page',
          'KB',
          'elements',
          'pipeline',
          '(its Readability)',
          'Readability alone',
          'ratio',
          'warm main world',
          'ratio',
          'round trip',
          'alone round trip',
          'spread',
          'extraction',
        ],
        rows: pages.map((p) => [
          p.name,
          Math.round(p.kb),
          p.elements,
          p.pipelineMs,
          p.pipelineReadabilityMs,
          p.coldReadabilityMs,
          p.ratio,
          p.warmReadabilityMs,
          p.ratioToWarm,
          p.roundTripMs,
          p.coldRoundTripMs,
          Number.isFinite(p.spread) ? `${Math.round(p.spread * 100)}%` : '—',
          p.extraction,
        ]),
      },
      ...stagesTable(run),
      {
        title: 'Extraction outcome (pages)',
        columns: ['full', 'metadata-only', 'none', 'not measured'],
        rows: [
          [
            run.outcomes.full ?? 0,
            run.outcomes['metadata-only'] ?? 0,
            run.outcomes.none ?? 0,
            run.failed.length,
          ],
        ],
      },
    ],
    figures: [
      {
        label: 'pipeline in page, median over pages',
        value: run.pipeline.medianMs,
        unit: 'ms',
        baseline: { label: fair, value: run.coldReadability.medianMs },
      },
      {
        label: 'pipeline in page, sum over pages',
        value: run.pipeline.sumMs,
        unit: 'ms',
        baseline: { label: fair, value: run.coldReadability.sumMs },
      },
      {
        label: 'pipeline / Readability alone, median of page ratios',
        value: run.medianRatio,
        unit: '×',
        goal: { text: `≤ ${goalRatio}×`, met: run.medianRatio <= goalRatio },
      },
      {
        label: 'pipeline / Readability alone, ratio of sums',
        value: run.ratioOfSums,
        unit: '×',
        goal: { text: `≤ ${goalRatio}×`, met: run.ratioOfSums <= goalRatio },
      },
      {
        label: 'executeScript round trip, median over pages',
        value: run.roundTripMs,
        unit: 'ms',
        baseline: { label: 'Readability alone, same injection', value: run.coldRoundTripMs },
      },
      {
        label: 'earlier baseline: sum over pages',
        value: run.pipeline.sumMs,
        unit: 'ms',
        baseline: { label: warm, value: run.warmReadability.sumMs },
      },
      {
        label: 'earlier baseline: median of page ratios',
        value: run.medianRatioToWarm,
        unit: '×',
      },
    ],
    notes: [...run.failed.map((f) => `Not measured: ${f.name}: ${f.error}`), ...notes],
    data,
  };
}

async function run(args: string[]): Promise<BenchReport> {
  const fixtures = fixturesDir(args);
  if ('missing' in fixtures) return skippedReport({ name, description }, fixtures.missing);
  if (!existsSync(chromiumPath)) {
    return skippedReport(
      { name, description },
      `no Chromium at ${chromiumPath}: install it or set CHROMIUM_PATH.`,
    );
  }
  const rounds = intFlag(args, 'rounds', 5, 1);
  const only = flagValue(args, 'page');
  const names = fixtureNames(fixtures.dir).filter((n) => !only || n.includes(only));
  if (names.length === 0)
    return skippedReport({ name, description }, `no NAME/source.html pages in ${fixtures.dir}`);

  const build = ensureBuild('chrome-mv3-e2e', ['--mode', 'e2e'], hasFlag(args, 'rebuild'));
  const stages = hasFlag(args, 'stages');
  const measurements = await measureAll(build.dir, fixtures.dir, names, rounds, stages);
  return toReport(
    summariseRun(measurements),
    rounds,
    [
      `${names.length} pages from ${fixtures.dir}; ${rounds} rounds each after one discarded warm-up of each script, order rotating, garbage collected (untimed) before every run.`,
      'pipeline = timings.totalMs of /content-scripts/extract.js (selection, metadata, isProbablyReaderable, clone + Readability, Markdown); "(its Readability)" = its timings.readabilityMs (isProbablyReaderable + clone + Readability).',
      `Readability alone (the baseline) = new Readability(document.cloneNode(true), { keepClasses: true, serializer: node => node }).parse(), bundled and minified by esbuild as /${readabilityAloneFile} in a copy of the build under .tmp/, injected with chrome.scripting.executeScript({ files }) like extract.js: afresh every run, same isolated world, same options as the pipeline, same cold JIT.`,
      `Earlier baseline = Readability.js injected once per page into the main world and called with default options (strips classes, serialises innerHTML) round after round (${Math.min(rounds, warmRounds)} rounds): its code warms up while extract.js starts cold on every clip. Shown for comparison only; the goal is read against the fresh content-script baseline.`,
      'round trip = chrome.scripting.executeScript seen from the extension page: reading, compiling and running the script, and sending its result back (what the popup waits).',
      'Page timers are coarsened to 0.1 ms (not cross-origin isolated): ratios on sub-millisecond pages are noisy; the ratio of sums is not.',
      'spread = (max − min) / median of the pipeline rounds on that page.',
      describeBuild(build),
    ],
    measurements,
  );
}

export const clipPipeline: Bench = { name, description, run };
