// Each fixture page, measured three ways in the same tab on the same DOM: the product pipeline (extract.js
// injected from an extension page), Readability alone injected the same way into the same isolated world
// (the baseline), and the earlier baseline, Readability warm in the page's main world. Rounds rotate which
// goes first, so that none always runs on a warmer cache or right after another's garbage.
import type { CDPSession, Page } from 'playwright-core';
import { tabIdFor } from '../../tests/browser/harness/extension-pages.ts';
import type { BenchBrowser } from '../browser/launch.ts';
import {
  type ColdReadabilityRun,
  hasReadabilityExpression,
  injectedRunExpression,
  type PipelineRun,
  pipelineExpression,
  type ReadabilityRun,
  readabilityExpression,
} from './in-page-scripts.ts';
import type { StageTimes } from './stages-script.ts';

export interface PageMeasurement {
  name: string;
  bytes: number;
  elements: number;
  pipeline: PipelineRun[];
  /** Readability alone as a content script, injected afresh every run: the baseline. */
  coldReadability: ColdReadabilityRun[];
  /** Readability alone in the main world, injected once per page: the earlier, warmer baseline. */
  readability: ReadabilityRun[];
  /** With --stages: the pipeline's steps timed one by one (stages-script.ts). */
  stages: StageTimes[];
  /** Set when the page could not be measured; the other pages still are. */
  error?: string;
}

export interface MeasureOptions {
  ext: BenchBrowser;
  /** An extension page: chrome.scripting is called from there, as the popup's background call would be. */
  control: Page;
  rounds: number;
  readabilitySource: string;
  /** Readability alone as a file of the loaded extension (readability-alone-script.ts). */
  readabilityAloneFile: string;
  /** With --stages: the stages script as a file of the loaded extension. */
  stagesFile?: string;
  /** Called before each page, for progress. */
  onPage?: (index: number, name: string) => void;
}

interface BenchTab {
  page: Page;
  /** For collecting garbage; the content script's isolated world shares the page's heap. */
  cdp: CDPSession;
}

const pageTimeoutMs = 60_000;
/** Rounds of the earlier (warm, main-world) baseline. */
export const warmRounds = 3;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took over ${pageTimeoutMs / 1000} s`)), pageTimeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Readability.js into the page's own world, once; the <script> removes itself so the DOM is as served. */
async function injectReadability(tab: Page, source: string): Promise<void> {
  await tab.addScriptTag({
    content: `${source}\n;document.currentScript && document.currentScript.remove();`,
  });
  if (await tab.evaluate(hasReadabilityExpression)) return;
  // A Content-Security-Policy without 'unsafe-inline' blocks the tag; DevTools evaluation is not bound by it.
  await tab.evaluate(`${source}\n;globalThis.Readability = Readability; undefined`);
  if (!(await tab.evaluate(hasReadabilityExpression)))
    throw new Error('Readability.js could not be injected');
}

async function measureOpenPage({ page, cdp }: BenchTab, tabId: number, options: MeasureOptions) {
  const { control, rounds } = options;
  // Every run leaves a cloned document behind; collecting it first (untimed) keeps a run from paying for the
  // previous one's garbage.
  const runPipeline = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return control.evaluate<PipelineRun>(pipelineExpression(tabId));
  };
  const runColdReadability = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return control.evaluate<ColdReadabilityRun>(injectedRunExpression(tabId, options.readabilityAloneFile));
  };
  const stagesFile = options.stagesFile;
  const runStages = async (file: string) => {
    await cdp.send('HeapProfiler.collectGarbage');
    return control.evaluate<StageTimes>(injectedRunExpression(tabId, file));
  };
  const runReadability = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return page.evaluate<ReadabilityRun>(readabilityExpression);
  };

  await injectReadability(page, options.readabilitySource);
  // One discarded run each: the first pays for reading and compiling the scripts, which later injections
  // find in V8's compilation cache; a median of 5 would still feel it.
  await runPipeline();
  await runColdReadability();
  await runReadability();
  if (stagesFile) await runStages(stagesFile);

  const pipeline: PipelineRun[] = [];
  const coldReadability: ColdReadabilityRun[] = [];
  const readability: ReadabilityRun[] = [];
  const stages: StageTimes[] = [];
  const runs = [
    async () => pipeline.push(await runPipeline()),
    async () => coldReadability.push(await runColdReadability()),
    async () => readability.push(await runReadability()),
  ];
  if (stagesFile) runs.push(async () => stages.push(await runStages(stagesFile)));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < runs.length; i++) {
      const run = (round + i) % runs.length;
      // The earlier baseline is context, not the comparison: three rounds of it are enough and save time.
      if (run === 2 && round >= warmRounds) continue;
      await runs[run]!();
    }
  }
  return { pipeline, coldReadability, readability, stages };
}

async function measurePage(
  fixture: { name: string; url: string; bytes: number },
  tab: BenchTab,
  options: MeasureOptions,
): Promise<PageMeasurement> {
  const measurement: PageMeasurement = {
    ...fixture,
    elements: 0,
    pipeline: [],
    coldReadability: [],
    readability: [],
    stages: [],
  };
  try {
    await tab.page.goto(fixture.url, { waitUntil: 'load', timeout: pageTimeoutMs });
    measurement.elements = await tab.page.evaluate<number>(`document.getElementsByTagName('*').length`);
    const tabId = await tabIdFor(options.control, tab.page.url());
    Object.assign(measurement, await withTimeout(measureOpenPage(tab, tabId, options), fixture.name));
  } catch (error) {
    measurement.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return measurement;
}

async function openTab(ext: BenchBrowser): Promise<BenchTab> {
  const page = await ext.context.newPage();
  await page.bringToFront();
  return { page, cdp: await ext.context.newCDPSession(page) };
}

/** One tab navigated from page to page (opening a tab costs more than most extractions); a new one after a failure. */
export async function measurePages(
  fixtures: { name: string; url: string; bytes: number }[],
  options: MeasureOptions,
): Promise<PageMeasurement[]> {
  const measurements: PageMeasurement[] = [];
  let tab = await openTab(options.ext);
  for (const [index, fixture] of fixtures.entries()) {
    options.onPage?.(index, fixture.name);
    const measurement = await measurePage(fixture, tab, options);
    measurements.push(measurement);
    if (measurement.error) {
      await tab.page.close().catch(() => undefined);
      tab = await openTab(options.ext);
    }
  }
  await tab.page.close().catch(() => undefined);
  return measurements;
}
