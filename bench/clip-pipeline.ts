// How long clipping a page takes in real Chromium, beside what Readability alone takes on the same DOM in
// the same tab: the pipeline adds metadata, the readerable check, sanitising and Markdown on top of
// Readability, and this shows what that costs. Real pages: Mozilla Readability's test fixtures.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath, e2eExtensionDir, launchWithExtension } from '../tests/browser/harness/chromium.ts';
import { controlPage } from '../tests/browser/harness/extension-pages.ts';
import { measurePages, type PageMeasurement } from './clip-pipeline/measure-page.ts';
import { fixtureNames, serveFixtures } from './clip-pipeline/serve-fixtures.ts';
import { type RunSummary, summariseRun } from './clip-pipeline/summarise.ts';
import { describeBuild, ensureBuild } from './ensure-build.ts';
import { flagValue, hasFlag, intFlag } from './flags.ts';
import { fromRoot } from './repo-paths.ts';
import type { Bench, BenchReport } from './report.ts';
import { skippedReport } from './report.ts';

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

async function measureAll(dir: string, names: string[], rounds: number): Promise<PageMeasurement[]> {
  const site = await serveFixtures(dir, names);
  const ext = await launchWithExtension();
  try {
    // Fixtures link images, fonts and trackers on the internet, which this machine refuses anyway: failing
    // them at once keeps page loads short and the same on every machine.
    await ext.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    const control = await controlPage(ext);
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
      onPage: progress,
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    return measurements;
  } finally {
    await ext.close();
    await site.close();
    rmSync(ext.profileDir, { recursive: true, force: true });
  }
}

function toReport(run: RunSummary, rounds: number, notes: string[], data: unknown): BenchReport {
  const { pages } = run;
  return {
    name,
    description,
    tables: [
      {
        title: `Per page: medians of ${rounds} rounds, ms measured inside the page (round trip: in the extension page)`,
        columns: [
          'page',
          'KB',
          'elements',
          'pipeline',
          '(its Readability)',
          'Readability alone',
          'ratio',
          'round trip',
          'spread',
          'extraction',
        ],
        rows: pages.map((p) => [
          p.name,
          Math.round(p.kb),
          p.elements,
          p.pipelineMs,
          p.pipelineReadabilityMs,
          p.readabilityMs,
          p.ratio,
          p.roundTripMs,
          Number.isFinite(p.spread) ? `${Math.round(p.spread * 100)}%` : '—',
          p.extraction,
        ]),
      },
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
        value: run.pipelineMs,
        unit: 'ms',
        baseline: { label: 'Readability alone', value: run.readabilityMs },
      },
      {
        label: 'pipeline in page, sum over pages',
        value: run.sumPipelineMs,
        unit: 'ms',
        baseline: { label: 'Readability alone', value: run.sumReadabilityMs },
      },
      {
        label: 'pipeline / Readability, median of page ratios',
        value: run.medianRatio,
        unit: '×',
        goal: { text: `≤ ${goalRatio}×`, met: run.medianRatio <= goalRatio },
      },
      {
        label: 'pipeline / Readability, ratio of sums',
        value: run.ratioOfSums,
        unit: '×',
        goal: { text: `≤ ${goalRatio}×`, met: run.ratioOfSums <= goalRatio },
      },
      {
        label: 'executeScript round trip, median over pages',
        value: run.roundTripMs,
        unit: 'ms',
        baseline: { label: 'pipeline in page', value: run.pipelineMs },
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
  // The harness finds the build relative to the working directory; npm runs us from the root, where it is.
  if (e2eExtensionDir !== fromRoot('.output', 'chrome-mv3-e2e')) {
    throw new Error(`run from the repository root (npm run bench): the harness looks in ${e2eExtensionDir}`);
  }
  const rounds = intFlag(args, 'rounds', 5, 1);
  const only = flagValue(args, 'page');
  const names = fixtureNames(fixtures.dir).filter((n) => !only || n.includes(only));
  if (names.length === 0)
    return skippedReport({ name, description }, `no NAME/source.html pages in ${fixtures.dir}`);

  const build = ensureBuild('chrome-mv3-e2e', ['--mode', 'e2e'], hasFlag(args, 'rebuild'));
  const measurements = await measureAll(fixtures.dir, names, rounds);
  return toReport(
    summariseRun(measurements),
    rounds,
    [
      `${names.length} pages from ${fixtures.dir}; ${rounds} rounds each after one discarded warm-up, order alternating, garbage collected (untimed) before every run.`,
      'Readability alone is injected once per page and warms up over the rounds; the pipeline is injected afresh on every run, as on every real clip, and so runs colder JIT code: part of the gap is that, not extra work.',
      'pipeline = timings.totalMs of /content-scripts/extract.js (metadata, isProbablyReaderable, Readability with keepClasses and no serialisation, Markdown); "(its Readability)" = its timings.readabilityMs.',
      'Readability alone = new Readability(document.cloneNode(true)).parse() in the same tab: defaults, so it also strips classes and serialises innerHTML, which the pipeline does not.',
      'Page timers are coarsened to 0.1 ms (not cross-origin isolated): ratios on sub-millisecond pages are noisy; the ratio of sums is not.',
      'spread = (max − min) / median of the pipeline rounds on that page.',
      describeBuild(build),
    ],
    measurements,
  );
}

export const clipPipeline: Bench = { name, description, run };
