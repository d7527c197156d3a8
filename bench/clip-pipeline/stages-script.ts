// `--stages`: where the pipeline's time goes. The same steps as extension/lib/extract/page.ts, from the
// extension's own modules, bundled as one more content script and injected afresh like extract.js, with a
// timer between steps. It is not the shipped file (no WXT wrapper, esbuild instead of the WXT build), so its
// total is close to the pipeline's, not equal: read it for the shares, not for the headline.
import { build } from 'esbuild';
import { fromRoot } from '../repo-paths.ts';

export const stagesFile = 'content-scripts/bench-pipeline-stages.js';

export const stageNames = [
  'selection',
  'metadata',
  'isProbablyReaderable',
  'clone',
  'Readability.parse',
  'Markdown',
] as const;
export type StageTimes = Record<(typeof stageNames)[number], number>;

const entry = `
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { htmlToMarkdown } from './extension/lib/extract/markdown.ts';
import { readMetadata } from './extension/lib/extract/metadata.ts';
import { documentBaseUrl } from './extension/lib/extract/safe-url.ts';
import { captureSelection } from './extension/lib/extract/selection.ts';

export function measure() {
  const marks = [performance.now()];
  const mark = () => marks.push(performance.now());
  captureSelection(document);
  mark();
  readMetadata(document, location.href);
  mark();
  isProbablyReaderable(document);
  mark();
  const clone = document.cloneNode(true);
  mark();
  const parsed = new Readability(clone, { serializer: (node) => node, keepClasses: true }).parse();
  mark();
  if (parsed && parsed.content) htmlToMarkdown(parsed.content, documentBaseUrl(document, location.href));
  mark();
  const names = ${JSON.stringify(stageNames)};
  return Object.fromEntries(names.map((name, i) => [name, marks[i + 1] - marks[i]]));
}
`;

export async function buildStagesScript(): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: fromRoot('.'), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'iccBenchStages',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return `${result.outputFiles[0]!.text}iccBenchStages.measure();\n`;
}
