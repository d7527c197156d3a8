// What the production Chrome build weighs: the content script injected into the member's page on every clip,
// and the JS each extension page loads. The baseline is Readability.js minified, the floor any
// Readability-based extractor pays before adding anything of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifiedSize, type Size, sizeOfFiles } from './bundle-size/file-sizes.ts';
import { scriptsOfPage } from './bundle-size/page-scripts.ts';
import { describeBuild, ensureBuild } from './ensure-build.ts';
import { hasFlag } from './flags.ts';
import { fromRoot } from './repo-paths.ts';
import type { Bench, BenchReport, Cell } from './report.ts';

const name = 'bundle-size';
const description = 'production Chrome build: content script and extension pages, vs Readability.js minified';
const contentScript = 'content-scripts/extract.js';
const pages = ['popup.html', 'sidepanel.html', 'options.html'];
const goalKiB = 60;

const kib = (bytes: number) => bytes / 1024;

function sizeRow(what: string, size: Size, detail = ''): Cell[] {
  return [what, size.files, size.raw, kib(size.raw), size.gzip, kib(size.gzip), detail];
}

async function run(args: string[]): Promise<BenchReport> {
  const build = ensureBuild('chrome-mv3', [], hasFlag(args, 'rebuild'));
  const extract = sizeOfFiles([join(build.dir, contentScript)]);
  const background = sizeOfFiles([join(build.dir, 'background.js')]);
  const pageScripts = pages.map((page) => ({ page, files: scriptsOfPage(build.dir, page) }));

  const readabilityDir = fromRoot('node_modules/@mozilla/readability');
  const readability = readFileSync(join(readabilityDir, 'Readability.js'), 'utf8');
  const readerable = readFileSync(join(readabilityDir, 'Readability-readerable.js'), 'utf8');
  const readabilityMin = await minifiedSize(readability);
  // The pipeline also calls isProbablyReaderable, so this pair is the fairer floor for extract.js.
  const bothMin = await minifiedSize(`${readability}\n${readerable}`);
  const how = readabilityMin.minified ? 'esbuild --minify' : 'raw source: esbuild unavailable';

  const relative = (path: string) => path.slice(build.dir.length + 1);
  return {
    name,
    description,
    tables: [
      {
        title: `Sizes (1 KiB = 1,024 B; gzip per file at zlib's default level, summed)`,
        columns: ['what', 'files', 'raw B', 'raw KiB', 'gzip B', 'gzip KiB', 'files loaded'],
        rows: [
          sizeRow(contentScript, extract),
          ...pageScripts.map(({ page, files }) =>
            sizeRow(`${page} JS`, sizeOfFiles(files), files.map(relative).join(' ')),
          ),
          sizeRow('background.js', background),
          sizeRow('baseline: Readability.js', readabilityMin, how),
          sizeRow('baseline: + Readability-readerable.js', bothMin, how),
        ],
      },
    ],
    figures: [
      {
        label: `${contentScript} (minified)`,
        value: kib(extract.raw),
        unit: 'KiB',
        baseline: { label: 'Readability.js min', value: kib(readabilityMin.raw) },
        goal: { text: `≤ ${goalKiB} KiB`, met: kib(extract.raw) <= goalKiB },
      },
      {
        label: `${contentScript} gzip`,
        value: kib(extract.gzip),
        unit: 'KiB',
        baseline: { label: 'Readability.js min gzip', value: kib(readabilityMin.gzip) },
      },
    ],
    notes: [
      'Page JS = <script src> + modulepreload links + their static imports, each file once; dynamic import() and CSS not counted.',
      describeBuild(build),
    ],
    data: {
      buildDir: build.dir,
      contentScript: extract,
      background,
      pages: pageScripts.map(({ page, files }) => ({
        page,
        ...sizeOfFiles(files),
        files: files.map(relative),
      })),
      baseline: { readability: readabilityMin, readabilityAndReaderable: bothMin },
    },
  };
}

export const bundleSize: Bench = { name, description, run };
